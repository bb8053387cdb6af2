import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const TMP_MARK = '.tmp-';

export interface PreparedWrite {
  /** Renames the flushed temporary file over the target and flushes the folder. */
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** The first half of an atomic write: the new content, flushed, in a temporary file beside `path`. */
export async function prepareAtomicWrite(path: string, data: string | Uint8Array): Promise<PreparedWrite> {
  const dir = dirname(path);
  const tmp = join(dir, `${TMP_MARK}${randomBytes(6).toString('hex')}-${path.slice(dir.length + 1)}`);
  const handle = await open(tmp, 'w', 0o644);
  try {
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
        await rename(tmp, path);
      } catch (error) {
        await abort();
        throw error;
      }
      await syncDirectory(dir);
    },
  };
}

/**
 * Writes a file so that a crash leaves either the old or the new content, never a torn file:
 * write to a temporary file beside it, fsync, rename over the target, fsync the folder.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await (await prepareAtomicWrite(path, data)).commit();
}

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

/** Removes temporary files an interrupted write left behind. */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.startsWith(TMP_MARK)).map((n) => unlink(join(dir, n)).catch(() => undefined)));
}

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}
