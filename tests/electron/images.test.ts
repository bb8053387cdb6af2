import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../electron/library/errors';
import { LibraryService } from '../../electron/library/LibraryService';
import { derivativeName, heightAt } from '../../shared/publish/images';
import { CAMERA_ARTIST, CAMERA_SERIAL, cameraPhoto } from '../helpers/cameraPhotos';
import { listFiles, makeTempDir, removeDir } from '../helpers/tempDir';
import { moveTo } from '../helpers/workflow';

let dir: string;
let library: LibraryService;
beforeEach(async () => {
  dir = await makeTempDir();
  library = await LibraryService.open({ dataDir: join(dir, 'library') });
});
afterEach(async () => {
  await library.dispose();
  await removeDir(dir);
});

const base64 = (bytes: Buffer) => bytes.toString('base64');
const derivedDir = () => join(dir, 'library', 'derived');

/** Everything a photo could carry about where and by whom it was taken, looked for in any file. */
async function expectNothingPrivate(bytes: Buffer, label: string) {
  const meta = await sharp(bytes).metadata();
  expect(meta.exif, label).toBeUndefined();
  expect(meta.xmp, label).toBeUndefined();
  expect(meta.iptc, label).toBeUndefined();
  expect(meta.icc, label).toBeUndefined();
  expect(meta.orientation ?? 1, label).toBe(1);
  expect(await exifr.gps(bytes).catch(() => undefined), label).toBeUndefined();
  const text = bytes.toString('latin1');
  for (const secret of [CAMERA_SERIAL, CAMERA_ARTIST, 'Exif\0\0', 'GPS']) expect(text.includes(secret), `${label}: ${JSON.stringify(secret)}`).toBe(false);
}

/** The mean colour of the top-left corner, where the camera photo's red marker is when upright. */
async function topLeft(bytes: Buffer) {
  const { width = 0 } = await sharp(bytes).metadata();
  const side = Math.max(2, Math.floor(width * 0.03));
  const { data, info } = await sharp(bytes).extract({ left: 0, top: 0, width: side, height: side }).raw().toBuffer({ resolveWithObject: true });
  const mean = (channel: number) => {
    let sum = 0;
    for (let at = channel; at < data.length; at += info.channels) sum += data[at]!;
    return Math.round(sum / (data.length / info.channels));
  };
  return [mean(0), mean(1), mean(2)];
}

async function publishWith(assetId: string) {
  const created = await library.createArticle({ headline: 'Chợ nổi Cái Răng đón khách' });
  const saved = await library.saveArticle({
    id: created.id,
    baseRevision: 1,
    changes: {
      byline: 'Minh Thư',
      featuredImage: { assetId, alt: 'Chợ nổi lúc sáng sớm', caption: 'Trong ảnh: chợ nổi', credit: 'Ảnh: Minh Thư' },
      body: { type: 'doc', content: [{ type: 'figure', attrs: { assetId, alt: 'Ghe hàng', caption: 'Ghe hàng trên sông', credit: '' } }] },
    },
  });
  return moveTo(library, saved, 'published');
}

