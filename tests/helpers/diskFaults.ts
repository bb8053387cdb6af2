import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from './tempDir';

/** Every file under `dir` and its bytes (hex): two of these are equal when nothing in the folder changed, byte for byte. */
export async function folderBytes(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const file of await listFiles(dir)) result[file] = (await readFile(join(dir, file))).toString('hex');
  return result;
}

/** The temporary files of atomic writes (electron/library/atomicFile.ts) anywhere under `dir`. */
export async function tempFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((file) => /(^|[\\/])\.tmp-/.test(file));
}
