import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { locationFilePath, readLibraryLocation, resolveDataDir, resolveDataDirSource } from '../../electron/library/dataDir';
import { copyLibrary, LibraryMover, listLibraryFiles, prepareTarget, sha256File } from '../../electron/library/moveLibrary';
import { dispatch } from '../../electron/transport/dispatch';
import { listFiles, makeTempDir, removeDir, snapshotDir } from '../helpers/tempDir';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

let dir: string;
let library: string;
/** The per-user configuration folder (XDG_CONFIG_HOME), here a temporary one. */
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  dir = await makeTempDir('newsdesk-move-');
  library = join(dir, 'library');
  env = { XDG_CONFIG_HOME: join(dir, 'config') };
});
afterEach(async () => {
  await removeDir(dir);
});

/** A library with an article, its revisions and a photo, closed again. */
async function seed(): Promise<void> {
  const service = await LibraryService.open({ dataDir: library });
  const image = await service.importAsset({ fileName: 'a.gif', dataBase64: GIF.toString('base64') });
  const article = await service.createArticle({ headline: 'Cần Thơ chuyển thư viện', sapo: 'Sapo bài viết' });
  await service.saveArticle({ id: article.id, baseRevision: article.revision, changes: { featuredImage: { assetId: image.assetId, caption: '', credit: '', alt: 'Ảnh' } } });
  await service.dispose();
}

/** Every file's path and SHA-256. */
async function hashes(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of await listLibraryFiles(folder)) out[file.path] = await sha256File(join(folder, file.path));
  return out;
}

