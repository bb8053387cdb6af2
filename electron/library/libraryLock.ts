import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, open, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { resources } from '../../shared/i18n';
import type { InterfaceLanguage } from '../../shared/model/settings';
import { formatShortDateTime } from '../../shared/text/dates';

/**
 * One writer per library: `library.lock` names the process that has the library open (its pid,
 * its computer, when it took the lock, and a token of its own).
 *
 * - Taking the lock is one atomic step: the whole content is written to a temporary file, which is
 *   then hard-linked to `library.lock` (a link fails when the name exists). No opener ever sees a
 *   lock half written, and of several openers exactly one creates it.
 * - A lock of a process of this computer that is gone (a crash, a kill) is taken over. A lock that
 *   cannot be read is held while it is young (it may be one being written, on a disk that cannot
 *   link, or one whose writing a power cut interrupted): only one older than UNREADABLE_GRACE_MS is
 *   stale.
 * - A lock of another computer (a library in a shared network folder) is never taken over unless
 *   the caller says so (`takeOverLock`, after asking the user): its process may be alive.
 * - Taking over is atomic too: of several openers that judge the same lock stale, only the one that
 *   creates its takeover claim (`.tmp-<id>-library.lock.takeover-<n>`, created as the lock is)
 *   removes it — after checking it is still the lock it judged — and then competes like any other
 *   opener to create its own.
 * - Releasing removes the lock only while it still holds our token.
 */

const LOCK_NAME = 'library.lock';
/** An unreadable lock, or takeover claim, younger than this is taken to be held. */
export const UNREADABLE_GRACE_MS = 10_000;
/** Errors of a disk that cannot make hard links (FAT, exFAT, some network shares): the lock is then created with O_EXCL. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);
const ATTEMPTS = 20;

export class LibraryLockedError extends Error {
  constructor(
    readonly dataDir: string,
    /** The process holding (or now taking) the lock; null when its lock cannot be read yet. */
    readonly pid: number | null,
  ) {
    super(
      pid
        ? `The library ${dataDir} is already open in another Newsdesk (process ${pid}).`
        : `The library ${dataDir} is being opened by another Newsdesk.`,
    );
  }
}

/** The library is open on another computer: taken over only when the user confirms (`takeOverLock`). */
export class LibraryLockedElsewhereError extends Error {
  constructor(
    readonly dataDir: string,
    /** The other computer's name. */
    readonly host: string,
    /** When it took the lock (ISO), if known. */
    readonly since: string | null,
    readonly pid: number | null,
  ) {
    super(
      `The library ${dataDir} is open in Newsdesk on another computer, ${host}${since ? `, since ${since}` : ''}. ` +
        'It is taken over only when asked to (takeOverLock), once Newsdesk there is closed.',
    );
  }
}

export interface LockOptions {
  /** Take over a lock held by another computer (the user has confirmed that Newsdesk there is closed). */
  takeOverLock?: boolean;
}

export interface LibraryLock {
  /** Whether a lock left behind was taken over: the last session did not close (a crash, a kill) or was on another computer. */
  readonly tookOver: boolean;
  /** Removes the lock, if it is still ours. */
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  host?: string;
  at?: string;
  token?: string;
}

/** A lock (or claim) file as found: who it names (null: unreadable), how old it is, and what identifies this very file. */
interface Seen {
  holder: Holder | null;
  ageMs: number;
  modified: string;
  /** Its inode, modification time and bytes, hashed: a lock is never rewritten in place, so another lock has another id. */
  id: string;
}

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;
const sameHost = (host: string | undefined) => host === undefined || host.toLowerCase() === hostname().toLowerCase();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
}

function parseHolder(raw: string): Holder | null {
  try {
    const data = JSON.parse(raw) as Record<string, unknown> | null;
    if (typeof data !== 'object' || data === null || !Number.isInteger(data.pid) || (data.pid as number) <= 0) return null;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return { pid: data.pid as number, host: text(data.host), at: text(data.at), token: text(data.token) };
  } catch {
    return null;
  }
}

/** The file at `path` as it is now (null: there is none), read through one handle so that its identity and content agree. */
async function look(path: string): Promise<Seen | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const info = await handle.stat();
    const raw = await handle.readFile('utf8');
    const id = createHash('sha256').update(`${info.dev}:${info.ino}:${info.mtimeMs}:${raw}`).digest('hex').slice(0, 12);
    return { holder: parseHolder(raw), ageMs: Date.now() - info.mtimeMs, modified: info.mtime.toISOString(), id };
  } finally {
    await handle.close();
  }
}

/**
 * Creates `path` holding `content`, whole, unless it exists: the content goes to a temporary file
 * first, which is then hard-linked to `path`. Returns false when `path` exists.
 */
async function createExclusive(path: string, content: string): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const tmp = join(dirname(path), `.tmp-${randomBytes(6).toString('hex')}-${basename(path)}`);
    await writeFile(tmp, content, { flag: 'wx' });
    try {
      await link(tmp, path);
      return true;
    } catch (error) {
      const errno = errnoOf(error);
      if (errno === 'EEXIST') return false;
      // The temporary file was removed under us (a library opening cleans its folder): again.
      if (errno === 'ENOENT') continue;
      if (!NO_LINKS.has(errno ?? '')) throw error;
      return createWithoutLink(path, content);
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
  }
  throw new Error(`Could not create ${path}.`);
}

