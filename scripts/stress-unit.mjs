#!/usr/bin/env node
// `npm run test:stress [-- RUNS]`: the unit suite (Vitest) RUNS times in a row (20 by default) on a
// machine kept busy, to catch tests that race the code they test. The load is stress-ng (CPU,
// disk syncs and memory on every core) where it is installed, otherwise a second copy of the
// suite running alongside each run. Prints each run's result and the count of failed runs; exits 1
// if any run failed.
import { spawn, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 20);
const vitest = `${root}node_modules/.bin/vitest`;
const hasStressNg = spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).status === 0;
const cores = String(cpus().length);

function runSuite(quiet) {
  return new Promise((resolve) => {
    const child = spawn(vitest, ['run', '--reporter=dot'], { cwd: root, stdio: quiet ? 'ignore' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ ok: code === 0, output }));
  });
}

let load = null;
if (hasStressNg) {
  process.stdout.write(`Load: stress-ng --cpu ${cores} --io 1 --vm 1 --vm-bytes 512M for the whole run.\n`);
  // Its own process group, so its workers stop with it.
  load = spawn('stress-ng', ['--cpu', cores, '--io', '1', '--vm', '1', '--vm-bytes', '512M', '--timeout', '0'], { stdio: 'ignore', detached: true });
} else {
  process.stdout.write('Load: stress-ng is not installed (Debian package stress-ng); a second copy of the suite runs alongside each run instead.\n');
}

let failed = 0;
const started = Date.now();
try {
  for (let i = 1; i <= runs; i++) {
    const runStart = Date.now();
    const [result] = await Promise.all([runSuite(false), ...(hasStressNg ? [] : [runSuite(true)])]);
    // eslint-disable-next-line no-control-regex -- colour codes in Vitest's output
    const summary = /Tests\s+(.*)/.exec(result.output.replace(/\x1b\[[0-9;]*m/g, ''))?.[1]?.trim() ?? '';
    process.stdout.write(`run ${String(i).padStart(2)}/${runs}: ${result.ok ? 'passed' : 'FAILED'} in ${((Date.now() - runStart) / 1000).toFixed(1)} s  ${summary}\n`);
    if (!result.ok) {
      failed++;
      process.stdout.write(result.output.split('\n').filter((line) => /FAIL|×|Error/.test(line)).slice(0, 20).join('\n') + '\n');
    }
  }
} finally {
  if (load?.pid) process.kill(-load.pid, 'SIGKILL');
}
process.stdout.write(`\n${runs - failed} of ${runs} runs passed under load (${((Date.now() - started) / 60000).toFixed(1)} min); ${failed} failed.\n`);
process.exit(failed ? 1 : 0);