describe('moving the library', () => {
  it('copies every file, checks each, records the new place for the next start, and leaves the old folder as it was', async () => {
    await seed();
    const service = await LibraryService.open({ dataDir: library, locationFile: locationFilePath(env, 'linux'), dataDirSource: 'default' });
    const before = await snapshotDir(library);
    const target = join(dir, 'Thư viện mới');
    const moved = await service.moveLibrary({ target });
    expect(moved).toMatchObject({ dataDir: target, recorded: true, overridden: false });
    expect(moved.files).toBeGreaterThan(3);
    // Every file (but the open session's lock), byte for byte.
    const copied = await hashes(target);
    expect(copied).toEqual(await hashes(library));
    expect(Object.keys(copied)).toContain('library.json');
    expect(Object.keys(copied).some((path) => path.startsWith('assets'))).toBe(true);
    expect(await listFiles(target)).not.toContain('library.lock');
    // Recorded: the next start opens the new folder; the old one is named to be removed later.
    expect(readLibraryLocation(locationFilePath(env, 'linux'))).toEqual({ dataDir: target, previous: library });
    // From now on writes would land in the old folder: refused, reads still answered.
    const write = await dispatch(service, 'createArticle', {});
    expect(write).toMatchObject({ ok: false, error: { code: 'library_moved', message: target } });
    expect(await dispatch(service, 'listArticles', {})).toMatchObject({ ok: true });
    await service.dispose();
    // The old folder: untouched (its lock released at close, as always).
    const after = await snapshotDir(library);
    expect(after).toEqual(Object.fromEntries(Object.entries(before).filter(([path]) => path !== 'library.lock')));

    // Opened from the new place: the article is there; the old folder is offered for removal.
    const next = await LibraryService.open({ dataDir: resolveDataDir([], env), locationFile: locationFilePath(env, 'linux'), dataDirSource: 'moved' });
    expect(next.dataDir).toBe(target);
    expect((await next.listArticles({})).items.map((item) => item.headline)).toEqual(['Cần Thơ chuyển thư viện']);
    expect(await next.getLibraryLocation({})).toMatchObject({ dataDir: target, source: 'moved', previous: library, movedTo: null });
    expect(await next.removeOldLibrary({})).toEqual({ removed: library });
    expect(await listFiles(dir).then((files) => files.some((file) => file.startsWith('library/')))).toBe(false);
    expect(await next.getLibraryLocation({})).toMatchObject({ previous: null });
    await next.dispose();
  });

  it('refuses a copy that differs from its original (a file changed after copying): nothing recorded, the copy removed', async () => {
    await seed();
    const target = join(dir, 'moi');
    const file = locationFilePath(env, 'linux');
    const mover = new LibraryMover({ dataDir: library, locationFile: file });
    const before = await snapshotDir(library);
    await expect(
      mover.move(target, {
        afterCopy: async () => {
          const copied = join(target, 'library.json');
          const text = await readFile(copied, 'utf8');
          await writeFile(copied, text.replace('Báo Thành phố', 'Báo Thành phô'));
        },
      }),
    ).rejects.toMatchObject({ reason: 'verify_failed', detail: 'library.json' });
    expect(readLibraryLocation(file)).toBeNull();
    expect(mover.movedTo).toBeNull();
    expect(await listFiles(dir).then((files) => files.filter((f) => f.startsWith('moi')))).toEqual([]);
    expect(await snapshotDir(library)).toEqual(before);
  });

  it('refuses a copy missing a file, and a copy with one more', async () => {
    await seed();
    const target = join(dir, 'moi');
    await mkdir(target);
    const { created } = await prepareTarget(library, target);
    const extra = copyLibrary(library, target, created, { afterCopy: () => writeFile(join(target, 'articles', 'them.json'), '{}') });
    await expect(extra).rejects.toMatchObject({ reason: 'verify_failed' });
    // The chosen folder was there before: it stays, empty again.
    expect(await listFiles(target)).toEqual([]);
  });

  it('refuses a bad folder with the reason, changing nothing', async () => {
    await seed();
    const service = await LibraryService.open({ dataDir: library, locationFile: locationFilePath(env, 'linux') });
    const before = await snapshotDir(library);
    const full = join(dir, 'full');
    await mkdir(full);
    await writeFile(join(full, 'ghi-chu.txt'), 'của người khác');
    const readOnly = join(dir, 'read-only');
    await mkdir(readOnly);
    await chmod(readOnly, 0o500);
    const cases: Array<[string, string]> = [
      [full, 'not_empty'],
      [join(library, 'ben-trong'), 'inside_library'],
      // The folder holding the library.
      [dir, 'inside_library'],
      [join(dir, 'khong-co', 'moi'), 'missing_parent'],
      ['tuong-doi', 'not_absolute'],
      [join(full, 'ghi-chu.txt'), 'not_a_folder'],
    ];
    // root may write anywhere: the read-only folder is a case only for other users.
    if (process.getuid?.() !== 0) cases.push([readOnly, 'not_writable']);
    for (const [target, reason] of cases) {
      const result = await dispatch(service, 'moveLibrary', { target });
      expect(result, target).toMatchObject({ ok: false, error: { code: 'move_refused' } });
      expect(!result.ok && result.error.message.startsWith(`${reason}:`), `${target}: ${!result.ok && result.error.message}`).toBe(true);
    }
    await chmod(readOnly, 0o700);
    expect(await listFiles(full)).toEqual(['ghi-chu.txt']);
    expect(await listFiles(readOnly)).toEqual([]);
    expect(readLibraryLocation(locationFilePath(env, 'linux'))).toBeNull();
    // Still writable: nothing was switched.
    expect(await dispatch(service, 'createArticle', {})).toMatchObject({ ok: true });
    await service.dispose();
    const after = await snapshotDir(library);
    for (const [path, content] of Object.entries(before)) if (path.startsWith('assets') || path.startsWith('revisions')) expect(after[path], path).toBe(content);
  });

  it('reports its progress while copying', async () => {
    await seed();
    const mover = new LibraryMover({ dataDir: library });
    let during: unknown = null;
    const moved = await mover.move(join(dir, 'moi'), {
      afterCopy: async () => {
        during = mover.getProgress();
      },
    });
    expect(moved.recorded).toBe(false);
    expect(during).toMatchObject({ running: true, done: moved.files, total: moved.files * 2 });
    expect(mover.getProgress()).toEqual({ running: false, done: moved.files * 2, total: moved.files * 2 });
  });
});

describe('where the library is, at start', () => {
  it('honours a recorded move, after --data-dir and NEWSDESK_DATA_DIR', async () => {
    const file = locationFilePath(env, 'linux');
    expect(resolveDataDirSource([], env)).toEqual({ dataDir: join(dir, 'config', 'Newsdesk', 'library'), source: 'default' });
    await mkdir(join(dir, 'config', 'Newsdesk'), { recursive: true });
    await writeFile(file, JSON.stringify({ dataDir: join(dir, 'moved'), previous: null }));
    expect(resolveDataDirSource([], env)).toEqual({ dataDir: join(dir, 'moved'), source: 'moved' });
    expect(resolveDataDirSource([], { ...env, NEWSDESK_DATA_DIR: join(dir, 'env') })).toEqual({ dataDir: join(dir, 'env'), source: 'env' });
    expect(resolveDataDirSource(['--data-dir', join(dir, 'arg')], { ...env, NEWSDESK_DATA_DIR: join(dir, 'env') })).toEqual({ dataDir: join(dir, 'arg'), source: 'args' });
    // A damaged or relative record is ignored: the default library opens.
    for (const text of ['{', JSON.stringify({ dataDir: 'relative/path' }), JSON.stringify({ dataDir: 42 })]) {
      await writeFile(file, text);
      expect(resolveDataDirSource([], env).source).toBe('default');
    }
  });
});
