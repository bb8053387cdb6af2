// @vitest-environment jsdom
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../electron/library/errors';
import { LibraryService } from '../../electron/library/LibraryService';
import { contract } from '../../shared/api/contract';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { moveTo } from '../helpers/workflow';

const PHOTO = join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png');

let dir: string;
let library: LibraryService;
beforeEach(async () => {
  dir = await makeTempDir();
  library = await LibraryService.open({ dataDir: join(dir, 'library') });
  await library.saveSettings({ changes: { baseUrl: 'https://baocantho.example' } });
});
afterEach(async () => {
  await library.dispose();
  await removeDir(dir);
});

/** Publishes an article made of text as the window sends it (parsed on the way in, as the transports parse it). */
async function publish(headline: string, changes: Record<string, unknown> = {}) {
  const created = await library.createArticle(contract.createArticle.input.parse({ headline, byline: 'Minh Anh' }));
  const saved = await library.saveArticle(contract.saveArticle.input.parse({ id: created.id, baseRevision: 1, changes }));
  return moveTo(library, saved, 'published');
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  return (error as ApiFailure).code;
}

describe('where a site may be written', () => {
  it('never into the library itself, its folders, a link to it, or a folder that contains it', async () => {
    await publish('Tin một');
    const dataDir = join(dir, 'library');
    await symlink(dataDir, join(dir, 'link-to-library'));
    for (const outDir of [dataDir, join(dataDir, 'assets'), join(dataDir, 'articles', 'x'), join(dir, 'link-to-library'), join(dir, 'link-to-library', 'assets'), dir]) {
      expect(await failure(library.exportSite({ outDir })), outDir).toBe('folder_not_allowed');
    }
    expect((await readdir(join(dataDir, 'assets'))).length).toBe(0);
    expect((await library.exportSite({})).outDir).toBe(join(dataDir, 'site'));
    expect((await library.exportSite({ outDir: join(dir, 'out') })).pages).toBeGreaterThan(1);
  });

  it('never into a folder of other files; again into its own earlier export', async () => {
    await publish('Tin một');
    await mkdir(join(dir, 'documents'));
    await writeFile(join(dir, 'documents', 'luong.xlsx'), 'x');
    expect(await failure(library.exportSite({ outDir: join(dir, 'documents') }))).toBe('folder_not_empty');
    await library.exportSite({ outDir: join(dir, 'out') });
    expect((await library.exportSite({ outDir: join(dir, 'out') })).written).toBe(0);
  });

  it('trusts no manifest entry that points outside the folder', async () => {
    await publish('Tin một');
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    await writeFile(join(dir, 'victim.txt'), 'keep me');
    await writeFile(join(out, '.newsdesk-export.json'), JSON.stringify({ '../victim.txt': 'x', '/etc/hostname': 'y', 'a/../../victim.txt': 'z' }));
    await library.exportSite({ outDir: out });
    expect(await readFile(join(dir, 'victim.txt'), 'utf8')).toBe('keep me');
    await writeFile(join(out, '.newsdesk-export.json'), 'null');
    expect((await library.exportSite({ outDir: out })).pages).toBeGreaterThan(1);
  });
});

