#!/usr/bin/env node
// Builds everything `npm start` and the tests run: the renderer (Vite) into dist/renderer and the
// main-process bundles (esbuild) into dist/electron. `--if-needed` skips the build when dist/ is
// newer than every source file.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { LICENSES_FILE, writeLicenses } from './licenses.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const FONT_FILES = ['latin', 'vietnamese'].flatMap((subset) =>
  ['400-normal', '700-normal', '400-italic'].map((variant) => `noto-serif-${subset}-${variant}.woff2`),
);
const outputs = ['dist/renderer/index.html', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/webhost.cjs', 'dist/electron/export.cjs', 'dist/electron/bundle.cjs', 'dist/electron/searchWorker.cjs', LICENSES_FILE];
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * The full-text index's thread (electron/library/searchWorker.ts), which every bundle that opens a
 * library starts from dist/electron; the unit tests build it alone (tests/setup/searchWorker.ts).
 */
export function buildSearchWorker() {
  return esbuild({ ...common, entryPoints: ['electron/library/searchWorker.ts'], outfile: 'dist/electron/searchWorker.cjs' });
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function isBuildFresh() {
  if (!outputs.every((file) => existsSync(join(root, file)))) return false;
  const built = Math.min(...outputs.map((file) => statSync(join(root, file)).mtimeMs));
  const sources = Math.max(
    ...['shared', 'electron', 'renderer'].map((dir) => newestMtime(join(root, dir))),
    ...['package.json', 'package-lock.json', 'vite.config.ts'].map((file) => statSync(join(root, file)).mtimeMs),
  );
  return built > sources;
}

/** Packages with native parts, loaded from node_modules at run time rather than bundled. */
const native = ['sharp', 'pouchdb-adapter-leveldb'];

export async function buildAll({ quiet = false } = {}) {
  const log = quiet ? () => {} : (message) => process.stdout.write(`${message}\n`);
  log('Đang dựng giao diện (Vite)… / Building the renderer (Vite)…');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  await writeLicenses(); // the About dialog's licences and build date (after Vite, which empties dist/renderer)
  log('Đang dựng tiến trình chính (esbuild)… / Building the main process (esbuild)…');
  await Promise.all([
    buildSearchWorker(),
    // sharp and LevelDB (the sync's mirror) load their native parts from node_modules (packaged
    // unpacked from the asar: build/electron-builder.yml).
    esbuild({ ...common, entryPoints: ['electron/shell/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', ...native] }),
    esbuild({ ...common, entryPoints: ['electron/shell/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
    esbuild({ ...common, entryPoints: ['electron/transport/webHostMain.ts'], outfile: 'dist/electron/webhost.cjs', external: native }),
    esbuild({ ...common, entryPoints: ['electron/publish/exportMain.ts'], outfile: 'dist/electron/export.cjs', external: native }),
    esbuild({ ...common, entryPoints: ['electron/library/bundleMain.ts'], outfile: 'dist/electron/bundle.cjs', external: native }),
  ]);
  // The published pages' font, copied beside the bundles (the exporter reads it from dist/fonts).
  await mkdir(join(root, 'dist/fonts'), { recursive: true });
  for (const face of FONT_FILES) {
    await copyFile(join(root, 'node_modules/@fontsource/noto-serif/files', face), join(root, 'dist/fonts', face));
  }
  log('Đã dựng xong: dist/ / Build finished: dist/');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-needed') && isBuildFresh()) {
    process.stdout.write('dist/ đã mới nhất. / dist/ is up to date.\n');
  } else {
    await buildAll();
  }
}
