/**
 * The Electron main process: the composition root. Builds the library service, its IPC
 * transport, the app:// protocol, the window and the menu, in that order.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import i18next from 'i18next';
import { version } from '../../package.json';
import { IMAGE_ROUTE, CHOOSE_FOLDER_CHANNEL, COMMAND_CHANNEL, FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../../shared/api/methods';
import type { CommandId } from '../../shared/commands';
import { DEFAULT_LANGUAGE, resources } from '../../shared/i18n';
import type { InterfaceLanguage } from '../../shared/model/settings';
import { resolveDataDir } from '../library/dataDir';
import { LibraryService } from '../library/LibraryService';
import { LibraryLockedElsewhereError, LibraryLockedError, LOCKED_EXIT_CODE, lockedElsewhereValues, TAKE_OVER_FLAG } from '../library/libraryLock';
import { SECURITY_HEADERS } from '../transport/csp';
import { APP_ORIGIN, isTrustedSender, registerIpc } from '../transport/ipc';
import { folderDialogOptions } from './folderDialog';
import { buildMenuTemplate } from './menu';
import { readStaticFile } from '../transport/staticFiles';
import { loadWindowState, restoreWindowState, saveWindowState } from './windowState';
import { createDispatcher } from '../transport/dispatch';
import { wireOpenFiles } from './openFiles';

// Paths are relative to the bundle (dist/electron/main.cjs), not to this source file.
const RENDERER_DIR = join(__dirname, '..', 'renderer');
const FLUSH_TIMEOUT_MS = 3000;

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const i18n = i18next.createInstance();
let mainWindow: BrowserWindow | null = null;
let service: LibraryService | null = null;
let quitting = false;
let disposed = false;

/** External links open in the system browser only for https and mailto, after parsing. */
function openExternalSafely(raw: string): void {
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'mailto:') void shell.openExternal(url.toString());
  } catch {
    // not a URL: ignore
  }
}

function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      // Frames inside the page (the preview) may show documents we render, never other sites.
      if (!event.isMainFrame && !/^(about:|blob:|data:|app:\/\/newsdesk\/)/.test(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function serveApp(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const isImage = url.pathname.startsWith(IMAGE_ROUTE);
    const file =
      url.host !== 'newsdesk'
        ? null
        : isImage
          ? service && (await service.images.read(url.pathname.slice(IMAGE_ROUTE.length)))
          : await readStaticFile(RENDERER_DIR, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), {
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    });
  });
}

function runCommand(id: CommandId): void {
  mainWindow?.webContents.send(COMMAND_CHANNEL, id);
}

