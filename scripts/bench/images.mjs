// Photo figures (issue 9, "Photos for the web"), each beside a baseline measured in the same run:
// - importing one 4000×3000 camera photo through LibraryService and making its derivatives: wall
//   time and peak memory, against sharp's own resize of the same bytes to the same widths and
//   formats (memory is measured in child processes, each doing only that, against a child that
//   only loads the modules, so that a peak belongs to the work alone);
// - AVIF at the same widths (sharp's default effort, and effort 2) beside WebP: time and bytes,
//   to read off why the pipeline makes WebP and JPEG only;
// - the page weight of a three-photo article exported by the real service: what a phone and a
//   desktop download (the derivatives the page's srcset/sizes pick) against what the old export
//   shipped (the three originals), and the photos of a single-file export (one 800 px WebP each,
//   base64) against the originals as base64.
// This file is also the child process's script (`node images.mjs --child <mode> …`).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { bundleForBench, root } from './bundle.mjs';
import { paragraphs, seededRandom } from './vietnameseText.mjs';

const BUNDLE = 'images';
const FONTS_DIR = join(root, 'node_modules/@fontsource/noto-serif/files');
/** The camera photos: 4000×3000 stored, Orientation 6 (so 3000×4000 upright), ~3.2 MB each. */
const SEEDS = [11, 12, 13];
/** Screens the page weight is read for: a common Android phone, and a desktop with a 2x screen. */
const PHONE = { viewport: 412, dpr: 1.75 };
const DESKTOP = { viewport: 1280, dpr: 2 };

const load = () =>
  bundleForBench(BUNDLE, {
    'electron/library/LibraryService': ['LibraryService'],
    'tests/helpers/cameraPhotos': ['cameraPhoto'],
    'shared/publish/images': ['DERIVATIVE_WIDTHS', 'COLUMN_WIDTH'],
    'electron/images/imagePipeline': ['WEBP_OPTIONS'],
    'shared/publish/renderArticlePage': ['articlePath'],
  });
/** The bundle as written by load() (children import it as it is, without bundling again). */
const bundlePath = join(root, `dist/bench/${BUNDLE}.mjs`);

/**
 * Peak resident memory of this process, in bytes. On Linux, VmHWM: the peak of this program's own
 * memory. (getrusage's maxRSS, process.resourceUsage().maxRSS, is kept across fork and exec, so a
 * child would report its parent's peak when that is higher.) Elsewhere, maxRSS (in KiB).
 */
async function peakRss() {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const hwm = /^VmHWM:\s*(\d+) kB/m.exec(status);
  return (hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS) * 1024;
}

// ---- child processes ---------------------------------------------------------------------------

/** What each child does; it prints a JSON object with its figures and its peak RSS. */
const childModes = {
  /** Only loads what the others load: the floor their peaks are read against. */
  async modules() {
    await import(bundlePath);
    return {};
  },
  /** One photo through the real service: open a library, importAsset, whenIdle. */
  async service(photoPath, workDir) {
    const { LibraryService } = await import(bundlePath);
    const bytes = await readFile(photoPath);
    const dataBase64 = bytes.toString('base64');
    const library = await LibraryService.open({ dataDir: join(workDir, 'library'), fontsDir: FONTS_DIR });
    try {
      const start = performance.now();
      await library.importAsset({ fileName: 'IMG_4711.JPG', dataBase64 });
      const importMs = performance.now() - start;
      await library.whenIdle();
      const totalMs = performance.now() - start;
      const progress = library.images.progress();
      return { importMs, totalMs, derivatives: progress.done, failed: progress.failed };
    } finally {
      await library.dispose();
    }
  },
  /** The baseline: sharp's plain resize of the same bytes to the same widths and formats. */
  async sharp(photoPath) {
    const { DERIVATIVE_WIDTHS } = await import(bundlePath);
    const bytes = await readFile(photoPath);
    const start = performance.now();
    let made = 0;
    for (const width of DERIVATIVE_WIDTHS) {
      await sharp(bytes).rotate().resize({ width }).webp().toBuffer();
      await sharp(bytes).rotate().resize({ width }).jpeg().toBuffer();
      made += 2;
    }
    return { totalMs: performance.now() - start, derivatives: made };
  },
};

const thisFile = fileURLToPath(import.meta.url);
if (process.argv[2] === '--child' && resolve(process.argv[1] ?? '') === thisFile) {
  const [mode, ...args] = process.argv.slice(3);
  const result = await childModes[mode](...args);
  process.stdout.write(JSON.stringify({ ...result, peakRss: await peakRss() }));
}

const run = promisify(execFile);
async function inChild(mode, ...args) {
  const { stdout } = await run(process.execPath, [thisFile, '--child', mode, ...args], { cwd: root, maxBuffer: 1 << 20 });
  return JSON.parse(stdout);
}

// ---- the page's srcset and sizes, as a browser reads them --------------------------------------

