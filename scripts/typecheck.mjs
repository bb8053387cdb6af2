#!/usr/bin/env node
// Type-checks each environment with its own tsconfig: shared/ (no DOM, no Node), electron/ (Node),
// renderer/ (DOM) and tests/.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let failed = false;
for (const project of ['shared', 'electron', 'renderer', 'tests']) {
  const result = spawnSync(`${root}node_modules/.bin/tsc`, ['-p', `${project}/tsconfig.json`], { cwd: root, stdio: 'inherit' });
  process.stdout.write(`${project}: ${result.status === 0 ? 'ok' : 'errors'}\n`);
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
