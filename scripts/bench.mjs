#!/usr/bin/env node
// `npm run bench`: performance figures, each printed beside a baseline measured in the same run.
// Goals come from DESIGN.md and the issues; a missed goal is printed as such (the benchmark never
// fails the build: shared machines are noisy, so speed is read, not asserted).
import { buildAll, isBuildFresh } from './build.mjs';
import { ensureSystem } from './ensure-system.mjs';
import { runKeystrokeBench } from './bench/keystroke.mjs';
import { runStorageBench } from './bench/storage.mjs';
import { runPublishBench } from './bench/publish.mjs';

const ms = (value) => `${value.toFixed(2)} ms`;
const rows = [];
const row = (name, result, baseline, goal, met) => rows.push({ name, result, baseline, goal, verdict: met === null ? '' : met ? 'met' : 'MISSED' });

if (!ensureSystem()) process.exit(1);
if (!isBuildFresh()) await buildAll({ quiet: true });

process.stdout.write('Storage: autosave in a large library…\n');
const storage = await runStorageBench();
row(
  `autosave, ${storage.articles.toLocaleString('en')}-article library (median of ${storage.saves})`,
  ms(storage.autosave),
  `bare atomic write ${ms(storage.bareWrite)}; single lowdb file ${ms(storage.singleFile)}`,
  '≤ 2× bare write, ≥ 50× faster than one file',
  storage.autosave <= 2 * storage.bareWrite && storage.singleFile / storage.autosave >= 50,
);

row(`open a ${storage.articles.toLocaleString('en')}-article library to a usable list`, ms(storage.openMs), '', '< 1500 ms', storage.openMs < 1500);

process.stdout.write('Editor: keystroke to paint in Chromium…\n');
const keys = await runKeystrokeBench();
row(`keystroke → paint, 20,000-syllable article (${keys.words}; n=${keys.editor.n}) median`, ms(keys.editor.median), `plain <textarea> ${ms(keys.baseline.median)}`, '< 16 ms', keys.editor.median < 16);
row('keystroke → paint, same article, p95', ms(keys.editor.p95), `plain <textarea> ${ms(keys.baseline.p95)}`, '', null);

process.stdout.write('Publishing: rendering and exporting the site…\n');
const site = await runPublishBench();
row('render one article page (p50 of 200)', ms(site.renderP50), `escape the same article's JSON ${ms(site.escapeP50)}`, '< 5 ms', site.renderP50 < 5);
row(
  `export a ${site.articles.toLocaleString('en')}-article site (${site.pages.toLocaleString('en')} pages)`,
  `${(site.fullMs / 1000).toFixed(1)} s, ${Math.round(site.pages / (site.fullMs / 1000)).toLocaleString('en')} pages/s`,
  `plain writeFile of the same pages ${(site.plainMs / 1000).toFixed(1)} s`,
  '< 30 s',
  site.fullMs < 30_000,
);
row('export again after one edit', `${(site.againMs / 1000).toFixed(1)} s, ${site.againWritten} files written`, `full export ${(site.fullMs / 1000).toFixed(1)} s`, '', null);

const columns = ['name', 'result', 'baseline', 'goal', 'verdict'];
const headers = { name: 'measure', result: 'result', baseline: 'baseline (same run)', goal: 'goal', verdict: '' };
const width = Object.fromEntries(columns.map((c) => [c, Math.max(headers[c].length, ...rows.map((r) => String(r[c]).length))]));
const line = (r) => columns.map((c) => String(r[c]).padEnd(width[c])).join(' | ');
process.stdout.write(`\n${line(headers)}\n${columns.map((c) => '-'.repeat(width[c])).join('-|-')}\n${rows.map(line).join('\n')}\n`);
