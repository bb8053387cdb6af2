import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { flushFolders, TEMP_FILE, type DeferredFlushes } from '../library/atomicFile';
import { comparable } from './exportFolder';

/** What stands at a path of the export folder: a file, a symbolic link, a folder, or something else. */
export type EntryKind = 'file' | 'link' | 'folder' | 'other';

const kindOf = (entry: Dirent | { isFile(): boolean; isSymbolicLink(): boolean; isDirectory(): boolean }): EntryKind =>
  entry.isSymbolicLink() ? 'link' : entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';

/** Files flushed at once at the end of an export. */
const FLUSHED_AT_ONCE = 32;

const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * The export folder as an export may change it. Nothing is ever written, made or deleted through
 * a symbolic link, whatever the link points at (outside the folder, elsewhere inside it, nowhere):
 *
 * - A link standing for a folder (`tu-khoa -> /elsewhere`, at any depth, `assets/` and
 *   `assets/fonts/` included) is left as it is, and nothing is written or deleted beneath it; the
 *   export notes `link-refused:<path>` and carries on with the rest. Before the first write into
 *   (or deletion from) a folder, its real path (links followed) must be exactly where it should
 *   be inside the real export folder; and again right before each file is made, renamed into
 *   place or removed there, so that a link put in the place of a folder (or of one above it) while
 *   the export runs is never written or deleted through either.
 * - A link standing for a file (a page, an image, a font, a dangling link) is replaced: the new file
 *   is renamed over the link itself, so the link's target is never written (`link-replaced:<path>`);
 *   a page no longer planned is removed by unlinking the link, never its target.
 * - A folder where a file should be is left alone (`not-a-file:<path>`).
 *
 * The folder is scanned once at the start (links not followed): that listing also removes the
 * temporary files of an export killed midway, and tells which planned files are missing.
 *
 * Every file is written to a temporary file beside it and renamed into place, so a web server
 * reading the folder never sees half a page. The flush to disk is made once for all files, at the
 * end (flush, before the manifest and record that name them are written): a crash before then
 * leaves the old manifest, which does not vouch for them.
 */
export class ExportTarget {
  readonly notes: string[] = [];
  private readonly folders = new Map<string, Promise<boolean>>();
  private readonly deferred: DeferredFlushes = new Set();
  /** Files written, to flush (their content) before the manifest is written. */
  private readonly unflushed: string[] = [];

  private constructor(
    /** The export folder's real path. */
    readonly root: string,
    private readonly present: Map<string, EntryKind>,
  ) {}