describe('the image pipeline', () => {
  it('keeps the original untouched and makes upright, metadata-free WebP and JPEG derivatives at every width it can fill', async () => {
    // Stored 1600×1200 with Orientation 6: seen upright, 1200 wide and 1600 high.
    const photo = await cameraPhoto({ width: 1600, height: 1200, seed: 3 });
    const imported = await library.importAsset({ fileName: 'IMG_0412.JPG', dataBase64: base64(photo) });
    expect(imported).toMatchObject({ width: 1200, height: 1600, bytes: photo.length });
    expect(imported.assetId).toBe(`${createHash('sha256').update(photo).digest('hex')}.jpg`);
    await library.whenIdle();
    expect(library.images.progress()).toEqual({ done: 6, total: 6, failed: 0 });

    // The original: the very bytes given, location and all (it stays in the library, private).
    const original = await readFile(join(dir, 'library', 'assets', imported.assetId));
    expect(original.equals(photo)).toBe(true);
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(10.03, 2) });

    const info = { width: 1200, height: 1600, fallback: 'jpg' as const };
    const expected = [480, 800, 1200].flatMap((width) => [derivativeName(imported.assetId, width, 'webp'), derivativeName(imported.assetId, width, 'jpg')]);
    expect((await listFiles(derivedDir())).filter((name) => !name.endsWith('.json')).sort()).toEqual(expected.sort());
    for (const name of expected) {
      const bytes = await readFile(join(derivedDir(), name));
      const meta = await sharp(bytes).metadata();
      const width = Number(/-(\d+)\./.exec(name)![1]);
      expect({ format: meta.format, width: meta.width, height: meta.height }, name).toEqual({ format: name.endsWith('.webp') ? 'webp' : 'jpeg', width, height: heightAt(info, width) });
      await expectNothingPrivate(bytes, name);
      // Turned as the camera said: the red marker is at the top left.
      const [r, g, b] = await topLeft(bytes);
      expect(r!, name).toBeGreaterThan(200);
      expect(Math.max(g!, b!), name).toBeLessThan(60);
    }
  });

  it('makes a derivative again when it is missing, and never one wider than the original', async () => {
    const small = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer();
    const { assetId } = await library.importAsset({ fileName: 'nho.jpg', dataBase64: base64(small) });
    await library.whenIdle();
    expect((await listFiles(derivedDir())).filter((name) => !name.endsWith('.json')).sort()).toEqual([derivativeName(assetId, 480, 'jpg'), derivativeName(assetId, 480, 'webp'), derivativeName(assetId, 640, 'jpg'), derivativeName(assetId, 640, 'webp')].sort());
    await rm(join(derivedDir(), derivativeName(assetId, 640, 'webp')));
    const read = await library.images.read(derivativeName(assetId, 640, 'webp'));
    expect(read?.contentType).toBe('image/webp');
    expect((await sharp(read!.body).metadata()).width).toBe(640);
    // Asked for the column's width of a narrower photo: its own width.
    expect((await sharp((await library.images.read(derivativeName(assetId, 800, 'webp')))!.body).metadata()).width).toBe(640);
    // Not a width or a format it has, not an image of the library: nothing.
    expect(await library.images.read(derivativeName(assetId, 300, 'webp'))).toBeNull();
    expect(await library.images.read(derivativeName(assetId, 480, 'png'))).toBeNull();
    expect(await library.images.read(`${'0'.repeat(64)}-480.webp`)).toBeNull();
  });

  it('keeps transparency (PNG fallback) and animation (GIF fallback)', async () => {
    const logo = await sharp({ create: { width: 900, height: 300, channels: 4, background: { r: 155, g: 28, b: 28, alpha: 0 } } })
      .composite([{ input: await sharp({ create: { width: 300, height: 300, channels: 4, background: '#9b1c1cff' } }).png().toBuffer(), left: 0, top: 0 }])
      .png()
      .toBuffer();
    const { assetId } = await library.importAsset({ fileName: 'logo.png', dataBase64: base64(logo) });
    expect((await library.getImageInfo({ assetIds: [assetId] })).images[assetId]).toEqual({ width: 900, height: 300, fallback: 'png' });
    const png = (await library.images.read(derivativeName(assetId, 480, 'png')))!;
    expect((await sharp(png.body).metadata()).hasAlpha).toBe(true);

    const frames = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#ffffff' } }).gif().toBuffer();
    const animated = await sharp([frames, await sharp({ create: { width: 200, height: 100, channels: 3, background: '#000000' } }).gif().toBuffer()], { join: { animated: true } })
      .gif()
      .toBuffer();
    const gif = await library.importAsset({ fileName: 'dong.gif', dataBase64: base64(animated) });
    expect((await library.getImageInfo({ assetIds: [gif.assetId] })).images[gif.assetId]).toEqual({ width: 200, height: 100, fallback: 'gif' });
    const webp = (await library.images.read(derivativeName(gif.assetId, 200, 'webp')))!;
    expect((await sharp(webp.body, { animated: true }).metadata()).pages).toBe(2);
  });

  it('refuses an image it cannot read, in the user’s words, and stores nothing', async () => {
    const photo = await cameraPhoto({ width: 800, height: 600 });
    for (const broken of [photo.subarray(0, 600), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(500, 7)])]) {
      const error = await library.importAsset({ fileName: 'hong.jpg', dataBase64: base64(broken) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiFailure);
      expect((error as ApiFailure).code).toBe('image_unreadable');
    }
    expect(await listFiles(join(dir, 'library', 'assets'))).toEqual([]);
  });
});

