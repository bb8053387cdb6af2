import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const APP_DIR_NAME = 'Newsdesk';

/** The platform's per-user application folder, as Electron's app.getPath('userData') gives it. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
}

/**
 * Where a moved library now is (Settings → Move the library): a small file in the per-user
 * application folder, `{ "dataDir": "/new/place", "previous": "/old/place" | null }`. `previous`
 * is the folder moved from, kept untouched until the user removes it.
 */
export const LOCATION_FILE_NAME = 'library-location.json';

export interface LibraryLocation {
  dataDir: string;
  previous: string | null;
}

export function locationFilePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return join(userDataDir(env, platform), LOCATION_FILE_NAME);
}

/** The location file's contents when it is there and sound (absolute paths), else null (then the default is used). */
export function readLibraryLocation(file: string): LibraryLocation | null {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { dataDir?: unknown; previous?: unknown };
    if (typeof raw.dataDir !== 'string' || !isAbsolute(raw.dataDir)) return null;
    const previous = typeof raw.previous === 'string' && isAbsolute(raw.previous) ? raw.previous : null;
    return { dataDir: raw.dataDir, previous };
  } catch {
    return null;
  }
}

/** Where the library folder came from: the command line and the environment win over a recorded move. */
export type DataDirSource = 'args' | 'env' | 'moved' | 'default';

/**
 * The library folder and where that choice came from: `--data-dir DIR`, else NEWSDESK_DATA_DIR,
 * else the folder the library was moved to (the location file), else `library` inside the
 * per-user application folder.
 */
export function resolveDataDirSource(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): { dataDir: string; source: DataDirSource } {
  const fromArgs = argValue(argv, '--data-dir');
  if (fromArgs) return { dataDir: resolve(fromArgs), source: 'args' };
  if (env.NEWSDESK_DATA_DIR) return { dataDir: resolve(env.NEWSDESK_DATA_DIR), source: 'env' };
  const moved = readLibraryLocation(locationFilePath(env));
  if (moved) return { dataDir: moved.dataDir, source: 'moved' };
  return { dataDir: join(userDataDir(env), 'library'), source: 'default' };
}

/** The library folder (see resolveDataDirSource). */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  return resolveDataDirSource(argv, env).dataDir;
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
