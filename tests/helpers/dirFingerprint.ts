import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * A byte-for-byte fingerprint of a folder and everything under it: every directory (with its
 * modification time, which changes when anything is created, renamed or removed in it — a temp
 * file written and taken away again included) and every file (size, modification time, SHA-256
 * of its bytes). Two equal fingerprints: nothing was written there in between.
 */
export async function dirFingerprint(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const walk = async (current: string) => {
    const info = await stat(current);
    result[`${relative(dir, current) || '.'}/`] = `dir:${info.mtimeMs}`;
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
      } else {
        const file = await stat(path);
        const hash = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
        result[relative(dir, path)] = `${file.size}:${file.mtimeMs}:${hash}`;
      }
    }
  };
  await walk(dir);
  return result;
}