describe('what leaves the library', () => {
  it('a site and a folder export hold derivatives only, with no location, serial or author in any byte', async () => {
    const photo = await cameraPhoto({ width: 2000, height: 1500, seed: 5 });
    const { assetId } = await library.importAsset({ fileName: 'IMG_1.JPG', dataBase64: base64(photo) });
    const article = await publishWith(assetId);
    const site = join(dir, 'site');
    const folder = join(dir, 'folder');
    await library.exportSite({ outDir: site });
    await library.exportArticleFolder({ id: article.id, outDir: folder });
    for (const out of [site, folder]) {
      const images = (await readdir(join(out, 'assets'))).filter((name) => name !== 'fonts');
      // Upright, the photo is 1500 wide: 480, 800, 1200 and 1500, as WebP and JPEG.
      expect(images.sort()).toEqual([480, 800, 1200, 1500].flatMap((width) => [derivativeName(assetId, width, 'webp'), derivativeName(assetId, width, 'jpg')]).sort());
      for (const name of images) await expectNothingPrivate(await readFile(join(out, 'assets', name)), name);
      for (const file of await listFiles(out)) {
        const bytes = await readFile(join(out, file));
        expect(bytes.equals(photo), file).toBe(false);
        expect(bytes.toString('latin1').includes(CAMERA_SERIAL), file).toBe(false);
      }
    }
  });
});

describe('taking the location out of the originals (Settings)', () => {
  const imageData = (jpeg: Buffer) => jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda])));

  it('on import and at once for the photos already there, changing no pixel and keeping the orientation', async () => {
    const before = await cameraPhoto({ width: 800, height: 600, seed: 7 });
    const { assetId: earlier } = await library.importAsset({ fileName: 'a.jpg', dataBase64: base64(before) });
    await library.saveSettings({ changes: { stripLocationFromOriginals: true } });
    await library.whenIdle();
    const after = await cameraPhoto({ width: 800, height: 600, seed: 8 });
    const { assetId: later } = await library.importAsset({ fileName: 'b.jpg', dataBase64: base64(after) });
    // Named by the bytes as given, so importing the same photo again finds it.
    expect(later).toBe(`${createHash('sha256').update(after).digest('hex')}.jpg`);
    expect((await library.importAsset({ fileName: 'b again.jpg', dataBase64: base64(after) })).assetId).toBe(later);
    for (const [assetId, given] of [
      [earlier, before],
      [later, after],
    ] as const) {
      const stored = await readFile(join(dir, 'library', 'assets', assetId));
      expect(await exifr.gps(stored).catch(() => undefined), assetId).toBeUndefined();
      const tags = await exifr.parse(stored, true);
      // (The camera photos carry Orientation 6.)
      expect(tags?.Orientation, assetId).toBe('Rotate 90 CW');
      expect(tags?.Make, assetId).toBeDefined();
      expect(imageData(stored).equals(imageData(given)), assetId).toBe(true);
    }
  });

  it('leaves the originals alone while the setting is off', async () => {
    const photo = await cameraPhoto({ width: 800, height: 600, seed: 9 });
    const { assetId } = await library.importAsset({ fileName: 'c.jpg', dataBase64: base64(photo) });
    await library.saveSettings({ changes: { tagline: 'Tin Cần Thơ' } });
    await library.whenIdle();
    expect((await readFile(join(dir, 'library', 'assets', assetId))).equals(photo)).toBe(true);
  });
});
