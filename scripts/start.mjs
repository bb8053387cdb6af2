#!/usr/bin/env node
// `npm start [-- --data-dir DIR] [--web] [--port N] [--take-over-lock] [--no-browser]`: builds
// what is missing, then opens Newsdesk in Electron where its binary exists or can be downloaded;
// otherwise says why in one sentence and serves the same app from the loopback web host, printing
// its address and the data directory, and opening the address in the default browser where there
// is a display (scripts/openBrowser.mjs says when; `--no-browser` or NEWSDESK_NO_BROWSER=1 never).
// A library open in Newsdesk on another computer is opened only after the user confirms (Electron
// asks; the web host says to run again with --take-over-lock).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, isBuildFresh } from './build.mjs';
import { findElectron } from './electronBinary.mjs';
import { browserLaunch, openBrowser } from './openBrowser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const forceWeb = args.includes('--web') || process.env.NEWSDESK_WEB === '1';
const passThrough = args.filter((arg) => arg !== '--web' && arg !== '--no-browser');
const DOWNLOAD_TIMEOUT_MS = 60_000;
const EARLY_EXIT_MS = 4000;
/** Newsdesk's exit code when the library is open elsewhere (LOCKED_EXIT_CODE in electron/library/libraryLock.ts). */
const LOCKED_EXIT_CODE = 3;

if (!isBuildFresh()) await buildAll();

/** Why Electron cannot start, in both interface languages. */
const reasons = {
  notInstalled: (detail) => ({
    vi: `chưa có tệp chạy của Electron và không tải được (${detail})`,
    en: `Electron's binary is not installed and could not be downloaded (${detail})`,
  }),
  noDisplay: () => ({ vi: 'máy không có màn hình đồ họa (DISPLAY chưa đặt)', en: 'there is no graphical display (DISPLAY is not set)' }),
  crashed: (detail) => ({ vi: `Electron dừng ngay khi mở (${detail})`, en: `Electron stopped as soon as it started (${detail})` }),
};

/** Tries Electron's own installer once (it downloads the binary); says why when that fails. */
function tryDownloadElectron() {
  process.stdout.write('Đang thử tải Electron… / Trying to download Electron…\n');
  const installer = join(dirname(fileURLToPath(import.meta.resolve('electron/package.json'))), 'install.js');
  const result = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', timeout: DOWNLOAD_TIMEOUT_MS });
  if (result.status === 0) return null;
  if (result.error?.code === 'ETIMEDOUT') return 'download timed out';
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  return /getaddrinfo \S+ \S+|ENOTFOUND \S+|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|socket hang up|HTTPError[^\n]*/.exec(output)?.[0] ?? 'download failed';
}

function electronOrReason() {
  let found = findElectron();
  if (!found.path) {
    const failure = tryDownloadElectron();
    found = findElectron();
    if (!found.path) return reasons.notInstalled(failure ?? found.reason);
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return reasons.noDisplay();
  return { path: found.path };
}

function serveWeb(reason) {
  if (reason) {
    process.stdout.write(
      `Electron cannot start here: ${reason.en}; serving Newsdesk to your browser instead.\n` +
        `(Electron không chạy được ở đây: ${reason.vi}; Newsdesk chạy trong trình duyệt.)\n`,
    );
  }
  const child = spawn(process.execPath, [join(root, 'dist/electron/webhost.cjs'), ...passThrough], { stdio: ['inherit', 'pipe', 'inherit'] });
  // The web host's own lines pass through as they come; the first address among them is opened.
  const launch = browserLaunch({ args, env: process.env, platform: process.platform });
  let printed = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (!launch.open || printed === null) return;
    printed += chunk;
    const address = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(printed)?.[0];
    if (address) {
      printed = null;
      openBrowser(launch, address);
    }
  });
  forwardSignals(child);
  // 'close', not 'exit': the web host's last lines are still in the pipe when it exits.
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
}

function launchElectron(binary) {
  const electronArgs = [root, ...passThrough];
  // Chromium refuses to start as root unless its operating-system sandbox is turned off. That
  // weakens the renderer's isolation, so say so; run Newsdesk as an ordinary user to keep it.
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    process.stdout.write(
      'Đang chạy với quyền root: Electron mở không có hộp cát của hệ điều hành. Hãy chạy bằng tài khoản thường để giữ nó.\n' +
        'Running as root: Electron starts without its operating-system sandbox. Run as an ordinary user to keep it.\n',
    );
    electronArgs.push('--no-sandbox');
  }
  const started = Date.now();
  let output = '';
  const child = spawn(binary, electronArgs, { stdio: ['ignore', 'inherit', 'pipe'] });
  child.stderr.on('data', (chunk) => {
    output += chunk;
    process.stderr.write(chunk);
  });
  forwardSignals(child);
  child.on('exit', (code, signal) => {
    // The library is open elsewhere (Electron said so in a dialog): the web host would only say it again.
    if (code === LOCKED_EXIT_CODE) process.exit(code);
    if (code !== 0 && signal === null && Date.now() - started < EARLY_EXIT_MS) {
      const line = output.trim().split('\n').at(-1) ?? '';
      return serveWeb(reasons.crashed(`code ${code}${line ? `: ${line.slice(0, 160)}` : ''}`));
    }
    process.exit(code ?? 0);
  });
}

if (forceWeb) {
  serveWeb(null);
} else {
  const outcome = electronOrReason();
  if (outcome.path) launchElectron(outcome.path);
  else serveWeb(outcome);
}
