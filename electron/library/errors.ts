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

/** Any thrown value as error data: our failures keep their code, file-system errors become storage errors. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return { code: error.code, message: error.message };
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) {
    return { code: 'storage_error', message: `${errno}: ${(error as Error).message}` };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
