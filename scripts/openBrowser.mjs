// Whether `npm start` opens the web host's address in the default browser, and the opening itself,
// as Jupyter's server does: only where someone can see a browser (a display on Linux and the other
// Unix desktops, a Mac not reached over SSH, Windows), never when asked not to (`--no-browser`,
// NEWSDESK_NO_BROWSER=1, or Create React App's BROWSER=none), never in continuous integration
// (CI set, as Storybook and most dev servers read it) and never with --json (a program, not a person,
// reads that output). NEWSDESK_BROWSER names another program to open the address with (tests point
// it at a recorder, so they never open a real browser).
import { spawn } from 'node:child_process';

const isSet = (value) => value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';

/**
 * @param {{ args: string[], env: Record<string, string | undefined>, platform: string }} where
 * @returns {{ open: true, command: string, commandArgs: string[], verbatim?: boolean } | { open: false, reason: string }}
 */
export function browserLaunch({ args, env, platform }) {
  if (args.includes('--no-browser')) return { open: false, reason: '--no-browser' };
  if (isSet(env.NEWSDESK_NO_BROWSER)) return { open: false, reason: 'NEWSDESK_NO_BROWSER' };
  if (env.BROWSER?.toLowerCase() === 'none') return { open: false, reason: 'BROWSER=none' };
  if (isSet(env.CI)) return { open: false, reason: 'CI' };
  if (args.includes('--json')) return { open: false, reason: '--json' };
  if (platform === 'darwin') {
    if (env.SSH_CONNECTION || env.SSH_TTY) return { open: false, reason: 'no display (SSH session)' };
  } else if (platform !== 'win32') {
    if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { open: false, reason: 'no display (DISPLAY and WAYLAND_DISPLAY unset)' };
  }
  if (env.NEWSDESK_BROWSER) return { open: true, command: env.NEWSDESK_BROWSER, commandArgs: [] };
  if (platform === 'darwin') return { open: true, command: 'open', commandArgs: [] };
  // `start`'s first quoted argument is the window title; the empty one keeps the address an address.
  // Passed verbatim (as the `open` package does), so Node's quoting does not turn "" into \"\".
  if (platform === 'win32') return { open: true, command: 'cmd', commandArgs: ['/d', '/s', '/c', 'start', '""'], verbatim: true };
  return { open: true, command: 'xdg-open', commandArgs: [] };
}

/**
 * Opens `url` with the launch decided above, detached so the browser outlives nothing of ours; says so
 * in both languages, and says to open the address by hand when the opener cannot be run.
 */
export function openBrowser(launch, url, out = process.stdout) {
  const cannot = (detail) =>
    out.write(
      `Không mở được trình duyệt (${detail}); hãy mở địa chỉ trên.\n` + `Could not open a browser (${detail}); open the address above.\n`,
    );
  let child;
  try {
    const address = launch.verbatim ? `"${url}"` : url;
    child = spawn(launch.command, [...launch.commandArgs, address], {
      stdio: 'ignore',
      detached: true,
      windowsHide: true,
      windowsVerbatimArguments: Boolean(launch.verbatim),
    });
  } catch (error) {
    cannot(error.code ?? error.message);
    return;
  }
  child.on('error', (error) => cannot(`${launch.command}: ${error.code ?? error.message}`));
  child.on('spawn', () => out.write('Đang mở trình duyệt… / Opening your browser…\n'));
  child.unref();
}
