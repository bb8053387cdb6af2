import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_DIR_NAME = 'Newsdesk';

/** The platform's per-user application folder, as Electron's app.getPath('userData') gives it. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}

/**
 * The library folder: `--data-dir DIR`, else NEWSDESK_DATA_DIR, else `library` inside the
 * per-user application folder.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const fromArgs = argValue(argv, '--data-dir');
  if (fromArgs) return resolve(fromArgs);
  if (env.NEWSDESK_DATA_DIR) return resolve(env.NEWSDESK_DATA_DIR);
  return join(userDataDir(env), 'library');
}

/** `--name value` or `--name=value`. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}
