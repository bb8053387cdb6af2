import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/* "Dọn ảnh không dùng": only images nothing shows are listed and removed — never one an article (in the trash too), a kept version or the logo shows. */

let dataDir: string;
let library: LibraryService;

beforeEach(async () => {
  dataDir = await makeTempDir();
  library = await LibraryService.open({ dataDir });
});
afterEach(async () => {
  await library.dispose();
  await removeDir(dataDir);
});

async function image(red: number): Promise<string> {
  const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: red, g: 80, b: 80 } } }).png().toBuffer();
  return (await library.importAsset({ fileName: `anh-${red}.png`, dataBase64: bytes.toString('base64') })).assetId;
}

const figure = (assetId: string) => ({ type: 'figure' as const, attrs: { assetId, alt: 'Ảnh', caption: '', credit: '' } });
const featured = (assetId: string) => ({ assetId, alt: 'Ảnh đại diện', caption: '', credit: '' });

describe('unused images', () => {
  it('lists only the images nothing shows, and removes only those of them still unused, with their web copies', async () => {
    const [inBody, asFeatured, inTrash, inHistory, logo, unused, another] = (await Promise.all([10, 40, 70, 100, 130, 160, 190].map(image))) as [string, string, string, string, string, string, string];
    const shown = await library.createArticle({ headline: 'Bài có ảnh', featuredImage: featured(asFeatured), body: { type: 'doc', content: [figure(inBody)] } });
    const trashed = await library.createArticle({ headline: 'Bài trong thùng rác', body: { type: 'doc', content: [figure(inTrash)] } });
    await library.trashArticle({ id: trashed.id });
    // A photo taken out of the text after a version was kept: the version still shows it.
    const edited = await library.createArticle({ headline: 'Bài đã sửa', body: { type: 'doc', content: [figure(inHistory)] } });
    const kept = await library.saveArticle({ id: edited.id, baseRevision: edited.revision, changes: { sapo: 'Bản có ảnh.' }, snapshot: true });
    await library.saveArticle({ id: edited.id, baseRevision: kept.revision, changes: { body: { type: 'doc', content: [] } } });
    await library.saveSettings({ changes: { logoAssetId: logo } });
    await library.whenIdle();
    expect(shown.featuredImage?.assetId).toBe(asFeatured);

    const found = await library.listUnusedImages({});
    expect(found.images.map((i) => i.assetId).sort()).toEqual([unused, another].sort());
    expect(found.bytes).toBe(found.images.reduce((sum, i) => sum + i.bytes, 0));
    expect(found.bytes).toBeGreaterThan(0);

    // Meanwhile `another` is put into an article: asked for, it is kept; the used one asked for by mistake is kept too.
    await library.createArticle({ headline: 'Bài mới', body: { type: 'doc', content: [figure(another)] } });
    const removed = await library.removeUnusedImages({ assetIds: [unused, another, inBody] });
    expect(removed.removed).toBe(1);
    await library.whenIdle();
    const assets = await readdir(join(dataDir, 'assets'));
    expect(assets).not.toContain(unused);
    for (const kept of [inBody, asFeatured, inTrash, inHistory, logo, another]) expect(assets).toContain(kept);
    const derived = await readdir(join(dataDir, 'derived'));
    expect(derived.some((name) => name.startsWith(unused.slice(0, 64)))).toBe(false);
    expect(derived.some((name) => name.startsWith(inBody.slice(0, 64)))).toBe(true);
    expect((await library.listUnusedImages({})).images).toEqual([]);
  });
});

describe('the image size limit (Settings → Ảnh)', () => {
  it('refuses an image over the library’s limit with image_too_large naming the limit, and takes it once the limit allows', async () => {
    // Noise does not compress: a PNG of about 1.7 MB.
    const noise = Buffer.alloc(800 * 700 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const png = await sharp(noise, { raw: { width: 800, height: 700, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(png.length).toBeGreaterThan(1024 * 1024);
    expect((await library.getSettings({})).maxImageMB).toBe(20);
    await library.saveSettings({ changes: { maxImageMB: 1 } });
    const refused = await library.importAsset({ fileName: 'lon.png', dataBase64: png.toString('base64') }).then(
      () => null,
      (error: { code?: string; message?: string }) => error,
    );
    expect(refused).toMatchObject({ code: 'image_too_large', message: '1' });
    expect(await readdir(join(dataDir, 'assets'))).toEqual([]);
    await library.saveSettings({ changes: { maxImageMB: 2 } });
    expect((await library.importAsset({ fileName: 'lon.png', dataBase64: png.toString('base64') })).bytes).toBe(png.length);
  });
});
