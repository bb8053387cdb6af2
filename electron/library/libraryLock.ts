import { hostname } from 'node:os';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export class LibraryLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The library ${dataDir} is already open in another Newsdesk (process ${pid}).`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per library: `library.lock` holds the pid of the process that has it open. A lock
 * left by a process that is gone (a crash) is taken over.
 */
export async function acquireLibraryLock(dataDir: string): Promise<{ release: () => Promise<void> }> {
  const path = join(dataDir, 'library.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname() }));
      await handle.close();
      return { release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: unknown; host?: unknown } = {};
      try {
        holder = JSON.parse(await readFile(path, 'utf8')) as typeof holder;
      } catch {
        // unreadable lock: treat as stale
      }
      const pid = typeof holder.pid === 'number' ? holder.pid : 0;
      const sameHost = holder.host === undefined || holder.host === hostname();
      if (pid > 0 && sameHost && isAlive(pid)) throw new LibraryLockedError(dataDir, pid);
      await unlink(path).catch(() => undefined);
    }
  }
  throw new Error(`Could not lock the library ${dataDir}.`);
}
