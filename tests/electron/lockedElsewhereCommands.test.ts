import { spawn } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKED_EXIT_CODE } from '../../electron/library/libraryLock';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * Issue 12, item 5: where no dialog can ask (the web host `npm start` falls back to, and `npm run
 * export`), a library open on another computer is not opened: the command says so in one
 * Vietnamese and one English sentence, naming the computer and the flag that takes it over, and
 * takes it over only when run again with that flag. Both commands run here as built (bundled with
 * esbuild, run with plain node).
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const OTHER_HOST = 'may-bien-tap-2';
const theirLock = JSON.stringify({ pid: 4242, host: OTHER_HOST, at: '2026-11-27T01:15:00.000Z', token: 'e'.repeat(32) });
let work: string;
const bundles = { webhost: '', export: '' };

beforeAll(async () => {
  work = await makeTempDir();
  for (const [name, entry] of [
    ['webhost', 'electron/transport/webHostMain.ts'],
    ['export', 'electron/publish/exportMain.ts'],
  ] as const) {
    bundles[name] = join(work, `${name}.cjs`);
    await build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'cjs', outfile: bundles[name], external: ['sharp'], logLevel: 'silent' });
  }
  await mkdir(join(work, 'static'));
  await writeFile(join(work, 'static', 'index.html'), '<!doctype html><title>Newsdesk</title>');
}, 60_000);
afterAll(async () => {
  await removeDir(work);
});

/** Runs a built command until it exits, or (`until`) until its output says so. */
function run(bundle: string, args: string[], until?: RegExp) {
  const child = spawn(process.execPath, [bundle, ...args], { env: { ...process.env, NODE_PATH: join(root, 'node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // The exit code, or the signal that ended it (should one ever do so: a crash says which).
  const exit = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  let saw = () => undefined as void;
  const seen = until
    ? new Promise<void>((resolve, reject) => {
        saw = resolve;
        void exit.then(() => reject(new Error(`exited before printing ${until}: ${stdout}${stderr}`)));
      })
    : Promise.resolve();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (until?.test(stdout)) saw();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return { child, exit, seen, output: () => ({ stdout, stderr }) };
}

async function libraryLockedElsewhere(name: string): Promise<string> {
  const dataDir = join(work, name);
  await mkdir(dataDir);
  await writeFile(join(dataDir, 'library.lock'), theirLock);
  return dataDir;
}

function expectNotice(stderr: string, dataDir: string, command: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^Thư viện .* đang được Newsdesk trên máy may-bien-tap-2 mở \(từ 27\/11\/2026 08:15\); .*--take-over-lock/);
  expect(lines[1]).toMatch(/^The library .* is open in Newsdesk on the computer may-bien-tap-2 \(since 27\/11\/2026 08:15\); .*--take-over-lock/);
  for (const line of lines) {
    expect(line).toContain(dataDir);
    expect(line).toMatch(command);
  }
}

describe('a library open on another computer', () => {
  it('is not opened by the web host, which says how to take it over; with --take-over-lock it is', async () => {
    const dataDir = await libraryLockedElsewhere('web');
    const refused = run(bundles.webhost, ['--data-dir', dataDir, '--static-dir', join(work, 'static')]);
    expect(await refused.exit).toBe(LOCKED_EXIT_CODE);
    expectNotice(refused.output().stderr, dataDir, /npm start -- --take-over-lock/);
    expect(await readFile(join(dataDir, 'library.lock'), 'utf8')).toBe(theirLock);

    const taken = run(bundles.webhost, ['--data-dir', dataDir, '--static-dir', join(work, 'static'), '--take-over-lock'], /http:\/\/127\.0\.0\.1:\d+/);
    await taken.seen;
    expect(JSON.parse(await readFile(join(dataDir, 'library.lock'), 'utf8')).pid).toBe(taken.child.pid);
    taken.child.kill('SIGINT');
    expect(await taken.exit, taken.output().stderr).toBe(0);
    await expect(stat(join(dataDir, 'library.lock'))).rejects.toThrow();
  });

  it('is not exported from, and the export says how to take it over; with --take-over-lock it is', async () => {
    const dataDir = await libraryLockedElsewhere('export');
    const out = join(work, 'site');
    const refused = run(bundles.export, ['--data-dir', dataDir, '--out', out]);
    expect(await refused.exit).toBe(LOCKED_EXIT_CODE);
    expectNotice(refused.output().stderr, dataDir, /npm run export -- --data-dir \S+ --out \S+ --take-over-lock/);
    expect(await readFile(join(dataDir, 'library.lock'), 'utf8')).toBe(theirLock);
    await expect(stat(out)).rejects.toThrow();

    const taken = run(bundles.export, ['--data-dir', dataDir, '--out', out, '--take-over-lock']);
    expect(await taken.exit, taken.output().stderr).toBe(0);
    expect(taken.output().stdout).toMatch(/^Exported \d+ pages/m);
    await expect(stat(join(dataDir, 'library.lock'))).rejects.toThrow();
  });
});
