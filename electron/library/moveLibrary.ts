import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, constants, mkdir, open, readdir, realpath, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { MethodOutput, MoveRefusal } from '../../shared/api/contract';
import { ensureDir, TEMP_FILE, writeJsonAtomic } from './atomicFile';
import { readLibraryLocation, type DataDirSource, type LibraryLocation } from './dataDir';

/**
 * Moving a library to another folder (Settings → Move the library): every file copied into an
 * empty folder, then every copy checked against its original (size and SHA-256), and only then
 * is the new place recorded. The old folder is never touched here; a refused move removes what it
 * copied, so the chosen folder is left as it was found.
 */

/** Why a move was refused; the interface says each in the user's language. */

export class MoveRefused extends Error {
  constructor(
    readonly reason: MoveRefusal,
    readonly detail = '',
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

/** Files of a library that are not copied: the open session's lock and interrupted writes' temporary files. */
const LEFT_BEHIND = new Set(['library.lock']);
const leftBehind = (name: string) => LEFT_BEHIND.has(name) || TEMP_FILE.test(name) || name.startsWith('.tmp-');

export interface LibraryFile {
  /** Relative to the library folder, with the platform's separator. */
  path: string;
  size: number;
}

/** Every file of the library folder that a move carries, in a stable order. */
export async function listLibraryFiles(dir: string): Promise<LibraryFile[]> {
  const out: LibraryFile[] = [];
  const walk = async (current: string) => {
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && !leftBehind(entry.name)) out.push({ path: relative(dir, path), size: (await stat(path)).size });
    }
  };
  await walk(dir);
  return out;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const isWithin = (parent: string, child: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/** The real path of `path`, or of its nearest existing parent with the rest appended (symbolic links resolved). */
async function realOrNearest(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    if (parent === path) return path;
    return join(await realOrNearest(parent), path.slice(parent.length));
  }
}

/**
 * Checks the chosen folder and makes it ready: absolute, outside the library (and not holding
 * it), an empty folder (created when its parent exists), one Newsdesk may write into. Refused
 * with the reason otherwise, and then nothing has changed. `created`: the folder was made here.
 */
export async function prepareTarget(source: string, target: string): Promise<{ created: boolean }> {
  if (!isAbsolute(target)) throw new MoveRefused('not_absolute', target);
  const from = await realpath(source);
  const to = await realOrNearest(resolve(target));
  if (isWithin(from, to) || isWithin(to, from)) throw new MoveRefused('inside_library', target);
  let created = false;
  const info = await stat(target).catch(() => null);
  if (info && !info.isDirectory()) throw new MoveRefused('not_a_folder', target);
  if (info) {
    if ((await readdir(target)).length > 0) throw new MoveRefused('not_empty', target);
  } else {
    const parent = await stat(dirname(target)).catch(() => null);
    if (!parent?.isDirectory()) throw new MoveRefused('missing_parent', dirname(target));
    try {
      await mkdir(target);
      created = true;
    } catch (error) {
      throw new MoveRefused('not_writable', `${target} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  const probe = join(target, '.newsdesk-write-probe');
  try {
    await writeFile(probe, 'ok');
    await unlink(probe);
  } catch (error) {
    if (created) await rm(target, { recursive: true, force: true });
    throw new MoveRefused('not_writable', `${target} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { created };
}

export interface MoveProgress {
  /** Files copied plus files checked, of twice the files. */
  done: number;
  total: number;
}

export interface CopyOptions {
  onProgress?: (progress: MoveProgress) => void;
  /** Tests: runs between the copy and the check (to damage a copy, as a failing disk would). */
  afterCopy?: () => Promise<void>;
}

/**
 * Copies every file of `source` into the empty folder `target` (prepared by prepareTarget), each
 * flushed to disk, then checks every copy against its original as it is now: same size, same
 * SHA-256, and no file missing or extra. A mismatch or a failed copy removes what was copied
 * (the target folder too when `created`) and is refused; the source is only read.
 */
export async function copyLibrary(source: string, target: string, created: boolean, options: CopyOptions = {}): Promise<{ files: number; bytes: number }> {
  const files = await listLibraryFiles(source);
  const total = files.length * 2;
  let done = 0;
  const tick = () => options.onProgress?.({ done: ++done, total });
  options.onProgress?.({ done, total });
  const undo = async () => {
    if (created) await rm(target, { recursive: true, force: true });
    else for (const name of await readdir(target).catch(() => [] as string[])) await rm(join(target, name), { recursive: true, force: true });
  };
  try {
    try {
      for (const file of files) {
        const to = join(target, file.path);
        await mkdir(dirname(to), { recursive: true });
        await copyFile(join(source, file.path), to, constants.COPYFILE_EXCL);
        const handle = await open(to, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        tick();
      }
    } catch (error) {
      throw new MoveRefused('copy_failed', `${(error as NodeJS.ErrnoException).code ?? ''} ${(error as Error).message}`.trim());
    }
    await options.afterCopy?.();
    const copied = await listLibraryFiles(target);
    if (copied.length !== files.length || copied.some((file, i) => file.path !== files[i]!.path)) throw new MoveRefused('verify_failed', 'the copied files differ from the library’s');
    for (const file of files) {
      const [a, b] = [join(source, file.path), join(target, file.path)];
      const [sa, sb] = await Promise.all([stat(a), stat(b)]);
      if (sa.size !== sb.size || (await sha256File(a)) !== (await sha256File(b))) throw new MoveRefused('verify_failed', file.path);
      tick();
    }
  } catch (error) {
    await undo();
    throw error;
  }
  return { files: files.length, bytes: files.reduce((sum, file) => sum + file.size, 0) };
}

export interface MoverOptions {
  dataDir: string;
  /** Where the new place is recorded for the next start (dataDir.ts: locationFilePath); none: not recorded (tests, scripts). */
  locationFile?: string;
  /** Where this start's folder came from: from the command line or NEWSDESK_DATA_DIR, those keep winning over a recorded move. */
  source?: DataDirSource;
}

/**
 * The library's place and its move, for the service: the move's progress, the folder moved to in
 * this session (from then on the service refuses writes, which would land in the old folder), and
 * removing the old folder once Newsdesk runs from the new one.
 */
export class LibraryMover {
  private progress: MoveProgress & { running: boolean } = { running: false, done: 0, total: 0 };
  /** The folder the library was copied to in this session (restart to use it). */
  movedTo: string | null = null;

  constructor(private readonly options: MoverOptions) {}

  location(): MethodOutput<'getLibraryLocation'> {
    const recorded = this.options.locationFile ? readLibraryLocation(this.options.locationFile) : null;
    const previous = recorded && recorded.dataDir === this.options.dataDir && !this.movedTo ? recorded.previous : null;
    return {
      dataDir: this.options.dataDir,
      source: this.options.source ?? 'default',
      canRecord: Boolean(this.options.locationFile),
      movedTo: this.movedTo,
      previous,
    };
  }

  getProgress(): MethodOutput<'getMoveProgress'> {
    return { ...this.progress };
  }

  /** Copies, checks, records (see copyLibrary); run by the service with every other write held back. */
  async move(target: string, copyOptions: CopyOptions = {}): Promise<MethodOutput<'moveLibrary'>> {
    if (this.movedTo) throw new MoveRefused('not_empty', this.movedTo);
    this.progress = { running: true, done: 0, total: 0 };
    try {
      if (!isAbsolute(target)) throw new MoveRefused('not_absolute', target);
      const to = resolve(target);
      const { created } = await prepareTarget(this.options.dataDir, to);
      const copied = await copyLibrary(this.options.dataDir, to, created, {
        ...copyOptions,
        onProgress: (progress) => (this.progress = { running: true, ...progress }),
      });
      const file = this.options.locationFile;
      if (file) {
        await ensureDir(dirname(file));
        await writeJsonAtomic(file, { dataDir: to, previous: this.options.dataDir } satisfies LibraryLocation);
      }
      this.movedTo = to;
      return { dataDir: to, ...copied, recorded: Boolean(file), overridden: this.options.source === 'args' || this.options.source === 'env' };
    } finally {
      this.progress = { ...this.progress, running: false };
    }
  }

  /**
   * Removes the folder the library was moved from, once Newsdesk runs from the new one: only the
   * folder the location file names as previous, only when it still holds a library that no
   * Newsdesk has open, and never one inside (or holding) the library in use.
   */
  async removePrevious(): Promise<MethodOutput<'removeOldLibrary'>> {
    const previous = this.location().previous;
    if (!previous || !this.options.locationFile) throw new MoveRefused('not_a_folder', 'no earlier library folder is recorded');
    const current = await realpath(this.options.dataDir);
    const old = await realpath(previous).catch(() => null);
    if (!old) throw new MoveRefused('not_a_folder', previous);
    if (isWithin(current, old) || isWithin(old, current)) throw new MoveRefused('inside_library', previous);
    if (!(await stat(join(old, 'library.json')).catch(() => null))) throw new MoveRefused('not_a_folder', `${previous} holds no library`);
    if (await stat(join(old, 'library.lock')).catch(() => null)) throw new MoveRefused('not_writable', `${previous} is open in Newsdesk`);
    await rm(old, { recursive: true, force: true });
    await writeJsonAtomic(this.options.locationFile, { dataDir: this.options.dataDir, previous: null } satisfies LibraryLocation);
    return { removed: previous };
  }
}
