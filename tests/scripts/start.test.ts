import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from '../helpers/tempDir';

const root = fileURLToPath(new URL('../..', import.meta.url));
// @ts-expect-error -- plain JavaScript module of the build scripts
const { findElectron } = (await import('../../scripts/electronBinary.mjs')) as { findElectron: () => { path?: string; reason?: string } };

let dir: string | undefined;
afterEach(async () => {
  if (dir) await removeDir(dir);
});

/** Runs `npm start`'s script until it prints the address, then sends Ctrl+C. */
function startUntilAddress(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const address = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, address, exit, output: () => output };
}

describe('npm start', () => {
  const electron = findElectron();

  it.skipIf(Boolean(electron.path))(
    'where Electron cannot start, says why in one sentence, serves the app on 127.0.0.1 with the data directory, and stops cleanly on Ctrl+C',
    async () => {
      dir = await makeTempDir();
      const run = startUntilAddress(['--data-dir', dir]);
      const url = await run.address;
      expect(run.output()).toMatch(/^Electron cannot start here: .+; serving Newsdesk to your browser instead\.$/m);
      expect(run.output()).toContain(dir);
      const page = await fetch(url.replace(/#.*/, ''));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(existsSync(`${dir}/library.json`)).toBe(true);
      run.child.kill('SIGINT');
      expect(await run.exit).toBe(0);
    },
  );

  it('with --web, serves from the web host directly, taking the library from NEWSDESK_DATA_DIR', async () => {
    dir = await makeTempDir();
    const run = startUntilAddress(['--web'], { NEWSDESK_DATA_DIR: dir });
    await run.address;
    expect(run.output()).not.toContain('Electron cannot start');
    expect(run.output()).toContain(dir);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });
});
