import { lstat, mkdir, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { contract } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { moveTo } from '../helpers/workflow';

const PHOTO = join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png');

let dir: string;
let library: LibraryService;
let out: string;
let elsewhere: string;
beforeEach(async () => {
  dir = await makeTempDir();
  library = await LibraryService.open({ dataDir: join(dir, 'library') });
  await library.saveSettings({ changes: { baseUrl: 'https://baocantho.example' } });
  out = join(dir, 'out');
  elsewhere = join(dir, 'elsewhere');
});
afterEach(async () => {
  await library.dispose();
  await removeDir(dir);
});

async function publish(headline: string, changes: Record<string, unknown> = {}): Promise<Article> {
  const created = await library.createArticle(contract.createArticle.input.parse({ headline, byline: 'Minh Anh' }));
  const saved = await library.saveArticle(contract.saveArticle.input.parse({ id: created.id, baseRevision: 1, changes }));
  return moveTo(library, saved, 'published');
}

/** A paper with a photo, a section and a tag, exported once: every kind of folder and file is there. */
async function exportedPaper() {
  const { assetId } = await library.importAsset({ fileName: 'a.png', dataBase64: (await readFile(PHOTO)).toString('base64') });
  const photo = { assetId, caption: 'Trong ảnh: cầu', credit: 'Ảnh: A', alt: 'Cầu' };
  const a = await publish('Tin có ảnh', { section: 'thoi-su', tags: ['Cần Thơ'], featuredImage: photo });
  const b = await publish('Tin sẽ gỡ', { section: 'thoi-su', tags: ['Cần Thơ'] });
  await library.exportSite({ outDir: out });
  const image = (await readdir(join(out, 'assets'))).find((name) => name.endsWith('.webp'))!;
  return { a, b, image };
}

/**
 * A folder outside the export holding files named as the export's own (what a write or delete
 * through a link would hit), and how it looked: it must look the same afterwards.
 */
async function victim(names: string[]): Promise<() => Promise<Record<string, string>>> {
  await mkdir(elsewhere, { recursive: true });
  for (const name of names) {
    await mkdir(join(elsewhere, name, '..'), { recursive: true });
    await writeFile(join(elsewhere, name), `không phải của Newsdesk: ${name}`);
  }
  return async () => {
    const files: Record<string, string> = {};
    for (const entry of await readdir(elsewhere, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(elsewhere.length + 1)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
    }
    return files;
  };
}

/** Replaces a folder of the export by a link to `to`. */
async function linkFolder(path: string, to: string): Promise<void> {
  await rm(join(out, path), { recursive: true, force: true });
  await symlink(to, join(out, path));
}

const unpublish = async (article: Article) => {
  const current = await library.getArticle({ id: article.id });
  await library.setStatus({ id: current.id, baseRevision: current.revision, status: 'approved' });
};

describe('a symbolic link inside the export folder never lets the export write or delete outside it', () => {
  for (const folder of ['tu-khoa', 'chuyen-muc', 'assets', 'assets/fonts']) {
    it(`${folder}/ as a link to another folder: nothing written or deleted there, the link left, the rest exported`, async () => {
      const { b, image } = await exportedPaper();
      const names = {
        'tu-khoa': ['can-tho.html'],
        'chuyen-muc': ['thoi-su.html', 'kinh-te.html'],
        assets: [image, 'fonts/noto-serif-latin-400-normal.woff2'],
        'assets/fonts': ['noto-serif-latin-400-normal.woff2', 'noto-serif-vietnamese-700-normal.woff2'],
      }[folder]!;
      const look = await victim(names);
      const before = await look();
      await linkFolder(folder, elsewhere);
      // Pages to write there (a new tag, the section changed) and to delete there (b unpublished).
      await publish('Tin mới', { section: 'thoi-su', tags: ['Cần Thơ', 'Giao thông'] });
      await unpublish(b);
      const result = await library.exportSite({ outDir: out });
      expect(await look()).toEqual(before);
      expect((await lstat(join(out, folder))).isSymbolicLink()).toBe(true);
      expect(await readlink(join(out, folder))).toBe(elsewhere);
      expect(result.notes).toContain(`link-refused:${folder}`);
      // The rest of the site is written as usual.
      expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('Tin mới');
      await expect(lstat(join(out, `${b.slug}.html`))).rejects.toThrow();
      // And once the link is gone, the next export puts back what is missing.
      await rm(join(out, folder));
      const healed = await library.exportSite({ outDir: out });
      expect(healed.notes.filter((note) => note.startsWith('link-'))).toEqual([]);
      for (const name of names) if (!name.startsWith('kinh-te') && !name.startsWith('fonts/')) expect((await lstat(join(out, folder, name))).isFile(), name).toBe(true);
    });
  }

  it('a link to a folder inside the export, a dangling link, a link to itself: refused alike', async () => {
    await exportedPaper();
    for (const [folder, to] of [
      ['tu-khoa', join(out, 'chuyen-muc')],
      ['chuyen-muc', join(dir, 'nowhere')],
      ['assets', 'assets'],
    ] as const) {
      await linkFolder(folder, to);
    }
    const section = await readFile(join(out, 'chuyen-muc', 'thoi-su.html'), 'utf8').catch(() => null);
    await publish('Tin mới', { section: 'thoi-su', tags: ['Cần Thơ'] });
    const result = await library.exportSite({ outDir: out });
    expect(result.notes).toEqual(expect.arrayContaining(['link-refused:tu-khoa', 'link-refused:chuyen-muc', 'link-refused:assets']));
    // Nothing was made at the dangling link's target, nothing written into the section folder through tu-khoa.
    await expect(lstat(join(dir, 'nowhere'))).rejects.toThrow();
    expect(section).toBeNull();
    expect(await readdir(out)).toEqual(expect.arrayContaining(['index.html']));
  });

  it('a page, an image or a font that is a link (to a file elsewhere, or dangling) is replaced by the real file; its target is untouched', async () => {
    const { a, b, image } = await exportedPaper();
    const look = await victim(['trang.html', 'anh.webp', 'font.woff2', 'xoa.html']);
    const before = await look();
    const links: Record<string, string> = {
      'index.html': join(elsewhere, 'trang.html'),
      [`${a.slug}.html`]: join(elsewhere, 'trang.html'),
      'tu-khoa/can-tho.html': join(dir, 'nowhere.html'),
      [`assets/${image}`]: join(elsewhere, 'anh.webp'),
      'assets/fonts/noto-serif-latin-400-normal.woff2': join(elsewhere, 'font.woff2'),
    };
    for (const [path, to] of Object.entries(links)) {
      await rm(join(out, path));
      await symlink(to, join(out, path));
    }
    // A page to be removed, itself a link: the link goes, not its target.
    await rm(join(out, `${b.slug}.html`));
    await symlink(join(elsewhere, 'xoa.html'), join(out, `${b.slug}.html`));
    await unpublish(b);
    await library.saveArticle({ id: a.id, baseRevision: (await library.getArticle({ id: a.id })).revision, changes: { sapo: 'Sapo mới.' } });
    const result = await library.exportSite({ outDir: out });
    expect(await look()).toEqual(before);
    await expect(lstat(join(dir, 'nowhere.html'))).rejects.toThrow();
    for (const path of Object.keys(links)) expect((await lstat(join(out, path))).isFile(), path).toBe(true);
    await expect(lstat(join(out, `${b.slug}.html`))).rejects.toThrow();
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('<!DOCTYPE html>');
    expect(result.notes).toEqual(expect.arrayContaining(Object.keys(links).map((path) => `link-replaced:${path}`)));
  });

  it('with nothing else changed, a page that became a link is still replaced (a page whose inputs did not change)', async () => {
    const { a } = await exportedPaper();
    const look = await victim(['trang.html']);
    const before = await look();
    const page = await readFile(join(out, `${a.slug}.html`), 'utf8');
    await rm(join(out, `${a.slug}.html`));
    await symlink(join(elsewhere, 'trang.html'), join(out, `${a.slug}.html`));
    const result = await library.exportSite({ outDir: out });
    expect(await look()).toEqual(before);
    expect((await lstat(join(out, `${a.slug}.html`))).isFile()).toBe(true);
    expect(await readFile(join(out, `${a.slug}.html`), 'utf8')).toBe(page);
    expect(result.written).toBe(1);
  });

  it('the manifest or the record as a link: never read through, replaced by the export’s own', async () => {
    await exportedPaper();
    const look = await victim(['manifest.json', 'record.json']);
    await writeFile(join(elsewhere, 'manifest.json'), JSON.stringify({ '../elsewhere/record.json': 'x', 'index.html': 'y' }));
    const before = await look();
    for (const [name, to] of [
      ['.newsdesk-export.json', 'manifest.json'],
      ['.newsdesk-export-inputs.json', 'record.json'],
    ] as const) {
      await rm(join(out, name));
      await symlink(join(elsewhere, to), join(out, name));
    }
    await publish('Tin mới');
    await library.exportSite({ outDir: out });
    expect(await look()).toEqual(before);
    expect((await lstat(join(out, '.newsdesk-export.json'))).isFile()).toBe(true);
    expect((await lstat(join(out, '.newsdesk-export-inputs.json'))).isFile()).toBe(true);
  });

  it('one article into a folder: a link in place of assets/ or of the page is treated the same', async () => {
    const { a } = await exportedPaper();
    const folder = join(dir, 'mot-bai');
    await library.exportArticleFolder({ id: a.id, outDir: folder });
    const look = await victim(['trang.html']);
    const before = await look();
    await rm(join(folder, 'assets'), { recursive: true });
    await symlink(elsewhere, join(folder, 'assets'));
    await rm(join(folder, `${a.slug}.html`));
    await symlink(join(elsewhere, 'trang.html'), join(folder, `${a.slug}.html`));
    const result = await library.exportArticleFolder({ id: a.id, outDir: folder });
    expect(await look()).toEqual(before);
    expect(result.notes).toEqual(expect.arrayContaining(['link-refused:assets', `link-replaced:${a.slug}.html`]));
    expect((await lstat(join(folder, `${a.slug}.html`))).isFile()).toBe(true);
  });
});
