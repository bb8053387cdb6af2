#!/usr/bin/env node
// `npm test`: every test, in order, stopping at the first failure: system packages, build,
// typecheck, lint, unit and contract tests (Vitest), end-to-end tests in Chromium and Electron
// (Playwright).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureSystem } from './ensure-system.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => `${root}node_modules/.bin/${name}`;

const steps = [
  ['Build', process.execPath, ['scripts/build.mjs']],
  ['Typecheck', process.execPath, ['scripts/typecheck.mjs']],
  ['Lint', bin('eslint'), ['--max-warnings=0', '.']],
  ['Unit and contract tests (Vitest)', bin('vitest'), ['run']],
  ['End-to-end tests (Playwright)', bin('playwright'), ['test']],
];

if (!ensureSystem()) process.exit(1);
for (const [title, command, args] of steps) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`\n${title} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status || 1);
  }
  process.stdout.write(`--- ${title}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
process.stdout.write('\nAll test steps passed.\n');