  /** Scans `root` (a real path): what is there, by site path, temporary files of interrupted writes removed. */
  static async open(root: string): Promise<ExportTarget> {
    const present = new Map<string, EntryKind>();
    const walk = async (dir: string, prefix: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => [] as Dirent[]);
      for (const entry of entries) {
        const path = `${prefix}${entry.name}`;
        const kind = kindOf(entry);
        if (kind === 'file' && TEMP_FILE.test(entry.name)) {
          await unlink(join(dir, entry.name)).catch(() => undefined);
          continue;
        }
        present.set(path, kind);
        if (kind === 'folder') await walk(join(dir, entry.name), `${path}/`);
      }
    };
    await walk(root, '');
    return new ExportTarget(root, present);
  }

  /** Whether `path` is a plain file of the folder now (not a link, not beneath one). */
  isFile(path: string): boolean {
    return this.present.get(path) === 'file';
  }

  private note(note: string): void {
    if (!this.notes.includes(note)) this.notes.push(note);
  }

  /**
   * Whether `dir` (a site path, '' for the root) is a real folder where it should be, with no link
   * on the way; made (folder by folder) when missing and `make` is set.
   */
  folder(dir: string, make = true): Promise<boolean> {
    const key = `${make ? '+' : '?'}${dir}`;
    let checked = this.folders.get(key);
    if (!checked) {
      checked = this.checkFolder(dir, make);
      this.folders.set(key, checked);
    }
    return checked;
  }

  private async checkFolder(dir: string, make: boolean): Promise<boolean> {
    if (dir === '') return true;
    if (!(await this.folder(parentOf(dir), make))) return false;
    const full = join(this.root, dir);
    let stats = await lstat(full).catch(() => null);
    if (!stats && make) {
      if (!(await this.stillReal(parentOf(dir)))) return false;
      await mkdir(full).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      stats = await lstat(full).catch(() => null);
    }
    if (!stats) return false;
    if (stats.isSymbolicLink()) {
      this.note(`link-refused:${dir}`);
      return false;
    }
    if (!stats.isDirectory()) {
      this.note(`not-a-folder:${dir}`);
      return false;
    }
    // Links followed, the folder must be exactly where it should be.
    const real = await realpath(full).catch(() => null);
    if (real === null || comparable(real) !== comparable(full)) {
      this.note(`link-refused:${dir}`);
      return false;
    }
    return true;
  }

  /**
   * Whether the folder `dir` (a site path; '' for the export folder itself, taken as it was found)
   * and each folder above it in the export folder are still real folders, no link among them: asked
   * right before each act in it, since a link may have been put in the place of one of them after
   * its first check. (A folder with no link on the way from the real export folder is where it should
   * be; one look at each, not the whole path resolved.)
   */
  private async stillReal(dir: string): Promise<boolean> {
    if (dir === '') return true;
    const parts = dir.split('/');
    const looks = await Promise.all(parts.map((_, i) => lstat(join(this.root, ...parts.slice(0, i + 1))).catch(() => null)));
    if (looks.every((stats) => stats?.isDirectory() && !stats.isSymbolicLink())) return true;
    this.note(`link-refused:${dir}`);
    return false;
  }

  /** Writes `path` atomically; false (and a note) when a link or a folder is in the way. */
  async write(path: string, data: string | Uint8Array): Promise<boolean> {
    const dir = parentOf(path);
    if (!(await this.folder(dir))) return false;
    const kind = this.present.get(path);
    if (kind === 'folder' || kind === 'other') {
      this.note(`not-a-file:${path}`);
      return false;
    }
    const target = join(this.root, path);
    if (kind === 'link') this.note(`link-replaced:${path}`);
    // The rename replaces a link standing there: its target is never written.
    const tmp = join(dirname(target), `.tmp-${randomBytes(6).toString('hex')}-${path.slice(path.lastIndexOf('/') + 1)}`);
    if (!(await this.stillReal(dir))) return false;
    try {
      await writeFile(tmp, data, { flag: 'wx', mode: 0o644 });
      // (A link put in the folder's place meanwhile: the temporary file, ours alone, is removed.)
      if (!(await this.stillReal(dir))) {
        await unlink(tmp).catch(() => undefined);
        return false;
      }
      await rename(tmp, target);
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      // The folder taken away or replaced by a link midway: refused as above, the export goes on.
      if (!(await this.stillReal(dir))) return false;
      throw error;
    }
    this.unflushed.push(target);
    this.deferred.add(dirname(target));
    this.present.set(path, 'file');
    return true;
  }

  /** Removes the file (or link) at `path`; never a folder, never through a link. */
  async remove(path: string): Promise<boolean> {
    const dir = parentOf(path);
    if (!(await this.folder(dir, false))) return false;
    const target = join(this.root, path);
    const stats = await lstat(target).catch(() => null);
    if (!stats || stats.isDirectory() || !(await this.stillReal(dir))) return false;
    const removed = await unlink(target).then(
      () => true,
      () => false,
    );
    if (removed) this.present.delete(path);
    return removed;
  }

  /** Flushes every file written (many at once: the disk groups them), then each folder written into. */
  async flush(): Promise<void> {
    const files = this.unflushed.splice(0);
    let next = 0;
    const flushOne = async (path: string) => {
      const handle = await open(path, 'r').catch(() => null);
      if (!handle) return;
      await handle.sync().catch(() => undefined);
      await handle.close();
    };
    await Promise.all(
      Array.from({ length: Math.min(FLUSHED_AT_ONCE, files.length) }, async () => {
        while (next < files.length) await flushOne(files[next++]!);
      }),
    );
    await flushFolders(this.deferred);
  }
}