/** On a disk without hard links: O_EXCL, then the content (an opener meanwhile finds it empty, which counts as held). */
async function createWithoutLink(path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

/** Whether the lock `seen` may be taken over; if not, the error saying who holds it. */
function verdict(dataDir: string, seen: Seen, options: LockOptions): Error | null {
  const holder = seen.holder;
  if (!holder) return seen.ageMs < UNREADABLE_GRACE_MS ? new LibraryLockedError(dataDir, null) : null;
  if (!sameHost(holder.host)) {
    return options.takeOverLock ? null : new LibraryLockedElsewhereError(dataDir, holder.host!, holder.at ?? seen.modified, holder.pid);
  }
  return isAlive(holder.pid) ? new LibraryLockedError(dataDir, holder.pid) : null;
}

/** Whether a takeover claim was left by an opener that is gone (or, from another computer or unreadable, is too old to be at work). */
function abandoned(claim: Seen): boolean {
  const holder = claim.holder;
  if (holder && sameHost(holder.host)) return !isAlive(holder.pid);
  return claim.ageMs >= UNREADABLE_GRACE_MS;
}

/**
 * Removes the stale lock `seen`, if it is still there, such that of all the openers that judged
 * it stale only one does: the one that creates the takeover claim for it. A claim left by an
 * opener that died is passed over (the next level's claim is taken). Throws LibraryLockedError
 * when another opener is taking the lock over now.
 */
async function removeStale(dataDir: string, path: string, seen: Seen, me: string): Promise<void> {
  const claimPath = (level: number) => join(dataDir, `.tmp-${seen.id}-${LOCK_NAME}.takeover-${level}`);
  let level = 1;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!(await createExclusive(claimPath(level), me))) {
      const claim = await look(claimPath(level));
      if (claim === null) continue; // removed in between: try the same level again
      if (!abandoned(claim)) throw new LibraryLockedError(dataDir, claim.holder?.pid ?? null);
      level++;
      continue;
    }
    try {
      // The claim is ours: nobody else removes this lock now. Still the one judged stale?
      const now = await look(path);
      if (now?.id === seen.id) await unlink(path).catch((error: unknown) => (errnoOf(error) === 'ENOENT' ? undefined : Promise.reject(error)));
    } finally {
      for (let l = level; l >= 1; l--) await unlink(claimPath(l)).catch(() => undefined);
    }
    return;
  }
  throw new LibraryLockedError(dataDir, null);
}

/**
 * Locks the library in `dataDir` for this process. Throws LibraryLockedError when a process of
 * this computer has it open (or is opening it), LibraryLockedElsewhereError when another computer
 * does (unless `takeOverLock`).
 */
export async function acquireLibraryLock(dataDir: string, options: LockOptions = {}): Promise<LibraryLock> {
  const path = join(dataDir, LOCK_NAME);
  const token = randomBytes(16).toString('hex');
  const me = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString(), token });
  let tookOver = false;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (await createExclusive(path, me)) {
      let released = false;
      return {
        tookOver,
        release: async () => {
          if (released) return;
          released = true;
          const now = await look(path).catch(() => null);
          if (now?.holder?.token === token) await unlink(path).catch(() => undefined);
        },
      };
    }
    const seen = await look(path);
    if (seen === null) continue; // released in between
    const refusal = verdict(dataDir, seen, options);
    if (refusal) throw refusal;
    tookOver = true;
    await removeStale(dataDir, path, seen, me);
  }
  throw new LibraryLockedError(dataDir, null);
}

/** `{{name}}` in a message, filled in. */
const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** The values of the `lock.*` messages (shared/i18n) for a lock held elsewhere. */
export function lockedElsewhereValues(error: LibraryLockedElsewhereError, language: InterfaceLanguage): Record<string, string> {
  const lock = resources[language].translation.lock as Record<string, string>;
  let since = lock.unknownTime!;
  if (error.since && !Number.isNaN(Date.parse(error.since))) since = formatShortDateTime(error.since);
  return { dataDir: error.dataDir, host: error.host, since };
}

/**
 * What a command-line tool prints when the library is open on another computer: one sentence in
 * Vietnamese and one in English, naming the computer and how to take the library over
 * (`command`: the same command with --take-over-lock).
 */
export function lockedElsewhereNotice(error: LibraryLockedElsewhereError, command: string): string {
  return (['vi', 'en'] as const)
    .map((language) => fill((resources[language].translation.lock as Record<string, string>).cli!, { ...lockedElsewhereValues(error, language), command }))
    .join('\n');
}

/** The command-line flag that takes over a lock held by another computer. */
export const TAKE_OVER_FLAG = '--take-over-lock';
/** The exit code of a command (and of the app) that could not open the library because it is open elsewhere. */
export const LOCKED_EXIT_CODE = 3;
