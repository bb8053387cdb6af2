/**
 * `.newsdesk` bundles the system asks Newsdesk to open: double-clicked in a file manager (the
 * installers register the extension, build/electron-builder.yml), dropped on the app's icon, or
 * given on the command line. They arrive three ways:
 *  - in this launch's command line (Windows, Linux: `newsdesk FILE`, or a `file://` URL from a
 *    desktop entry's %U);
 *  - in a second launch's command line, which Electron hands to the running one
 *    (`second-instance`) before that second process quits;
 *  - on macOS as `open-file` events, the first of them before the app is ready.
 *
 * The main process only keeps the paths. The window takes them when it can receive articles (a
 * profile chosen) and imports each through the ordinary `importBundle` method, as its own
 * "Receive articles…" does, so the profile's permissions and the summary are the same. A file is
 * read only when the window takes it; one that cannot be read or is too big is reported by name.
 *
 * Plain functions over the slices of Electron they need, so the tests run them in Node.
 */
import { readFile as fsReadFile, stat as fsStat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLES_WAITING_CHANNEL, TAKE_BUNDLES_CHANNEL } from '../../shared/api/methods';
import type { OpenedBundle } from '../../shared/api/bridge';
import { isTrustedSender, type IpcCallEvent } from '../transport/ipc';

export const BUNDLE_EXTENSION = '.newsdesk';
/** The importBundle method takes at most 512 MiB of base64, that is 384 MiB of file. */
export const MAX_OPENED_BUNDLE_BYTES = (512 * 1024 * 1024 * 3) / 4;
/** Options of ours that take a value (the value is never a bundle to open). */
const OPTIONS_WITH_VALUE = new Set(['--data-dir']);

/**
 * The bundles named in a command line, as absolute paths (relative ones against `cwd`, the
 * launching process's folder). Options (`-x`, `--x`, `--x=y`, and the value after `--data-dir`)
 * and anything not ending in `.newsdesk` are left out, so Electron's and Chromium's own switches,
 * the executable and the app folder never count.
 */
export function bundlePathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (OPTIONS_WITH_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    let path = arg;
    if (/^file:\/\//i.test(arg)) {
      try {
        path = fileURLToPath(arg);
      } catch {
        continue;
      }
    }
    if (!path.toLowerCase().endsWith(BUNDLE_EXTENSION) || basename(path).length <= BUNDLE_EXTENSION.length) continue;
    path = isAbsolute(path) ? path : resolve(cwd, path);
    if (!paths.includes(path)) paths.push(path);
  }
  return paths;
}

export interface BundleFiles {
  readFile(path: string): Promise<Uint8Array>;
  size(path: string): Promise<number>;
}

const nodeFiles: BundleFiles = {
  readFile: (path) => fsReadFile(path),
  size: async (path) => (await fsStat(path)).size,
};

/** The bundles waiting for the window, in the order they were asked for, each once. */
export class OpenedBundles {
  private waiting: string[] = [];

  constructor(
    private readonly files: BundleFiles = nodeFiles,
    private readonly maxBytes = MAX_OPENED_BUNDLE_BYTES,
  ) {}

  /** Keeps the paths (one already waiting is not added twice); true when any was new. */
  add(paths: readonly string[]): boolean {
    const fresh = paths.filter((path) => !this.waiting.includes(path));
    this.waiting.push(...fresh);
    return fresh.length > 0;
  }

  get size(): number {
    return this.waiting.length;
  }

  /** Hands over every waiting bundle, read now: its bytes (base64), or why it could not be read. */
  async take(): Promise<OpenedBundle[]> {
    const paths = this.waiting;
    this.waiting = [];
    const taken: OpenedBundle[] = [];
    for (const path of paths) {
      const name = basename(path);
      try {
        if ((await this.files.size(path)) > this.maxBytes) {
          taken.push({ name, error: 'too_large' });
          continue;
        }
        taken.push({ name, dataBase64: Buffer.from(await this.files.readFile(path)).toString('base64') });
      } catch (error) {
        taken.push({ name, error: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
    }
    return taken;
  }
}

/** The slices of Electron's app, ipcMain and windows that the wiring uses. */
export interface OpenFilesApp {
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
}
export interface OpenFilesIpc {
  handle(channel: string, listener: (event: IpcCallEvent) => Promise<unknown>): void;
}
export interface OpenFilesWindow {
  webContents: { send(channel: string): void };
}

/**
 * Wires it all; call from the main script's top level, before the app is ready (macOS sends the
 * double-clicked file's `open-file` that early). The window asks on TAKE_BUNDLES_CHANNEL; it is
 * told on BUNDLES_WAITING_CHANNEL when more arrive while it is open.
 */
export function wireOpenFiles(options: {
  app: OpenFilesApp;
  ipcMain: OpenFilesIpc;
  argv: readonly string[];
  cwd: string;
  windows: () => readonly OpenFilesWindow[];
  opened?: OpenedBundles;
}): OpenedBundles {
  const opened = options.opened ?? new OpenedBundles();
  const arrived = (paths: readonly string[]) => {
    if (!opened.add(paths)) return;
    for (const win of options.windows()) win.webContents.send(BUNDLES_WAITING_CHANNEL);
  };
  opened.add(bundlePathsFromArgv(options.argv, options.cwd));
  options.app.on('open-file', (event, path) => {
    event.preventDefault();
    arrived(bundlePathsFromArgv([path], options.cwd));
  });
  options.app.on('second-instance', (_event, argv, workingDirectory) => arrived(bundlePathsFromArgv(argv, workingDirectory)));
  options.ipcMain.handle(TAKE_BUNDLES_CHANNEL, async (event) => (isTrustedSender(event) ? opened.take() : []));
  return opened;
}
