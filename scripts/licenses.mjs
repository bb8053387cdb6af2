#!/usr/bin/env node
// `node scripts/licenses.mjs [OUT]`: the licences of everything Newsdesk ships, for its About
// dialog. Walks the production dependency tree as installed (dependencies, installed optional
// dependencies and required peers, from package.json down, resolved through node_modules as Node resolves
// them; devDependencies never), and writes OUT (dist/renderer/licenses.json by default, which
// `npm run build` writes after the renderer) with the build's date and, per package, its name,
// version, licence id (package.json's `license`) and licence text (its LICENSE/LICENCE/COPYING
// files and NOTICE, else its README's licensing section, else null). SOURCE_DATE_EPOCH, when set,
// is the build date (reproducible builds).
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const LICENSES_FILE = 'dist/renderer/licenses.json';

const LICENSE_FILE = /^(licen[cs]e|copying|unlicense)([-._].*)?$/i;
const NOTICE_FILE = /^notice(\.(md|txt))?$/i;

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** package.json's licence as an SPDX expression: `license` (a string, or the old `{ type }`), or the old `licenses` list. */
export function licenseId(pkg) {
  const one = (entry) => (typeof entry === 'string' ? entry : typeof entry?.type === 'string' ? entry.type : '');
  const id = one(pkg.license).trim();
  if (id) return id;
  const list = Array.isArray(pkg.licenses) ? pkg.licenses.map(one).filter(Boolean) : [];
  return list.length > 1 ? `(${list.join(' OR ')})` : (list[0] ?? '');
}

/** A README's section whose heading speaks of licences, heading included, up to the next heading as high. */
function readmeLicenseSection(text) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^#{1,6}\s.*licen[cs]/i.test(line));
  if (start < 0) return null;
  const level = /^#+/.exec(lines[start])[0].length;
  const after = lines.slice(start + 1).findIndex((line) => {
    const heading = /^(#+)\s/.exec(line);
    return heading !== null && heading[1].length <= level;
  });
  return lines
    .slice(start, after < 0 ? undefined : start + 1 + after)
    .join('\n')
    .trim();
}

/** The package's licence text: its licence files (then NOTICE), or its README's licensing section, or null. */
export function licenseText(dir) {
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
  const texts = [...files.filter((name) => LICENSE_FILE.test(name)), ...files.filter((name) => NOTICE_FILE.test(name))]
    .map((name) => readFileSync(join(dir, name), 'utf8').trim())
    .filter(Boolean);
  if (texts.length) return texts.join('\n\n');
  const readme = files.find((name) => /^readme(\.(md|markdown|txt))?$/i.test(name));
  return readme ? readmeLicenseSection(readFileSync(join(dir, readme), 'utf8')) : null;
}

/**
 * A package that ships no licence text but names the MIT licence (tr46 0.0.3, under node-fetch):
 * the MIT licence's standard text with the author package.json names, said to be made so.
 */
function standardText(pkg) {
  if (licenseId(pkg) !== 'MIT') return null;
  const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
  return [
    `(${pkg.name} ${pkg.version} ships no licence file; its package.json says "MIT". The MIT licence's standard text follows.)`,
    '',
    'MIT License',
    '',
    `Copyright (c) ${author ?? `the authors of ${pkg.name}`}`,
    '',
    'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:',
    '',
    'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.',
    '',
    'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.',
  ].join('\n');
}

/** Where `name` resolves from the package in `fromDir`, as Node looks it up: node_modules up the folders. */
function resolvePackage(fromDir, name) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dir === parse(dir).root) return null;
  }
}

/**
 * Every package of the production tree under `projectDir`, once per name and version, sorted by name.
 * A required dependency that is not installed is an error (the list would be incomplete); an
 * optional one (another platform's sharp binary, say) or a peer not installed is not shipped.
 */
export function collectLicenses(projectDir = root) {
  const top = readJson(join(projectDir, 'package.json'));
  const byKey = new Map();
  const visited = new Set();
  const queue = [];
  const enqueue = (fromDir, pkg, parentName) => {
    const optional = new Set(Object.keys(pkg.optionalDependencies ?? {}));
    // An optional peer is used if something else installed it, never installed for its sake (sharp's
    // @types/node): followed only when reached some other way.
    const peers = Object.keys(pkg.peerDependencies ?? {}).filter((name) => !pkg.peerDependenciesMeta?.[name]?.optional);
    const names = new Set([...Object.keys(pkg.dependencies ?? {}), ...optional, ...peers]);
    for (const name of names) queue.push({ fromDir, name, required: !optional.has(name) && !peers.includes(name), parentName });
  };
  enqueue(projectDir, top, top.name);
  while (queue.length) {
    const { fromDir, name, required, parentName } = queue.shift();
    const dir = resolvePackage(fromDir, name);
    if (!dir) {
      if (required) throw new Error(`${parentName} needs ${name}, which is not installed (run npm install)`);
      continue;
    }
    if (visited.has(dir)) continue;
    visited.add(dir);
    const pkg = readJson(join(dir, 'package.json'));
    const key = `${pkg.name}@${pkg.version}`;
    if (!byKey.has(key)) {
      byKey.set(key, { name: pkg.name, version: pkg.version, license: licenseId(pkg), licenseText: licenseText(dir) ?? standardText(pkg) });
    }
    enqueue(dir, pkg, pkg.name);
  }
  return [...byKey.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
}

/** The build's date: SOURCE_DATE_EPOCH (seconds) when set, else now. */
export function buildDate(env = process.env) {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date()).toISOString();
}

/** Writes the licences file (dist/renderer/licenses.json unless told otherwise); returns the packages written. */
export async function writeLicenses({ projectDir = root, out = join(projectDir, LICENSES_FILE) } = {}) {
  const packages = collectLicenses(projectDir);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ builtAt: buildDate(), packages })}\n`);
  return packages;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2];
  const packages = await writeLicenses(out ? { out } : {});
  process.stdout.write(`${packages.length} licences → ${out ?? LICENSES_FILE}\n`);
}
