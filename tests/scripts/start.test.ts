import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir, removeDir } from '../helpers/tempDir';

const root = fileURLToPath(new URL('../..', import.meta.url));
// @ts-expect-error -- plain JavaScript module of the build scripts
const { findElectron } = (await import('../../scripts/electronBinary.mjs')) as { findElectron: () => { path?: string; reason?: string } };
type Launch = { open: true; command: string; commandArgs: string[] } | { open: false; reason: string };
// @ts-expect-error -- plain JavaScript module of the build scripts
const { browserLaunch } = (await import('../../scripts/openBrowser.mjs')) as {
  browserLaunch: (where: { args: string[]; env: Record<string, string | undefined>; platform: string }) => Launch;
};

let dir: string | undefined;
afterEach(async () => {
  if (dir) await removeDir(dir);
});

/**
 * A stand-in for the browser opener (NEWSDESK_BROWSER): a script that writes the address it is given
 * into `record`, so a test sees the call without any browser opening.
 */
function recordingOpener(folder: string): { opener: string; record: string } {
  const opener = join(folder, 'record-browser.sh');
  const record = join(folder, 'opened.txt');
  writeFileSync(opener, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${record}'\n`);
  chmodSync(opener, 0o755);
  return { opener, record };
}

/**
 * Runs `npm start`'s script until it prints the address, then sends Ctrl+C. No real browser ever
 * opens: NEWSDESK_NO_BROWSER=1 unless a test says otherwise, and the opener is always `opener` (a
 * recorder) or, without one, a program that does not exist.
 */
function startUntilAddress(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: root,
    env: { ...process.env, NEWSDESK_NO_BROWSER: '1', NEWSDESK_BROWSER: join(root, 'no-such-browser'), ...env },
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

  it('with a display, opens the address it printed in the browser (through NEWSDESK_BROWSER, here a recorder), once', async () => {
    dir = await makeTempDir();
    const { opener, record } = recordingOpener(dir);
    const run = startUntilAddress(['--web', '--data-dir', join(dir, 'library')], {
      NEWSDESK_NO_BROWSER: '',
      NEWSDESK_BROWSER: opener,
      DISPLAY: ':99',
      CI: '',
      BROWSER: '',
    });
    const url = await run.address;
    await vi.waitFor(() => expect(readFileSync(record, 'utf8')).toBe(`${url}\n`), { timeout: 20_000 });
    expect(run.output()).toContain('Opening your browser');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(readFileSync(record, 'utf8')).toBe(`${url}\n`);
  });

  it.each([
    ['--no-browser', ['--no-browser'], {}],
    ['NEWSDESK_NO_BROWSER=1', [], { NEWSDESK_NO_BROWSER: '1' }],
    ['no display', [], { DISPLAY: '', WAYLAND_DISPLAY: '' }],
  ])('opens no browser with %s, and still prints the address', async (_case, extraArgs, extraEnv) => {
    dir = await makeTempDir();
    const { opener, record } = recordingOpener(dir);
    const run = startUntilAddress(['--web', '--data-dir', join(dir, 'library'), ...extraArgs], {
      NEWSDESK_NO_BROWSER: '',
      NEWSDESK_BROWSER: opener,
      DISPLAY: ':99',
      CI: '',
      BROWSER: '',
      ...extraEnv,
    });
    await run.address;
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.output()).not.toContain('Opening your browser');
    expect(existsSync(record)).toBe(false);
  });
});

describe('whether npm start opens a browser', () => {
  const display = { DISPLAY: ':0' };
  it.each<[string, string[], Record<string, string | undefined>, string, Launch]>([
    ['Linux with X11', [], display, 'linux', { open: true, command: 'xdg-open', commandArgs: [] }],
    ['Linux with Wayland', [], { WAYLAND_DISPLAY: 'wayland-0' }, 'linux', { open: true, command: 'xdg-open', commandArgs: [] }],
    ['Linux without a display', [], {}, 'linux', { open: false, reason: expect.stringMatching(/no display/) as unknown as string }],
    ['FreeBSD without a display', [], {}, 'freebsd', { open: false, reason: expect.stringMatching(/no display/) as unknown as string }],
    ['macOS', [], {}, 'darwin', { open: true, command: 'open', commandArgs: [] }],
    ['macOS over SSH', [], { SSH_CONNECTION: '10.0.0.2 5000 10.0.0.1 22' }, 'darwin', { open: false, reason: expect.stringMatching(/SSH/) as unknown as string }],
    ['Windows', [], {}, 'win32', expect.objectContaining({ open: true, command: 'cmd', commandArgs: ['/d', '/s', '/c', 'start', '""'] }) as Launch],
    ['--no-browser', ['--no-browser'], display, 'linux', { open: false, reason: '--no-browser' }],
    ['--no-browser on Windows', ['--port', '8080', '--no-browser'], {}, 'win32', { open: false, reason: '--no-browser' }],
    ['NEWSDESK_NO_BROWSER=1', [], { ...display, NEWSDESK_NO_BROWSER: '1' }, 'linux', { open: false, reason: 'NEWSDESK_NO_BROWSER' }],
    ['NEWSDESK_NO_BROWSER=0', [], { ...display, NEWSDESK_NO_BROWSER: '0' }, 'linux', { open: true, command: 'xdg-open', commandArgs: [] }],
    ['BROWSER=none', [], { ...display, BROWSER: 'none' }, 'darwin', { open: false, reason: 'BROWSER=none' }],
    ['in CI', [], { ...display, CI: 'true' }, 'linux', { open: false, reason: 'CI' }],
    ['in CI on Windows', [], { CI: '1' }, 'win32', { open: false, reason: 'CI' }],
    ['CI=false', [], { ...display, CI: 'false' }, 'linux', { open: true, command: 'xdg-open', commandArgs: [] }],
    ['--json (a program reads the output)', ['--json'], display, 'linux', { open: false, reason: '--json' }],
    ['NEWSDESK_BROWSER set', [], { ...display, NEWSDESK_BROWSER: '/opt/firefox/firefox' }, 'linux', { open: true, command: '/opt/firefox/firefox', commandArgs: [] }],
    ['NEWSDESK_BROWSER set, no display', [], { NEWSDESK_BROWSER: '/opt/firefox/firefox' }, 'linux', { open: false, reason: expect.stringMatching(/no display/) as unknown as string }],
  ])('%s', (_case, args, env, platform, expected) => {
    expect(browserLaunch({ args, env, platform })).toEqual(expected);
  });
});
