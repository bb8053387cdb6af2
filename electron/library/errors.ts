import type { ApiError, ErrorCode } from '../../shared/api/contract';

/** A failure the service reports to the caller; transports turn it into `{ ok: false, error }`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function fail(code: ErrorCode, message: string): never {
  throw new ApiFailure(code, message);
}

/**
 * Why the disk refused a write. A `storage_error`'s message starts with it (`disk_full: …`), so
 * the interface can say which in the user's language (renderer/hooks/useArticleDraft.ts,
 * storageFailureOf): the library folder may not be written, the disk is full, the file is held by
 * another program — or some other error of the disk.
 */
export type StorageFailure = 'no_permission' | 'disk_full' | 'file_locked' | 'disk_error';

const REASONS: Record<StorageFailure, string> = {
  no_permission: 'Newsdesk may not write to the library folder',
  disk_full: 'the disk is full',
  file_locked: 'the file is held by another program (or is read-only)',
  disk_error: 'the disk reported an error',
};

/** Which of the failures a file-system error is (see StorageFailure). */
export function storageFailureOf(error: NodeJS.ErrnoException): StorageFailure {
  const errno = error.code ?? '';
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return 'disk_full';
  if (errno === 'EBUSY' || errno === 'ETXTBSY') return 'file_locked';
  // EPERM/EACCES when a written temporary file could not replace its target: the folder takes
  // new files, so it is the file that refuses (electron/library/atomicFile.ts marks it).
  if (errno === 'EPERM' || errno === 'EACCES') return (error as { targetRefused?: boolean }).targetRefused ? 'file_locked' : 'no_permission';
  if (errno === 'EROFS') return 'no_permission';
  return 'disk_error';
}

/** Any thrown value as error data: our failures keep their code, file-system errors become storage errors. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return { code: error.code, message: error.message };
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) {
    const failure = storageFailureOf(error as NodeJS.ErrnoException);
    return { code: 'storage_error', message: `${failure}: ${REASONS[failure]} (${(error as Error).message}).` };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
