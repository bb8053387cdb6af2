#!/usr/bin/env node
// The app's icons, every size and format the installers need, drawn from one source,
// build/icon.svg, at packaging time (`npm run package` runs this before electron-builder):
//
//   build/icons/png/NxN.png   16 … 1024 px (Linux: AppImage and deb take the folder, by size)
//   build/icons/icon.ico      16 … 256 px (Windows: the app, its shortcuts and the installer)
//   build/icons/icon.icns     16 … 1024 px, with the @2x kinds (macOS: the app and the dmg)
//
//   node scripts/icons.mjs [--source SVG] [--out DIR]
//
// sharp renders the SVG at each size (never a small picture scaled up); @shockpkg/icon-encoder
// writes the ICO and ICNS containers (plain JavaScript, offline). build/icons/ is not committed.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';
import sharp from 'sharp';

const root = fileURLToPath(new URL('..', import.meta.url));

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types and the pixel size of each (the order iconutil writes them in). */
export const ICNS_TYPES = [
  ['ic12', 64], // 32x32@2x
  ['ic07', 128],
  ['ic13', 256], // 128x128@2x
  ['ic08', 256],
  ['ic04', 16],
  ['ic14', 512], // 256x256@2x
  ['ic09', 512],
  ['ic05', 32],
  ['ic10', 1024], // 512x512@2x
  ['ic11', 32], // 16x16@2x
];

/** The SVG drawn at size × size pixels, as PNG. */
export async function renderPng(svg, size) {
  const { width = size, height = size } = await sharp(svg).metadata();
  // Density scales the SVG's own size to the target, so each size is drawn, not resampled up.
  const density = Math.min(100_000, Math.ceil((72 * size) / Math.min(width, height)));
  return sharp(svg, { density }).resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } }).png().toBuffer();
}

/** Writes every icon into outDir from the SVG at source; returns the files written. */
export async function generateIcons({ source = join(root, 'build', 'icon.svg'), outDir = join(root, 'build', 'icons') } = {}) {
  const svg = await readFile(source);
  const pngs = new Map();
  for (const size of PNG_SIZES) pngs.set(size, await renderPng(svg, size));

  await mkdir(join(outDir, 'png'), { recursive: true });
  const files = [];
  const write = async (path, data) => {
    await writeFile(path, data);
    files.push(path);
  };
  for (const [size, png] of pngs) await write(join(outDir, 'png', `${size}x${size}.png`), png);

  const ico = new IconIco();
  // Largest first; 256 px as PNG inside the ICO, smaller ones as bitmaps (what older Windows reads).
  for (const size of [...ICO_SIZES].reverse()) await ico.addFromPng(pngs.get(size), size >= 256);
  await write(join(outDir, 'icon.ico'), Buffer.from(ico.encode()));

  const icns = new IconIcns();
  icns.toc = true;
  for (const [type, size] of ICNS_TYPES) await icns.addFromPng(pngs.get(size), [type]);
  await write(join(outDir, 'icon.icns'), Buffer.from(icns.encode()));
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `--source SVG` and `--out DIR` (the tests draw elsewhere); by default build/icon.svg → build/icons.
  const { values } = parseArgs({ options: { source: { type: 'string' }, out: { type: 'string' } } });
  const source = resolve(values.source ?? join(root, 'build', 'icon.svg'));
  const outDir = resolve(values.out ?? join(root, 'build', 'icons'));
  const files = await generateIcons({ source, outDir });
  process.stdout.write(`Icons from ${relative(process.cwd(), source)}: ${files.map((f) => relative(process.cwd(), f)).join(', ')}\n`);
}