function setMenu(language: InterfaceLanguage): void {
  void i18n.changeLanguage(language);
  const template = buildMenuTemplate({
    t: (key, options) => i18n.t(key, options),
    runCommand,
    isMac: process.platform === 'darwin',
    openDataDir: () => void (service && shell.openPath(service.dataDir)),
    showAbout: () =>
      void dialog.showMessageBox({
        type: 'info',
        title: i18n.t('menu.about'),
        message: `Newsdesk ${version}`,
        detail: i18n.t('menu.aboutDetail', { version, dataDir: service?.dataDir ?? '' }),
      }),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function createWindow(): Promise<void> {
  const userData = app.getPath('userData');
  const state = restoreWindowState(
    await loadWindowState(userData),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Newsdesk',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // Chromium's spellchecker downloads its dictionaries; Newsdesk stays offline.
      spellcheck: false,
    },
  });
  mainWindow = win;
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  // Before closing: remember the bounds and let the renderer save what is being typed.
  let flushed = false;
  win.on('close', (event) => {
    const bounds = win.getNormalBounds();
    void saveWindowState(userData, { ...bounds, maximized: win.isMaximized() }).catch(() => undefined);
    if (flushed) return;
    event.preventDefault();
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      flushed = true;
      ipcMain.removeListener(FLUSH_DONE_CHANNEL, onDone);
      if (!win.isDestroyed()) win.close();
      // Cmd+Q / File → Quit: the close was only delayed for saving; now go on quitting.
      if (quitting) app.quit();
    };
    const onDone = (doneEvent: Electron.IpcMainEvent) => {
      if (doneEvent.sender === win.webContents) finish();
    };
    ipcMain.on(FLUSH_DONE_CHANNEL, onDone);
    setTimeout(finish, FLUSH_TIMEOUT_MS);
    win.webContents.send(FLUSH_REQUEST_CHANNEL);
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

/** The interface language before the library's settings are read: the system's, if Newsdesk has it. */
function systemLanguage(): InterfaceLanguage {
  const locale = app.getLocale().toLowerCase();
  return locale.startsWith('en') ? 'en' : DEFAULT_LANGUAGE;
}

/**
 * Opens the library. One that Newsdesk on another computer has open (a shared network folder) is
 * taken over only when the user says so, here or with --take-over-lock: two computers writing to
 * one library would lose articles. Null when the user chose not to.
 */
async function openLibrary(dataDir: string): Promise<LibraryService | null> {
  const options = { dataDir, appVersion: version, fontsDir: join(__dirname, '..', 'fonts') };
  try {
    return await LibraryService.open({ ...options, takeOverLock: process.argv.includes(TAKE_OVER_FLAG) });
  } catch (error) {
    if (!(error instanceof LibraryLockedElsewhereError)) throw error;
    const values = lockedElsewhereValues(error, i18n.language === 'en' ? 'en' : 'vi');
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: i18n.t('lock.elsewhereTitle'),
      message: i18n.t('lock.elsewhere', values),
      detail: i18n.t('lock.elsewhereDetail', values),
      buttons: [i18n.t('lock.quit'), i18n.t('lock.takeOver')],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (response !== 1) return null;
    return LibraryService.open({ ...options, takeOverLock: true });
  }
}

async function start(): Promise<void> {
  hardenContents();
  serveApp();
  const dataDir = resolveDataDir(process.argv, process.env);
  await i18n.init({ resources, lng: systemLanguage(), fallbackLng: DEFAULT_LANGUAGE, interpolation: { escapeValue: false } });
  service = await openLibrary(dataDir);
  if (!service) {
    // The user chose not to take the library over: nothing was opened, nothing to save.
    app.exit(0);
    return;
  }
  const dispatch = createDispatcher(service);
  const settings = await service.getSettings({});
  await i18n.changeLanguage(settings.interfaceLanguage ?? DEFAULT_LANGUAGE);
  registerIpc(ipcMain, async (method, input) => {
    const result = await dispatch(method, input);
    if (method === 'saveSettings' && result.ok) setMenu((result.value as { interfaceLanguage: InterfaceLanguage }).interfaceLanguage);
    return result;
  });
  // The system's folder dialog, for choosing where to export (only for our own page).
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event, options: unknown) => {
    if (!isTrustedSender(event) || !mainWindow) return null;
    const { title, defaultPath } = folderDialogOptions(options);
    const result = await dialog.showOpenDialog(mainWindow, { title, defaultPath, properties: ['openDirectory', 'createDirectory', 'promptToCreate'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  setMenu(settings.interfaceLanguage);
  await createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // .newsdesk files double-clicked or given on the command line: the window receives them (openFiles.ts).
  wireOpenFiles({ app, ipcMain, argv: process.argv, cwd: process.cwd(), windows: () => BrowserWindow.getAllWindows() });
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && service) void createWindow();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  // Let the library finish its writes and release its lock before the process ends.
  app.on('will-quit', (event) => {
    if (disposed || !service) return;
    event.preventDefault();
    void service.dispose().finally(() => {
      disposed = true;
      app.quit();
    });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message =
        error instanceof LibraryLockedError
          ? `Thư viện đang được một Newsdesk khác mở${error.pid ? ` (tiến trình ${error.pid})` : ''}.\n${error.message}`
          : error instanceof Error
            ? error.message
            : String(error);
      dialog.showErrorBox('Newsdesk', message);
      // A library that is locked is no reason for `npm start` to try the web host instead (scripts/start.mjs).
      app.exit(error instanceof LibraryLockedError ? LOCKED_EXIT_CODE : 1);
    });
}
