#!/usr/bin/env node
// `npm run bench`: performance figures, each printed beside a baseline measured in the same run.
// Goals come from DESIGN.md and the issues; a missed goal is printed as such (the benchmark never
// fails the build: shared machines are noisy, so speed is read, not asserted).
import { buildAll, isBuildFresh } from './build.mjs';
import { ensureSystem } from './ensure-system.mjs';
import { runKeystrokeBench } from './bench/keystroke.mjs';
import { runStorageBench } from './bench/storage.mjs';

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

const columns = ['name', 'result', 'baseline', 'goal', 'verdict'];
const headers = { name: 'measure', result: 'result', baseline: 'baseline (same run)', goal: 'goal', verdict: '' };
const width = Object.fromEntries(columns.map((c) => [c, Math.max(headers[c].length, ...rows.map((r) => String(r[c]).length))]));
const line = (r) => columns.map((c) => String(r[c]).padEnd(width[c])).join(' | ');
process.stdout.write(`\n${line(headers)}\n${columns.map((c) => '-'.repeat(width[c])).join('-|-')}\n${rows.map(line).join('\n')}\n`);