/** A CSS length of `sizes` (px, vw, calc with + - * / and parentheses) in CSS px at a viewport width. */
function cssLength(text, viewport) {
  const tokens = text
    .replace(/calc\(/g, '(')
    .match(/\d+(?:\.\d+)?(?:px|vw)?|[-+*/()]/g)
    .map((token) => {
      const unit = /^([\d.]+)(px|vw)$/.exec(token);
      return unit ? (unit[2] === 'vw' ? (Number(unit[1]) * viewport) / 100 : Number(unit[1])) : /^[\d.]+$/.test(token) ? Number(token) : token;
    });
  let at = 0;
  const factor = () => {
    const token = tokens[at++];
    if (token === '(') {
      const value = sum();
      at++; // ')'
      return value;
    }
    if (typeof token !== 'number') throw new Error(`sizes: unexpected ${token} in ${text}`);
    return token;
  };
  const product = () => {
    let value = factor();
    while (tokens[at] === '*' || tokens[at] === '/') value = tokens[at++] === '*' ? value * factor() : value / factor();
    return value;
  };
  const sum = () => {
    let value = product();
    while (tokens[at] === '+' || tokens[at] === '-') value = tokens[at++] === '+' ? value + product() : value - product();
    return value;
  };
  return sum();
}

/** The slot width `sizes` gives at a viewport width: the first entry whose (max-width/min-width) condition holds. */
function slotWidth(sizes, viewport) {
  for (const entry of sizes.split(/,(?![^(]*\))/).map((part) => part.trim())) {
    const media = /^\((max|min)-width:\s*(\d+)px\)\s+(.+)$/.exec(entry);
    if (!media) return cssLength(entry, viewport);
    const limit = Number(media[2]);
    if (media[1] === 'max' ? viewport <= limit : viewport >= limit) return cssLength(media[3], viewport);
  }
  throw new Error(`sizes without a default: ${sizes}`);
}

/** What a browser above 1x downloads from a `w` srcset: the narrowest candidate at least slot × DPR wide (else the widest). */
function pick(srcset, sizes, screen) {
  const needed = slotWidth(sizes, screen.viewport) * screen.dpr;
  const candidates = srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/))
    .map(([url, w]) => ({ url, width: Number(w.replace(/w$/, '')) }))
    .sort((a, b) => a.width - b.width);
  return candidates.find((c) => c.width >= needed) ?? candidates[candidates.length - 1];
}

// ---- the three-photo article -------------------------------------------------------------------

const paragraph = (text) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const figure = (assetId, n) => ({ type: 'figure', attrs: { assetId, alt: `Ảnh ${n}: bờ sông Cần Thơ`, caption: `Ảnh ${n} trong bài.`, credit: 'Ảnh: Minh Thư' } });

/**
 * Exports the site of one article (featured photo, two in the body) with the real service, from
 * the library in `dir` (the first photo already imported there); returns the page's HTML and the
 * site folder.
 */
async function exportArticle(LibraryService, articlePath, photos, dir) {
  const library = await LibraryService.open({ dataDir: join(dir, 'library'), fontsDir: FONTS_DIR });
  try {
    await library.saveSettings({ changes: { paperName: 'Báo Cần Thơ Mới', baseUrl: 'https://baocantho.example' } });
    const assets = [];
    for (const [i, bytes] of photos.entries()) assets.push(await library.importAsset({ fileName: `IMG_${4711 + i}.JPG`, dataBase64: bytes.toString('base64') }));
    const text = paragraphs(900, seededRandom(9)).map(paragraph);
    const created = await library.createArticle({ headline: 'Cần Thơ khánh thành tuyến kè chống sạt lở bờ sông dài gần 2 km', section: 'thoi-su' });
    const saved = await library.saveArticle({
      id: created.id,
      baseRevision: created.revision,
      changes: {
        sapo: 'Tuyến kè bờ sông Cần Thơ hoàn thành sau 20 tháng thi công.',
        byline: 'Minh Thư',
        featuredImage: { assetId: assets[0].assetId, alt: 'Toàn cảnh tuyến kè mới', caption: 'Tuyến kè nhìn từ cầu Cái Sơn.', credit: 'Ảnh: Minh Thư' },
        body: { type: 'doc', content: [...text.slice(0, 3), figure(assets[1].assetId, 2), ...text.slice(3, 8), figure(assets[2].assetId, 3), ...text.slice(8)] },
      },
    });
    // Through the newsroom's workflow: handed in, approved, published.
    let published = saved;
    for (const status of ['submitted', 'approved', 'published']) published = await library.setStatus({ id: saved.id, baseRevision: published.revision, status });
    await library.whenIdle();
    const siteDir = join(dir, 'site');
    await mkdir(siteDir);
    const result = await library.exportSite({ outDir: siteDir });
    if (result.notes.length) throw new Error(`export notes: ${result.notes.join(', ')}`);
    const pageFile = join(siteDir, articlePath(published.slug));
    return { siteDir, html: await readFile(pageFile, 'utf8'), htmlBytes: (await stat(pageFile)).size };
  } finally {
    await library.dispose();
  }
}

