/**
 * What the Electron shell decides, as plain functions: the window's options, which navigations and
 * new windows are allowed, the answer to permission requests, what app:// serves and with which
 * headers, the interface language before the library is read, what to say when starting fails.
 * `main.ts` only hands these to Electron; tests/electron/shellPolicy.test.ts checks them in Node and
 * tests/electron/mainProcess.test.ts checks the built main process wires them.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { IMAGE_ROUTE } from '../../shared/api/methods';
import { DEFAULT_LANGUAGE } from '../../shared/i18n';
import type { InterfaceLanguage } from '../../shared/model/settings';
import { LibraryLockedError, LOCKED_EXIT_CODE } from '../library/libraryLock';
import { SECURITY_HEADERS, securityHeadersFor } from '../transport/csp';
import { APP_ORIGIN } from '../transport/ipc';
import type { StaticFile } from '../transport/staticFiles';
import type { WindowState } from './windowState';

export const APP_SCHEME = 'app';
export const APP_HOST = 'newsdesk';
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** app:// is a standard, secure scheme (origin, relative URLs, fetch); nothing more is granted. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/**
 * Opens the main window: isolated, sandboxed, no Node in the page, web security on, our preload
 * only. Takes the BrowserWindow class (Electron's, or a stand-in in the tests) so the options stay
 * a literal at `new BrowserWindow(…)`, where electronegativity reads them.
 */
export function openMainWindow<W>(BrowserWindow: new (options: BrowserWindowConstructorOptions) => W, state: WindowState, preloadPath: string): W {
  return new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Newsdesk',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK: our own bundle (shell/preload.ts): contextBridge only, one function per API method, never ipcRenderer itself
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link opens no window (besides the window-open handler saying no).
      disableBlinkFeatures: 'Auxclick',
      // Chromium's spellchecker downloads its dictionaries; Newsdesk stays offline.
      spellcheck: false,
    },
  });
}

/** A URL of the app itself: app://newsdesk/…, nothing else (no user info, no other host). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** The window may move between the app's own pages only (will-navigate, will-redirect). */
export function allowsNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * A frame inside the page (the preview) may show the app's own documents (the preview's, at
 * PREVIEW_ROUTE) and the empty document a frame starts with; never another site. The main frame
 * goes by allowsNavigation.
 */
export function allowsFrameNavigation(url: string, isMainFrame: boolean): boolean {
  if (isMainFrame) return allowsNavigation(url);
  return url === 'about:blank' || isAppUrl(url);
}

/** An external link the system browser may open: https and mailto only, after parsing; else null. */
export function externalUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'mailto:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * What to do when the page asks for a new window: never open one; a https or mailto link goes to the
 * system's browser or mail program instead.
 */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: externalUrl(url) };
}

/** Camera, microphone, notifications, location…: Newsdesk needs none, so every request is refused. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

/** What app:// answers: a status, headers (every answer carries the policy) and a body. */
export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string;
}

export interface AppSources {
  /** A file of the built renderer, by URL path (path traversal refused: transport/staticFiles.ts). */
  readStatic(urlPath: string): Promise<StaticFile | null>;
  /** A library image's derivative, by name; null while no library is open. */
  readImage(name: string): Promise<StaticFile | null>;
}

/**
 * app://newsdesk/… serves the built renderer (the preview's document with its own policy) and the
 * library's images; another host, a path leaving the renderer's folder or a missing file is 404.
 */
export async function appProtocolResponse(raw: string, sources: AppSources): Promise<AppResponse> {
  const notFound: AppResponse = { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not found' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return notFound;
  }
  if (!isAppUrl(raw)) return notFound;
  const isImage = url.pathname.startsWith(IMAGE_ROUTE);
  const file = isImage ? await sources.readImage(url.pathname.slice(IMAGE_ROUTE.length)) : await sources.readStatic(url.pathname);
  if (!file) return notFound;
  const headers = isImage ? SECURITY_HEADERS : securityHeadersFor(url.pathname);
  return { status: 200, headers: { ...headers, 'Content-Type': file.contentType }, body: new Uint8Array(file.body) };
}

/** The interface language before the library's settings are read: the system's, if Newsdesk has it. */
export function languageForLocale(locale: string): InterfaceLanguage {
  return locale.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LANGUAGE;
}

/**
 * What to tell the user when starting fails, and the exit code. A library that is locked by another
 * Newsdesk exits with LOCKED_EXIT_CODE, so `npm start` does not try the web host instead.
 */
export function startupFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof LibraryLockedError) {
    return { message: `Thư viện đang được một Newsdesk khác mở${error.pid ? ` (tiến trình ${error.pid})` : ''}.\n${error.message}`, exitCode: LOCKED_EXIT_CODE };
  }
  return { message: error instanceof Error ? error.message : String(error), exitCode: 1 };
}

/** The slice of a BrowserWindow a second launch needs. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

/** A second launch brings the window that is open to the front instead of opening another. */
export function focusExisting(window: FocusableWindow | null): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
