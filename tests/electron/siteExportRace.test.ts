import { lstat, mkdir, readdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportTarget } from '../../electron/publish/exportTarget';
import { exportSite } from '../../electron/publish/siteExporter';
import { summarize, type Article } from '../../shared/model/article';
import { changeStatus, newArticle } from '../../shared/model/articleUpdates';
import { defaultSettings } from '../../shared/model/settings';
import { makeTempDir, removeDir } from '../helpers/tempDir';

const PHOTO = join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png');

let dir: string;
let out: string;
let elsewhere: string;
beforeEach(async () => {
  dir = await makeTempDir();
  out = join(dir, 'out');
  elsewhere = join(dir, 'elsewhere');
  await mkdir(out);
  await mkdir(elsewhere);
});
afterEach(async () => {
  await removeDir(dir);
});

/** Files outside the export named as the export's own (what a write or delete through a link would hit); how they look. */
async function victim(names: string[]): Promise<() => Promise<Record<string, string>>> {
  for (const name of names) await writeFile(join(elsewhere, name), `không phải của Newsdesk: ${name}`);
  return async () => {
    const files: Record<string, string> = {};
    for (const name of await readdir(elsewhere)) files[name] = await readFile(join(elsewhere, name), 'utf8');
    return files;
  };
}

/**
 * Puts a link to `elsewhere` in the place of a folder of the export; the folder is moved away whole
 * (with any file being written there: that write then fails, as it would on a folder taken away).
 */
async function plantLink(folder: string): Promise<void> {
  await rename(join(out, folder), join(dir, `moved-${folder.replaceAll('/', '-')}`));
  await symlink(elsewhere, join(out, folder));
}

describe('a link put in the place of a folder while the export runs (after the folder was checked)', () => {
  it('is not written through or deleted through: each write and removal checks its folder again', async () => {
    const look = await victim(['b.html', 'a.html', 'x.woff2']);
    const before = await look();
    const target = await ExportTarget.open(out);
    // The folders are checked (and made) at their first write, and at their first removal.
    expect(await target.write('tu-khoa/a.html', 'trang a')).toBe(true);
    expect(await target.write('tu-khoa/c.html', 'trang c')).toBe(true);
    expect(await target.remove('tu-khoa/c.html')).toBe(true);
    expect(await target.write('assets/fonts/y.woff2', 'phông')).toBe(true);
    await plantLink('tu-khoa');
    expect(await target.write('tu-khoa/b.html', 'trang b')).toBe(false);
    expect(await target.remove('tu-khoa/a.html')).toBe(false);
    // A link in the place of a folder above it: the same.
    await plantLink('assets');
    expect(await target.write('assets/fonts/x.woff2', 'phông khác')).toBe(false);
    expect(await look()).toEqual(before);
    expect(target.notes).toEqual(expect.arrayContaining(['link-refused:tu-khoa', 'link-refused:assets/fonts']));
    // No temporary file left anywhere.
    expect(await readdir(elsewhere)).toEqual(Object.keys(before).sort());
    // The rest of the folder is written as usual.
    expect(await target.write('index.html', 'trang chủ')).toBe(true);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('trang chủ');
  });

  it('during a site export: the pages no longer planned there are not deleted through it, nothing is written through it', async () => {
    const settings = { ...defaultSettings(), baseUrl: 'https://baocantho.example' };
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 1, minute)).toISOString();
    const make = (i: number, tags: string[], changes: Partial<Article> = {}) =>
      changeStatus(newArticle({ id: `a${i}`, slug: `tin-${i}`, fields: { headline: `Tin ${i}`, sapo: `Sapo ${i}.`, section: 'thoi-su', tags, ...changes } }, { at: at(i), by: 'Minh Anh' }), 'published', { at: at(i), by: 'Minh Anh' });
    const articles = new Map([make(1, ['Cần Thơ']), make(2, ['Cần Thơ', 'Giao thông'])].map((a) => [a.id, a]));
    let planted = false;
    const source = () => ({
      settings,
      catalog: [...articles.values()].map(summarize),
      read: async (id: string) => articles.get(id)!,
      imageInfo: async () => () => ({ width: 1600, height: 900, fallback: 'jpg' as const }),
      outDir: out,
      // Asked for the feed's photo once every page is rendered, some perhaps still being written
      // (into tu-khoa/ too): the moment to put the link there.
      derivative: async () => {
        if (!planted && articles.has('a3')) {
          planted = true;
          await plantLink('tu-khoa');
        }
        return { path: PHOTO };
      },
      fontsDir: join(process.cwd(), 'node_modules/@fontsource/noto-serif/files'),
    });
    await exportSite(source());
    expect((await lstat(join(out, 'tu-khoa', 'giao-thong.html'))).isFile()).toBe(true);
    const look = await victim(['giao-thong.html', 'can-tho.html', 'du-lich.html']);
    const before = await look();
    // The only article tagged “Giao thông” is taken off the site (its tag page is to be removed), a
    // new one with a photo and a new tag is published (pages to write in tu-khoa/).
    articles.delete('a2');
    const photo = { assetId: `${'a'.repeat(64)}.jpg`, caption: 'Trong ảnh: cầu', credit: 'Ảnh: A', alt: 'Cầu' };
    articles.set('a3', make(3, ['Cần Thơ', 'Du lịch'], { featuredImage: photo }));
    const result = await exportSite(source());
    expect(planted).toBe(true);
    expect(await look()).toEqual(before);
    expect((await lstat(join(out, 'tu-khoa'))).isSymbolicLink()).toBe(true);
    expect(result.notes).toContain('link-refused:tu-khoa');
    // The rest is exported as usual.
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('Tin 3');
  });
});
