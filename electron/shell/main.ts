/**
 * The Electron main process: the composition root. Builds the library service, its IPC
 * transport, the app:// protocol, the window and the menu, in that order.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import i18next from 'i18next';
import { version } from '../../package.json';
import { CHOOSE_FOLDER_CHANNEL, COMMAND_CHANNEL, FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../../shared/api/methods';
import type { CommandId } from '../../shared/commands';
import { DEFAULT_LANGUAGE, resources } from '../../shared/i18n';
import type { InterfaceLanguage } from '../../shared/model/settings';
import { locationFilePath, resolveDataDirSource, type DataDirSource } from '../library/dataDir';
import { LibraryService } from '../library/LibraryService';
import { LibraryLockedElsewhereError, lockedElsewhereValues, TAKE_OVER_FLAG } from '../library/libraryLock';
import { isTrustedSender, registerIpc } from '../transport/ipc';
import { folderDialogOptions } from './folderDialog';
import { buildMenuTemplate } from './menu';
import { readStaticFile } from '../transport/staticFiles';
import { loadWindowState, restoreWindowState, saveWindowState } from './windowState';
import { createDispatcher } from '../transport/dispatch';
import { wireOpenFiles } from './openFiles';
import { safeStoragePasswords } from './safePasswords';
import { createCloseGuard, createQuitGuard } from './closeGuard';
import {
  allowsFrameNavigation,
  allowsNavigation,
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appProtocolResponse,
  focusExisting,
  languageForLocale,
  permissionAllowed,
  startupFailure,
  openMainWindow,
  windowOpenDecision,
} from './policy';

// Paths are relative to the bundle (dist/electron/main.cjs), not to this source file.
const RENDERER_DIR = join(__dirname, '..', 'renderer');
const FLUSH_TIMEOUT_MS = 3000;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

const i18n = i18next.createInstance();
let mainWindow: BrowserWindow | null = null;
let service: LibraryService | null = null;
let quitting = false;

/** Every page's navigation, new windows and permissions go through ./policy. */
function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowsNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowsNavigation(url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!allowsFrameNavigation(event.url, event.isMainFrame)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const { action, openExternally } = windowOpenDecision(url);
      if (openExternally) void shell.openExternal(openExternally); // eng-disable OPEN_EXTERNAL_JS_CHECK: only https and mailto URLs, parsed first (policy.ts externalUrl)
      return { action };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
}

function serveApp(): void {
  const rendererFiles = (path: string) => readStaticFile(RENDERER_DIR, path);
  const libraryImages = async (name: string) => (service ? service.images.read(name) : null);
  protocol.handle(APP_SCHEME, async (request) => {
    const { status, headers, body } = await appProtocolResponse(request.url, { readStatic: rendererFiles, readImage: libraryImages });
    return new Response(body, { status, headers });
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
  const win = openMainWindow(BrowserWindow, state, join(__dirname, 'preload.cjs'));
  mainWindow = win;
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  // Before closing: remember the bounds and let the renderer save what is being typed.
  const guard = createCloseGuard({
    requestFlush: () => win.webContents.send(FLUSH_REQUEST_CHANNEL),
    onFlushed: (done) => {
      const listener = (event: Electron.IpcMainEvent) => {
        if (event.sender === win.webContents) done();
      };
      ipcMain.on(FLUSH_DONE_CHANNEL, listener);
      return () => ipcMain.removeListener(FLUSH_DONE_CHANNEL, listener);
    },
    close: () => {
      if (!win.isDestroyed()) win.close();
    },
    // Cmd+Q / File → Quit: the close was only delayed for saving; now go on quitting.
    afterClose: () => {
      if (quitting) app.quit();
    },
    timeoutMs: FLUSH_TIMEOUT_MS,
  });
  win.on('close', (event) => {
    void saveWindowState(userData, { ...win.getNormalBounds(), maximized: win.isMaximized() }).catch(() => undefined);
    guard(event);
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  await win.loadURL(APP_ENTRY_URL);
}

/**
 * Opens the library. One that Newsdesk on another computer has open (a shared network folder) is
 * taken over only when the user says so, here or with --take-over-lock: two computers writing to
 * one library would lose articles. Null when the user chose not to.
 */
async function openLibrary(dataDir: string, dataDirSource: DataDirSource): Promise<LibraryService | null> {
  const options = {
    dataDir,
    dataDirSource,
    locationFile: locationFilePath(),
    appVersion: version,
    fontsDir: join(__dirname, '..', 'fonts'),
    // The team sync's password: encrypted by the system, in the user's profile (never in the library).
    passwords: safeStoragePasswords(safeStorage, join(app.getPath('userData'), 'sync-passwords.json')),
  };
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
  const { dataDir, source: dataDirSource } = resolveDataDirSource(process.argv, process.env);
  await i18n.init({ resources, lng: languageForLocale(app.getLocale()), fallbackLng: DEFAULT_LANGUAGE, interpolation: { escapeValue: false } });
  service = await openLibrary(dataDir, dataDirSource);
  if (!service) {
    // The user chose not to take the library over: nothing was opened, nothing to save.
    app.exit(0);
    return;
  }
  const dispatch = createDispatcher(service);
  const settings = await service.getSettings({});
  await i18n.changeLanguage(settings.interfaceLanguage ?? DEFAULT_LANGUAGE);
  registerIpc(ipcMain, async (method, input, context) => {
    // The context (who is acting: a profile id) goes along, as the web host's does.
    const result = await dispatch(method, input, context);
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
  app.on('second-instance', () => focusExisting(mainWindow));
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
  app.on('will-quit', createQuitGuard(() => service, () => app.quit()));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const { message, exitCode } = startupFailure(error);
      dialog.showErrorBox('Newsdesk', message);
      // A library that is locked is no reason for `npm start` to try the web host instead (scripts/start.mjs).
      app.exit(exitCode);
    });
}
