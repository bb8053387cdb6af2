/**
 * A recording stand-in for the `electron` module, so the built main process
 * (dist/electron/main.cjs, which leaves `electron` external: scripts/build.mjs) can be booted in
 * Node and what it asks of Electron looked at: the window it opens, the handlers it registers, the
 * menu it sets. It records; it decides nothing (every decision under test is the main process's).
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

type WindowOpenHandler = (details: { url: string }) => { action: string };
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin?: string, details?: unknown) => boolean;
type ProtocolHandler = (request: Request) => Promise<Response> | Response;
type IpcHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

export interface ElectronRecord {
  schemes: unknown[];
  protocols: Map<string, ProtocolHandler>;
  ipcHandlers: Map<string, IpcHandler>;
  windows: FakeWindow[];
  loadedUrls: string[];
  menu: { template: unknown[] } | null;
  permissionRequestHandler: PermissionRequestHandler | null;
  permissionCheckHandler: PermissionCheckHandler | null;
  openedExternally: string[];
  quits: number;
  exitCode: number | null;
  errorBoxes: string[];
  singleInstanceAsked: number;
}

export class FakeWebContents extends EventEmitter {
  readonly sent: unknown[][] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  readonly calls: string[] = [];
  constructor(
    readonly options: Record<string, unknown>,
    private readonly record: ElectronRecord,
  ) {
    super();
    record.windows.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.record.loadedUrls.push(url);
  }
  getNormalBounds() {
    const { x = 0, y = 0, width, height } = this.options as { x?: number; y?: number; width: number; height: number };
    return { x, y, width, height };
  }
  isMaximized = () => this.maximized;
  isMinimized = () => this.minimized;
  isDestroyed = () => this.destroyed;
  maximize = () => void this.calls.push('maximize');
  show = () => void this.calls.push('show');
  restore = () => void this.calls.push('restore');
  focus = () => void this.calls.push('focus');
  /** Like Electron's: emits 'close' (which may be prevented), then 'closed'. */
  close(): void {
    this.calls.push('close');
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

export interface FakeElectronOptions {
  userData: string;
  locale?: string;
  /** What requestSingleInstanceLock answers (true: this is the first instance). */
  singleInstance?: boolean;
  displays?: { x: number; y: number; width: number; height: number }[];
}

export function createFakeElectron(options: FakeElectronOptions) {
  const record: ElectronRecord = {
    schemes: [],
    protocols: new Map(),
    ipcHandlers: new Map(),
    windows: [],
    loadedUrls: [],
    menu: null,
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    openedExternally: [],
    quits: 0,
    exitCode: null,
    errorBoxes: [],
    singleInstanceAsked: 0,
  };
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => {
      record.singleInstanceAsked += 1;
      return options.singleInstance ?? true;
    },
    whenReady: () => Promise.resolve(),
    getPath: (_name: string) => options.userData,
    getLocale: () => options.locale ?? 'vi-VN',
    quit: () => void (record.quits += 1),
    exit: (code = 0) => void (record.exitCode = code),
  });
  const ipcMain = Object.assign(new EventEmitter(), {
    handle(channel: string, handler: IpcHandler) {
      // Electron refuses a second handler for a channel.
      if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      record.ipcHandlers.set(channel, handler);
    },
    removeHandler(channel: string) {
      record.ipcHandlers.delete(channel);
    },
  });
  class BrowserWindow extends FakeWindow {
    constructor(windowOptions: Record<string, unknown>) {
      super(windowOptions, record);
    }
    static getAllWindows = () => record.windows.filter((w) => !w.destroyed);
  }
  const electron = {
    app,
    ipcMain,
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] } | null) => void (record.menu = menu),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void record.schemes.push(...schemes),
      handle: (scheme: string, handler: ProtocolHandler) => void record.protocols.set(scheme, handler),
    },
    // (A stand-in key store: "encrypts" by reversing the bytes behind a marker, enough to tell it was asked.)
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.concat([Buffer.from('fake-enc:'), Buffer.from(text, 'utf8').reverse()]),
      decryptString: (bytes: Buffer) => Buffer.from(bytes.subarray('fake-enc:'.length)).reverse().toString('utf8'),
    },
    screen: { getAllDisplays: () => (options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1080 }]).map((workArea) => ({ workArea, bounds: workArea })) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: PermissionRequestHandler) => void (record.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: PermissionCheckHandler) => void (record.permissionCheckHandler = handler),
      },
    },
    shell: {
      openExternal: async (url: string) => void record.openedExternally.push(url),
      openPath: async () => '',
    },
    dialog: {
      showErrorBox: (_title: string, message: string) => void record.errorBoxes.push(message),
      showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
  };
  return { electron, record, app, ipcMain };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/**
 * Loads a CommonJS bundle (fresh, not from the require cache) with `require('electron')` answered
 * by the stand-in; every other module is Node's own.
 */
export function loadWithFakeElectron(bundlePath: string, fake: FakeElectron): void {
  const require = createRequire(import.meta.url);
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = Module._load;
  Module._load = function (this: unknown, request: string, ...rest: unknown[]) {
    if (request === 'electron') return fake.electron;
    return originalLoad.call(this, request, ...rest);
  };
  try {
    delete require.cache[require.resolve(bundlePath)];
    require(bundlePath);
  } finally {
    Module._load = originalLoad;
  }
}