/** The photos a screen downloads for this page: the WebP each <picture> picks, read from the site folder. */
async function downloads(html, siteDir, screen, photos) {
  const pictures = [...html.matchAll(/<source type="image\/webp" srcset="([^"]+)" sizes="([^"]+)">/g)];
  if (pictures.length !== photos) throw new Error(`the page shows ${pictures.length} WebP <source>s, not ${photos}: has the markup changed?`);
  const files = [];
  for (const [, srcset, sizes] of pictures) {
    const chosen = pick(srcset, sizes, screen);
    files.push({ width: chosen.width, slot: slotWidth(sizes, screen.viewport), bytes: (await stat(join(siteDir, chosen.url))).size });
  }
  return files;
}

// ---- the bench ---------------------------------------------------------------------------------

/**
 * The camera photos, made once (about 4 s each) and kept in dist/bench/photos: the same options
 * give the same bytes, so they are made again only when the helper or sharp changes.
 */
async function cameraPhotos(cameraPhoto) {
  const helper = await readFile(join(root, 'tests/helpers/cameraPhotos.ts'));
  const key = createHash('sha256').update(helper).update(JSON.stringify(sharp.versions)).digest('hex').slice(0, 16);
  const cache = join(root, 'dist/bench/photos');
  await mkdir(cache, { recursive: true });
  const photos = [];
  for (const seed of SEEDS) {
    const file = join(cache, `${key}-${seed}.jpg`);
    let bytes = await readFile(file).catch(() => null);
    if (!bytes) {
      bytes = await cameraPhoto({ seed });
      await writeFile(`${file}.tmp`, bytes);
      await rename(`${file}.tmp`, file);
    }
    photos.push(bytes);
  }
  return photos;
}

export async function runImagesBench() {
  const { LibraryService, cameraPhoto, DERIVATIVE_WIDTHS, COLUMN_WIDTH, articlePath, WEBP_OPTIONS } = await load();
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-images-'));
  try {
    const photos = await cameraPhotos(cameraPhoto);
    const photoPath = join(dir, 'IMG_4711.JPG');
    await writeFile(photoPath, photos[0]);

    // 1. One photo: import and derive through the service, and sharp alone; one child each.
    const modules = await inChild('modules');
    // (The library it leaves, with the first photo and its derivatives, is the one exported in 3.)
    const service = await inChild('service', photoPath, dir);
    const plain = await inChild('sharp', photoPath);

    // 2. AVIF beside WebP: encoding only (each width resized once, then encoded from its pixels).
    const { autoOrient: upright } = await sharp(photos[0]).metadata();
    const encode = { webp: { ms: 0, bytes: 0 }, avif: { ms: 0, bytes: 0 }, avif2: { ms: 0, bytes: 0 } };
    const encoders = { webp: (image) => image.webp(WEBP_OPTIONS), avif: (image) => image.avif(), avif2: (image) => image.avif({ effort: 2 }) };
    for (const width of DERIVATIVE_WIDTHS) {
      const { data, info } = await sharp(photos[0]).rotate().resize({ width }).raw().toBuffer({ resolveWithObject: true });
      for (const [format, encoder] of Object.entries(encoders)) {
        const start = performance.now();
        const out = await encoder(sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })).toBuffer();
        encode[format].ms += performance.now() - start;
        encode[format].bytes += out.length;
      }
    }

    // 3. The three-photo article, exported by the service.
    const site = await exportArticle(LibraryService, articlePath, photos, dir);
    const phone = await downloads(site.html, site.siteDir, PHONE, photos.length);
    const desktop = await downloads(site.html, site.siteDir, DESKTOP, photos.length);
    const originals = photos.reduce((sum, bytes) => sum + bytes.length, 0);
    const base64Length = (bytes) => 4 * Math.ceil(bytes / 3);
    // The single file embeds each photo's column-width WebP as a data URI (renderer/publish/pageContext.ts, embedImages).
    const embedded = [];
    for (const match of site.html.matchAll(/<source type="image\/webp" srcset="([^"]+)"/g)) {
      const column = match[1]
        .split(',')
        .map((part) => part.trim().split(/\s+/)[0])
        .find((url) => url.endsWith(`-${COLUMN_WIDTH}.webp`));
      embedded.push((await stat(join(site.siteDir, column))).size);
    }
    const total = (files) => files.reduce((sum, f) => sum + f.bytes, 0);
    return {
      photo: { bytes: photos[0].length, width: upright.width, height: upright.height },
      widths: DERIVATIVE_WIDTHS,
      modules,
      service,
      plain,
      encode,
      page: {
        photos: photos.length,
        htmlBytes: site.htmlBytes,
        before: site.htmlBytes + originals,
        originals,
        phone: { widths: phone.map((f) => f.width), slot: phone[0].slot, bytes: site.htmlBytes + total(phone), screen: PHONE },
        desktop: { widths: desktop.map((f) => f.width), slot: desktop[0].slot, bytes: site.htmlBytes + total(desktop), screen: DESKTOP },
        singleBefore: photos.reduce((sum, bytes) => sum + 'data:image/jpeg;base64,'.length + base64Length(bytes.length), 0),
        singleAfter: embedded.reduce((sum, bytes) => sum + 'data:image/webp;base64,'.length + base64Length(bytes), 0),
        embedded: embedded.length,
        columnWidth: COLUMN_WIDTH,
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