describe('what the site holds', () => {
  it('removes the page of an article no longer published, or moved to the trash', async () => {
    const a = await publish('Sẽ gỡ xuống');
    const b = await publish('Sẽ vào thùng rác');
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    expect(existsSync(join(out, `${a.slug}.html`)) && existsSync(join(out, `${b.slug}.html`))).toBe(true);
    await library.setStatus({ id: a.id, baseRevision: a.revision, status: 'approved' });
    await library.trashArticle({ id: b.id });
    const again = await library.exportSite({ outDir: out });
    expect(again.removed).toBeGreaterThanOrEqual(2);
    expect(existsSync(join(out, `${a.slug}.html`))).toBe(false);
    expect(existsSync(join(out, `${b.slug}.html`))).toBe(false);
  });

  it('never lets an article take the home page, and keeps different tags on different pages', async () => {
    const index = await publish('Index');
    expect(index.slug).not.toBe('index');
    expect(await failure(library.saveArticle({ id: index.id, baseRevision: index.revision, changes: { slug: 'index' } }))).toBe('slug_taken');
    await publish('Lập trình', { tags: ['C++', 'C', '日本', '한국'] });
    await publish('Thủ đô', { tags: ['Hà Nội'] });
    await publish('Thủ đô 2', { tags: ['ha noi'] });
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    const tagPages = (await readdir(join(out, 'tu-khoa'))).sort();
    expect(tagPages.filter((p) => p.startsWith('ha-noi'))).toEqual(['ha-noi.html']);
    expect(tagPages.length).toBe(5); // c, c++ (hashed), 日本 (hashed), 한국 (hashed), ha-noi
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('Mới nhất');
  });

  it('still exports when an image is missing, and says which', async () => {
    const { assetId } = await library.importAsset({ fileName: 'a.png', dataBase64: (await readFile(PHOTO)).toString('base64') });
    await publish('Có ảnh', { featuredImage: { assetId, caption: '', credit: '', alt: 'Ảnh' } });
    await library.whenIdle();
    // The original and every derivative made of it are gone.
    await rm(join(dir, 'library', 'assets', assetId));
    await rm(join(dir, 'library', 'derived'), { recursive: true });
    const result = await library.exportSite({ outDir: join(dir, 'out') });
    // (The photo is 64 px wide: one width.)
    expect(result.notes).toContain(`missing-file:assets/${assetId.slice(0, 64)}-64.webp`);
  });

  it('leaves no temporary file of a killed export in the folder it uploads: removed at the next export, at every level, and nothing else', async () => {
    await publish('Tin một');
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    const pages = (await readdir(out, { recursive: true })).filter((name) => !name.split('/').some((part) => part.startsWith('.tmp-')));
    // What an export killed midway leaves: temporary files beside pages, images and fonts.
    const leftovers = ['.tmp-0123456789ab-index.html', 'assets/.tmp-abcdef012345-photo-800.webp', 'assets/fonts/.tmp-a1b2c3d4e5f6-font.woff2'];
    for (const name of leftovers) await writeFile(join(out, name), 'half');
    // Files of the newsroom's own that only look alike, and a folder elsewhere reached by a link.
    await writeFile(join(out, '.tmp-notes.txt'), 'ghi chú');
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere', '.tmp-0123456789ab-keep.html'), 'không phải của Newsdesk');
    await symlink(join(dir, 'elsewhere'), join(out, 'link-elsewhere'));

    await library.exportSite({ outDir: out });
    for (const name of leftovers) expect(existsSync(join(out, name)), name).toBe(false);
    expect(await readFile(join(out, '.tmp-notes.txt'), 'utf8')).toBe('ghi chú');
    expect(await readFile(join(dir, 'elsewhere', '.tmp-0123456789ab-keep.html'), 'utf8')).toBe('không phải của Newsdesk');
    for (const page of pages) expect(existsSync(join(out, page)), page).toBe(true);
  });

  it('writes sitemap.xml and rss.xml that parse as XML, whatever the text holds', async () => {
    await publish('Giá "lúa" & <gạo> \'tăng\'\u000Bmạnh', { sapo: 'Sapo & <b>' });
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    for (const file of ['sitemap.xml', 'rss.xml']) {
      const parsed = new DOMParser().parseFromString(await readFile(join(out, file), 'utf8'), 'application/xml');
      expect(parsed.getElementsByTagName('parsererror'), file).toHaveLength(0);
    }
    const rss = new DOMParser().parseFromString(await readFile(join(out, 'rss.xml'), 'utf8'), 'application/xml');
    expect(rss.querySelector('item > title')?.textContent).toBe('Giá "lúa" & <gạo> \'tăng\' mạnh');
  });
});

describe('one article into a folder', () => {
  it('writes its page with the images and font it uses in assets/, all linked relatively', async () => {
    const { assetId } = await library.importAsset({ fileName: 'a.png', dataBase64: (await readFile(PHOTO)).toString('base64') });
    const article = await publish('Bài xuất riêng', { featuredImage: { assetId, caption: 'Trong ảnh: cầu', credit: 'Ảnh: A', alt: 'Cầu' } });
    const out = join(dir, 'mot-bai');
    const result = await library.exportArticleFolder({ id: article.id, outDir: out });
    expect(result.pages).toBe(1);
    const html = await readFile(join(out, `${article.slug}.html`), 'utf8');
    // Its derivatives beside it, never the original.
    const name = `${assetId.slice(0, 64)}-64.webp`;
    expect(html).toContain(`srcset="assets/${name} 64w"`);
    expect(existsSync(join(out, 'assets', name))).toBe(true);
    expect(existsSync(join(out, 'assets', assetId))).toBe(false);
    expect(html).toMatch(/url\(assets\/fonts\/noto-serif-vietnamese-400-normal\.woff2\)/);
    expect(existsSync(join(out, 'assets', 'fonts', 'noto-serif-vietnamese-400-normal.woff2'))).toBe(true);
    expect(await failure(library.exportArticleFolder({ id: article.id, outDir: join(dir, 'library') }))).toBe('folder_not_allowed');
  });
});

describe('rules for publishing', () => {
  it('needs a headline, a paper name, and a plain site address', async () => {
    const untitled = await library.createArticle({});
    const ready = await moveTo(library, untitled, 'approved');
    expect(await failure(library.setStatus({ id: untitled.id, baseRevision: ready.revision, status: 'published' }))).toBe('invalid_input');
    expect(await failure(library.saveSettings({ changes: { paperName: '  ' } }))).toBe('invalid_input');
    for (const baseUrl of ['https://x.vn/?a=1', 'https://x.vn/#top', 'https://user:pass@x.vn', 'javascript:alert(1)']) {
      expect(await failure(library.saveSettings({ changes: { baseUrl } })), baseUrl).toBe('invalid_input');
    }
  });
});
