import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeJsonAtomic } from './atomicFile';

export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/**
 * A lowdb adapter for one JSON file on disk, written atomically (temp file, fsync, rename).
 * Unlike lowdb's JSONFilePreset it never swaps in a memory adapter under NODE_ENV=test, so tests
 * hit the disk, and it reports a file that does not parse instead of throwing a SyntaxError.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(raw) as T;
    } catch (error) {
      throw new UnreadableFileError(this.path, `not valid JSON (${(error as Error).message})`);
    }
  }

  async write(data: T): Promise<void> {
    await writeJsonAtomic(this.path, data);
  }
}
