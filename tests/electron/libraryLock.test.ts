import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireLibraryLock,
  LibraryLockedElsewhereError,
  LibraryLockedError,
  lockedElsewhereNotice,
  UNREADABLE_GRACE_MS,
} from '../../electron/library/libraryLock';
import { LibraryService } from '../../electron/library/LibraryService';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * Issue 12, item 5: one writer per library (electron/library/libraryLock.ts). A lock of another
 * computer is never taken over unasked; taking the lock, and taking over a stale one, is atomic
 * even with several openers at once (real processes); an unreadable lock is held while young; a
 * lock is released only while it is still ours.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

const lockPath = () => join(dir, 'library.lock');
const lockOf = (fields: Record<string, unknown>) => JSON.stringify(fields);
/** A pid no process has: that of a process that has ended. */
const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
const minuteAgo = () => new Date(Date.now() - 60_000);
const OTHER_HOST = 'may-bien-tap-2';

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, 'the lock was taken').not.toBeNull();
  return error!;
}

/** The files of the library folder other than the lock: what an opener left behind. */
const leftovers = async (folder = dir) => (await readdir(folder)).filter((name) => name !== 'library.lock');

describe('the library lock', () => {
  it('names its holder completely from the moment it exists', async () => {
    const lock = await acquireLibraryLock(dir);
    const held = JSON.parse(await readFile(lockPath(), 'utf8'));
    expect(held).toMatchObject({ pid: process.pid, host: hostname() });
    expect(Date.parse(held.at)).not.toBeNaN();
    expect(held.token).toMatch(/^[0-9a-f]{32}$/);
    expect(lock.tookOver).toBe(false);
    expect(await leftovers()).toEqual([]);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a second opener while the holder lives, and leaves its lock as it is', async () => {
    const lock = await acquireLibraryLock(dir);
    const before = await readFile(lockPath(), 'utf8');
    const error = await failure(acquireLibraryLock(dir));
    expect(error).toBeInstanceOf(LibraryLockedError);
    expect((error as LibraryLockedError).pid).toBe(process.pid);
    expect(await readFile(lockPath(), 'utf8')).toBe(before);
    await lock.release();
  });

  it.each([
    ['a lock with everything', () => lockOf({ pid: deadPid, host: hostname(), at: new Date().toISOString(), token: 'a'.repeat(32) })],
    ['a lock from before the lock had a computer and a time', () => lockOf({ pid: deadPid })],
    ['a lock naming this computer in other letters', () => lockOf({ pid: deadPid, host: hostname().toUpperCase() })],
  ])('takes over %s of a process of this computer that is gone', async (_, content) => {
    await writeFile(lockPath(), content());
    const lock = await acquireLibraryLock(dir);
    expect(lock.tookOver).toBe(true);
    expect(JSON.parse(await readFile(lockPath(), 'utf8')).pid).toBe(process.pid);
    expect(await leftovers()).toEqual([]);
    await lock.release();
  });

  it('never takes over a live process of this computer, even when asked to take over', async () => {
    const content = lockOf({ pid: process.ppid, host: hostname(), at: new Date().toISOString() });
    await writeFile(lockPath(), content);
    for (const options of [{}, { takeOverLock: true }]) {
      const error = await failure(acquireLibraryLock(dir, options));
      expect(error).toBeInstanceOf(LibraryLockedError);
      expect((error as LibraryLockedError).pid).toBe(process.ppid);
    }
    expect(await readFile(lockPath(), 'utf8')).toBe(content);
  });

  describe('of another computer (a library in a shared network folder)', () => {
    it.each([
      ['alive or not, as far as this computer can tell', { pid: process.pid, host: OTHER_HOST, at: '2026-11-27T01:15:00.000Z', token: 'b'.repeat(32) }],
      ['whose pid is not a process here', { pid: deadPid, host: OTHER_HOST, at: '2026-11-27T01:15:00.000Z' }],
      ['years old', { pid: deadPid, host: OTHER_HOST, at: '2020-01-01T00:00:00.000Z' }],
    ])('is never taken over unasked (%s): opening fails naming the computer and when, and the lock stays', async (_, fields) => {
      const content = lockOf(fields);
      await writeFile(lockPath(), content);
      await utimes(lockPath(), minuteAgo(), minuteAgo());
      const error = await failure(acquireLibraryLock(dir));
      expect(error).toBeInstanceOf(LibraryLockedElsewhereError);
      expect(error).toMatchObject({ host: OTHER_HOST, since: fields.at, pid: fields.pid, dataDir: dir });
      expect(error.message).toContain(OTHER_HOST);
      expect(await readFile(lockPath(), 'utf8')).toBe(content);
      expect(await leftovers()).toEqual([]);
    });

    it('says when the lock was taken by its file when the lock does not', async () => {
      await writeFile(lockPath(), lockOf({ pid: 4242, host: OTHER_HOST }));
      await utimes(lockPath(), new Date('2026-11-27T01:15:00Z'), new Date('2026-11-27T01:15:00Z'));
      const error = (await failure(acquireLibraryLock(dir))) as LibraryLockedElsewhereError;
      expect(error.since).toBe('2026-11-27T01:15:00.000Z');
    });

    it('is taken over when the caller says the user confirmed', async () => {
      await writeFile(lockPath(), lockOf({ pid: process.pid, host: OTHER_HOST, at: '2026-11-27T01:15:00.000Z' }));
      const lock = await acquireLibraryLock(dir, { takeOverLock: true });
      expect(lock.tookOver).toBe(true);
      expect(JSON.parse(await readFile(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
      await lock.release();
    });

    it('makes LibraryService.open fail with the distinct error, and open with takeOverLock', async () => {
      const library = join(dir, 'library');
      await mkdir(library);
      const content = lockOf({ pid: 4242, host: OTHER_HOST, at: '2026-11-27T01:15:00.000Z' });
      await writeFile(join(library, 'library.lock'), content);
      const error = await failure(LibraryService.open({ dataDir: library }));
      expect(error).toBeInstanceOf(LibraryLockedElsewhereError);
      expect(await readdir(library)).toEqual(['library.lock']);
      expect(await readFile(join(library, 'library.lock'), 'utf8')).toBe(content);
      const service = await LibraryService.open({ dataDir: library, takeOverLock: true });
      expect(JSON.parse(await readFile(join(library, 'library.lock'), 'utf8')).pid).toBe(process.pid);
      await service.dispose();
      await expect(stat(join(library, 'library.lock'))).rejects.toThrow();
    });

    it('is described on the command line in one Vietnamese and one English sentence, naming the computer and how to take over', () => {
      const error = new LibraryLockedElsewhereError('/srv/bao/thu-vien', OTHER_HOST, '2026-11-27T01:15:00.000Z', 4242);
      const lines = lockedElsewhereNotice(error, 'npm start -- --take-over-lock').split('\n');
      expect(lines).toHaveLength(2);
      for (const line of lines) {
        expect(line).toContain(OTHER_HOST);
        expect(line).toContain('/srv/bao/thu-vien');
        expect(line).toContain('--take-over-lock');
        expect(line).toContain('npm start -- --take-over-lock');
        // When, in Vietnam time (the library's own time zone is not known before it is open).
        expect(line).toContain('27/11/2026 08:15');
        expect(line.match(/[.;]\s/g) ?? []).toHaveLength(1);
      }
      expect(lines[0]).toMatch(/^Thư viện .* đang được Newsdesk trên máy may-bien-tap-2 mở/);
      expect(lines[1]).toMatch(/^The library .* is open in Newsdesk on the computer may-bien-tap-2/);
    });
  });

  describe('unreadable (being written, or cut short by a crash or a power cut)', () => {
    const unreadable = ['', '{"pid":', 'không phải JSON', '{"host":"may-1"}', '{"pid":-1}', '{"pid":"12"}', 'null'];

    it.each(unreadable.map((content) => [JSON.stringify(content), content]))('is held while young: %s', async (_, content) => {
      await writeFile(lockPath(), content);
      const error = await failure(acquireLibraryLock(dir));
      expect(error).toBeInstanceOf(LibraryLockedError);
      expect((error as LibraryLockedError).pid).toBeNull();
      expect(await readFile(lockPath(), 'utf8')).toBe(content);
    });

    it.each(unreadable.map((content) => [JSON.stringify(content), content]))(`is stale once older than ${UNREADABLE_GRACE_MS / 1000} s: %s`, async (_, content) => {
      await writeFile(lockPath(), content);
      const old = new Date(Date.now() - UNREADABLE_GRACE_MS - 1000);
      await utimes(lockPath(), old, old);
      const lock = await acquireLibraryLock(dir);
      expect(lock.tookOver).toBe(true);
      expect(JSON.parse(await readFile(lockPath(), 'utf8')).pid).toBe(process.pid);
      await lock.release();
    });
  });

  it('releases only a lock that is still its own', async () => {
    const lock = await acquireLibraryLock(dir);
    const someoneElse = lockOf({ pid: process.ppid, host: hostname(), at: new Date().toISOString(), token: 'c'.repeat(32) });
    await writeFile(lockPath(), someoneElse);
    await lock.release();
    expect(await readFile(lockPath(), 'utf8')).toBe(someoneElse);
    await lock.release();
    expect(await readFile(lockPath(), 'utf8')).toBe(someoneElse);
  });

  describe('while another opener takes a stale lock over', () => {
    /** The takeover claim of the lock now in the folder (its name: `.tmp-<id>-library.lock.takeover-<level>`, id from the lock's inode, time and bytes). */
    async function claimPath(level: number): Promise<string> {
      const info = await stat(lockPath());
      const raw = await readFile(lockPath(), 'utf8');
      const id = createHash('sha256').update(`${info.dev}:${info.ino}:${info.mtimeMs}:${raw}`).digest('hex').slice(0, 12);
      return join(dir, `.tmp-${id}-library.lock.takeover-${level}`);
    }

    it('waits its turn: a claim of a live opener means the lock is being taken (nothing is removed)', async () => {
      const stale = lockOf({ pid: deadPid, host: hostname() });
      await writeFile(lockPath(), stale);
      const claim = await claimPath(1);
      await writeFile(claim, lockOf({ pid: process.ppid, host: hostname(), at: new Date().toISOString() }));
      const error = await failure(acquireLibraryLock(dir));
      expect(error).toBeInstanceOf(LibraryLockedError);
      expect((error as LibraryLockedError).pid).toBe(process.ppid);
      expect(await readFile(lockPath(), 'utf8')).toBe(stale);
      expect(await readFile(claim, 'utf8')).toContain(String(process.ppid));
    });

    it('passes over a claim left by an opener that died, and removes it', async () => {
      await writeFile(lockPath(), lockOf({ pid: deadPid, host: hostname() }));
      await writeFile(await claimPath(1), lockOf({ pid: deadPid, host: hostname(), at: new Date().toISOString() }));
      const lock = await acquireLibraryLock(dir);
      expect(JSON.parse(await readFile(lockPath(), 'utf8')).pid).toBe(process.pid);
      expect(await leftovers()).toEqual([]);
      await lock.release();
    });
  });
});

describe('several openers at once (real processes)', () => {
  const OPENERS = 5;
  const ROUNDS = 50;
  interface Reply {
    won?: boolean;
    error?: string;
    pid?: number | null;
    released?: boolean;
  }
  let work: string;
  const openers: Array<{ child: ChildProcessWithoutNullStreams; replies: Reply[]; waiting: Array<(reply: Reply) => void> }> = [];

  beforeAll(async () => {
    work = await makeTempDir();
    const bundle = join(work, 'libraryLock.cjs');
    await build({ entryPoints: [join(root, 'electron/library/libraryLock.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
    // Each opener takes the lock when told ("acquire <folder>"), says whether it won, holds the
    // lock until told to release it.
    const script = join(work, 'opener.cjs');
    await writeFile(
      script,
      `const { acquireLibraryLock } = require(${JSON.stringify(bundle)});
const lines = require('node:readline').createInterface({ input: process.stdin });
let lock = null;
const send = (reply) => process.stdout.write(JSON.stringify(reply) + '\\n');
lines.on('line', async (line) => {
  const [command, folder] = line.split('\\t');
  if (command === 'acquire') {
    try {
      lock = await acquireLibraryLock(folder);
      send({ won: true });
    } catch (error) {
      send({ won: false, error: error.constructor.name, pid: error.pid ?? null, message: error.message });
    }
  } else if (command === 'release') {
    if (lock) await lock.release();
    lock = null;
    send({ released: true });
  }
});
`,
    );
    for (let i = 0; i < OPENERS; i++) {
      const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
      const opener = { child, replies: [] as Reply[], waiting: [] as Array<(reply: Reply) => void> };
      createInterface({ input: child.stdout }).on('line', (line) => {
        const reply = JSON.parse(line) as Reply;
        const resolve = opener.waiting.shift();
        if (resolve) resolve(reply);
        else opener.replies.push(reply);
      });
      openers.push(opener);
    }
  }, 60_000);
  afterAll(async () => {
    for (const { child } of openers) child.stdin.end();
    await Promise.all(openers.map(({ child }) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve)))));
    await removeDir(work);
  });

  const ask = (index: number, command: string): Promise<Reply> => {
    const opener = openers[index]!;
    const reply = new Promise<Reply>((resolve) => {
      const ready = opener.replies.shift();
      if (ready) resolve(ready);
      else opener.waiting.push(resolve);
    });
    opener.child.stdin.write(`${command}\n`);
    return reply;
  };

  /** What each round finds in the folder: a stale lock in each of the forms a crash leaves, or none. */
  const staleLocks: Array<[string, ((path: string) => Promise<void>) | null]> = [
    ['a lock of a process that is gone', (path) => writeFile(path, lockOf({ pid: deadPid, host: hostname(), at: new Date().toISOString(), token: 'd'.repeat(32) }))],
    ['an old lock without a computer', (path) => writeFile(path, lockOf({ pid: deadPid }))],
    [
      'an old empty lock',
      async (path) => {
        await writeFile(path, '');
        await utimes(path, minuteAgo(), minuteAgo());
      },
    ],
    [
      'an old lock cut short',
      async (path) => {
        await writeFile(path, '{"pid":12');
        await utimes(path, minuteAgo(), minuteAgo());
      },
    ],
    ['no lock', null],
  ];

  it(`lets exactly one of ${OPENERS} openers have the library, ${ROUNDS} times over`, async () => {
    const pids = new Set(openers.map(({ child }) => child.pid!));
    for (let round = 0; round < ROUNDS; round++) {
      const [form, leave] = staleLocks[round % staleLocks.length]!;
      const folder = join(work, `round-${round}`);
      await mkdir(folder);
      if (leave) await leave(join(folder, 'library.lock'));
      const replies = await Promise.all(openers.map((_, i) => ask(i, `acquire\t${folder}`)));
      const winners = replies.flatMap((reply, i) => (reply.won ? [openers[i]!.child.pid!] : []));
      expect(winners, `round ${round} (${form}): ${JSON.stringify(replies)}`).toHaveLength(1);
      for (const reply of replies.filter((r) => !r.won)) {
        expect(reply.error, `round ${round} (${form})`).toBe('LibraryLockedError');
        expect(pids.has(reply.pid!), `round ${round} (${form}): ${JSON.stringify(reply)}`).toBe(true);
      }
      const held = JSON.parse(await readFile(join(folder, 'library.lock'), 'utf8'));
      expect(held.pid, `round ${round} (${form})`).toBe(winners[0]);
      expect(await leftovers(folder), `round ${round} (${form}): files left by the openers`).toEqual([]);
      await Promise.all(openers.map((_, i) => ask(i, 'release')));
      expect(await readdir(folder), `round ${round} (${form}): released`).toEqual([]);
    }
  });
});
