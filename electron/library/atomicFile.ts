import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const TMP_MARK = '.tmp-';
/** The name of a temporary file an atomic write makes (`.tmp-<12 hex>-<name>`): nothing else is named so. */
export const TEMP_FILE = /^\.tmp-[0-9a-f]{12}-./;

export interface PreparedWrite {
  /** Renames the flushed temporary file over the target and flushes the folder. */
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Folders whose flush after a rename is left to the caller: many files written together (a
 * bundle received) flush each folder once, at the end (flushFolders), instead of once per file.
 */
export type DeferredFlushes = Set<string>;

/** The first half of an atomic write: the new content, flushed, in a temporary file beside `path`. */
export async function prepareAtomicWrite(path: string, data: string | Uint8Array, deferred?: DeferredFlushes): Promise<PreparedWrite> {
  const dir = dirname(path);
  const tmp = join(dir, `${TMP_MARK}${randomBytes(6).toString('hex')}-${path.slice(dir.length + 1)}`);
  injectFault('open', tmp);
  const handle = await open(tmp, 'w', 0o644);
  try {
    injectFault('write', tmp);
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  const abort = () => unlink(tmp).catch(() => undefined);
  return {
    abort,
    commit: async () => {
      try {
        injectFault('rename', tmp, path);
        await rename(tmp, path);
      } catch (error) {
        await abort();
        // The folder took the temporary file a moment ago: it is the target that refuses (on
        // Windows, a file open in another program, or read-only).
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY') (error as TargetRefused).targetRefused = true;
        throw error;
      }
      // Once renamed the write has happened: a folder that cannot be flushed (some file systems
      // refuse it) must not make it look as if it had failed.
      if (deferred) deferred.add(dir);
      else await syncDirectory(dir).catch(() => undefined);
    },
  };
}

/** Marks a file-system error raised when the target of an atomic write refused to be replaced. */
export type TargetRefused = NodeJS.ErrnoException & { targetRefused?: boolean };

/**
 * Writes a file so that a crash leaves either the old or the new content, never a torn file:
 * write to a temporary file beside it, fsync, rename over the target, fsync the folder.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, deferred?: DeferredFlushes): Promise<void> {
  await (await prepareAtomicWrite(path, data, deferred)).commit();
}

/** Flushes the folders whose flush was deferred (see DeferredFlushes); a folder that cannot be flushed is left, as in commit. */
export async function flushFolders(deferred: DeferredFlushes): Promise<void> {
  const dirs = [...deferred];
  deferred.clear();
  for (let i = 0; i < dirs.length; i += FOLDERS_FLUSHED_AT_ONCE) {
    await Promise.all(dirs.slice(i, i + FOLDERS_FLUSHED_AT_ONCE).map((dir) => syncDirectory(dir).catch(() => undefined)));
  }
}
const FOLDERS_FLUSHED_AT_ONCE = 16;

async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, jsonText(value));
}

/** Removes temporary files an interrupted write left behind (`names`: the folder's listing, when already made). */
export async function removeStaleTempFiles(dir: string, listing?: readonly string[]): Promise<void> {
  let names: readonly string[];
  try {
    names = listing ?? (await readdir(dir));
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.startsWith(TMP_MARK)).map((n) => unlink(join(dir, n)).catch(() => undefined)));
}

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

// ---- TEST HOOK: failures of the disk, made on purpose -----------------------------------------
// Inert unless a test sets it (tests/electron/diskFailures.test.ts) or the web host is started
// with NEWSDESK_FAULT_FILE (tests/e2e/disk-failures.spec.ts; see electron/transport/webHost.ts).
// Tests run as root, for whom no folder is unwritable, so the errors are thrown here instead.

/**
 * The steps of an atomic write a fault can hit: creating the temporary file (a folder that may
 * not be written: EACCES, EPERM, EROFS), writing it (a full disk: ENOSPC), renaming it over the
 * target (a file locked by another program: EBUSY, or EPERM on Windows).
 */
export type WriteStep = 'open' | 'write' | 'rename';
/** Says, for each step of each atomic write, the errno to fail it with (or null to let it run). */
export type WriteFault = (step: WriteStep, path: string) => string | null;

let writeFault: WriteFault | null = null;

/** TEST ONLY: makes atomic writes fail as `fault` says, until called again with null. */
export function setWriteFault(fault: WriteFault | null): void {
  writeFault = fault;
}

/** The step at which each errno naturally shows up (see WriteStep); any other errno fails the write. */
export function naturalStep(errno: string): WriteStep {
  if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS') return 'open';
  if (errno === 'EBUSY') return 'rename';
  return 'write';
}

/** TEST ONLY: every atomic write fails with `errno`, at `step` (by default where that errno shows up). */
export function failWritesWith(errno: string, step: WriteStep = naturalStep(errno)): WriteFault {
  return (at) => (at === step ? errno : null);
}

/**
 * TEST ONLY: while the file `faultFile` exists, every atomic write fails as it says: an errno
 * (`ENOSPC`), optionally followed by the step (`EPERM rename`). Read at every step, so a test
 * turns the disk "full" and back by creating and removing the file.
 */
export function faultFromFile(faultFile: string): WriteFault {
  return (step) => {
    let words: string[];
    try {
      words = readFileSync(faultFile, 'utf8').trim().split(/\s+/);
    } catch {
      return null;
    }
    const [errno, at] = words;
    if (!errno || !/^E[A-Z]+$/.test(errno)) return null;
    return step === (at ?? naturalStep(errno)) ? errno : null;
  };
}

function injectFault(step: WriteStep, path: string, dest?: string): void {
  const errno = writeFault?.(step, path);
  if (!errno) return;
  const where = dest ? `'${path}' -> '${dest}'` : `'${path}'`;
  const error: NodeJS.ErrnoException = new Error(`${errno}: injected by a test, ${step} ${where}`);
  error.code = errno;
  error.syscall = step;
  error.path = path;
  if (dest) (error as NodeJS.ErrnoException & { dest?: string }).dest = dest;
  throw error;
}
