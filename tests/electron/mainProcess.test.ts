/**
 * The built main process (dist/electron/main.cjs, from `npm run build`) booted in Node against a
 * recording stand-in for `electron` (tests/helpers/fakeElectron.ts): what it opens, serves,
 * registers and refuses, end to end, on a real library in a temporary folder. The decisions
 * themselves are tested one by one in shellPolicy.test.ts; this checks main.ts wires each of them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHOOSE_FOLDER_CHANNEL, COMMAND_CHANNEL, FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL, ipcChannel, methodNames, TAKE_BUNDLES_CHANNEL } from '../../shared/api/methods';
import type { Result } from '../../shared/api/contract';
import { LOCKED_EXIT_CODE } from '../../electron/library/libraryLock';
import { createFakeElectron, loadWithFakeElectron, type FakeElectron, type FakeWebContents } from '../helpers/fakeElectron';
import { makeTempDir, removeDir } from '../helpers/tempDir';

const root = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(root, 'dist/electron/main.cjs');

/** The newest change under the folders the main process is built from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const APP = 'app://newsdesk';
const trusted = { senderFrame: { url: `${APP}/index.html#/`, parent: null } };
const foreign = { senderFrame: { url: 'https://example.com/', parent: null } };
const subframe = { senderFrame: { url: `${APP}/preview.html`, parent: {} } };

async function until<T>(read: () => T | undefined | null | false, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let dir: string;
let fake: FakeElectron;
const savedDataDir = process.env.NEWSDESK_DATA_DIR;

/** Boots main.cjs against a fresh stand-in; resolves once it loaded its page or gave up. */
async function boot(options: { singleInstance?: boolean; userData: string }): Promise<FakeElectron> {
  const instance = createFakeElectron({ ...options, locale: 'vi-VN' });
  loadWithFakeElectron(MAIN, instance);
  return instance;
}

function contents(instance: FakeElectron): FakeWebContents {
  const created = instance.record.windows[0]!.webContents;
  return created;
}

function emitPrevented(target: NodeJS.EventEmitter, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  target.emit(name, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error('dist/electron/main.cjs is missing: run `npm run build` first.');
  const built = statSync(MAIN).mtimeMs;
  const sources = Math.max(newestSource(join(root, 'electron')), newestSource(join(root, 'shared')));
  if (built < sources) throw new Error('dist/electron/main.cjs is older than electron/ or shared/: run `npm run build` first.');
  dir = await makeTempDir('newsdesk-main-');
  process.env.NEWSDESK_DATA_DIR = join(dir, 'library');
  // Bounds left on a display that is gone: the window keeps its size, not its place.
  await writeFile(join(dir, 'window-state.json'), JSON.stringify({ x: 5000, y: 40, width: 1100, height: 700, maximized: false }));
  fake = await boot({ userData: dir });
  await until(() => fake.record.loadedUrls.length > 0 || fake.record.exitCode !== null, 'the window to load its page');
  expect(fake.record.errorBoxes).toEqual([]);
});

afterAll(async () => {
  // Quitting waits for the library to be closed (its lock released) before quitting again.
  if (fake) {
    const quitsBefore = fake.record.quits;
    expect(emitPrevented(fake.app, 'will-quit')).toBe(true);
    await until(() => fake.record.quits > quitsBefore, 'the quit after the library closed');
    expect(emitPrevented(fake.app, 'will-quit')).toBe(false);
  }
  if (savedDataDir === undefined) delete process.env.NEWSDESK_DATA_DIR;
  else process.env.NEWSDESK_DATA_DIR = savedDataDir;
  if (dir) await removeDir(dir);
});

describe('the built main process', () => {
  it('opens one window, isolated and sandboxed, with our preload, at the app:// address', () => {
    expect(fake.record.singleInstanceAsked).toBe(1);
    expect(fake.record.windows).toHaveLength(1);
    const { options } = fake.record.windows[0]!;
    const prefs = options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(prefs.preload).toBe(join(root, 'dist/electron/preload.cjs'));
    expect(existsSync(prefs.preload as string)).toBe(true);
    // The remembered place was off every display: dropped; the size kept.
    expect(options).toMatchObject({ width: 1100, height: 700 });
    expect(options).not.toHaveProperty('x');
    expect(fake.record.loadedUrls).toEqual([`${APP}/index.html`]);
    expect(fake.record.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the app with a strict policy, the preview document with its own, and nothing outside the renderer', async () => {
    const handler = fake.record.protocols.get('app')!;
    const index = await handler(new Request(`${APP}/index.html`));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toBe(await readFile(join(root, 'dist/renderer/index.html'), 'utf8'));
    const appPolicy = index.headers.get('content-security-policy')!;
    expect(appPolicy).toContain("style-src 'self';");
    expect(appPolicy).toContain("script-src 'self';");
    expect(appPolicy).not.toContain('unsafe-inline');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');

    const preview = await handler(new Request(`${APP}/preview.html`));
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('data-preview-shell');
    const previewPolicy = preview.headers.get('content-security-policy')!;
    expect(previewPolicy).toContain("style-src 'unsafe-inline'");
    expect(previewPolicy).toContain("script-src 'none'");
    expect(previewPolicy).toContain('sandbox allow-same-origin');

    for (const escape of [`${APP}/..%2f..%2fpackage.json`, `${APP}/%2e%2e/%2e%2e/package.json`, `${APP}/..%5c..%5cpackage.json`, `${APP}/assets/%00.js`, 'app://elsewhere/index.html', `${APP}/library/images/..%2f..%2flibrary.json`]) {
      const refused = await handler(new Request(escape));
      expect(refused.status, escape).toBe(404);
      expect(refused.headers.get('content-security-policy'), escape).toBe(appPolicy);
      expect(await refused.text(), escape).toBe('Not found');
    }
  });

  it('registers one IPC handler per API method (and the folder dialog, the opened files), answering only its own top frame', async () => {
    const channels = [...fake.record.ipcHandlers.keys()].sort();
    expect(channels).toEqual([...methodNames.map(ipcChannel), CHOOSE_FOLDER_CHANNEL, TAKE_BUNDLES_CHANNEL].sort());
    const getSettings = fake.record.ipcHandlers.get(ipcChannel('getSettings'))!;
    const answer = (await getSettings(trusted, {})) as Result<{ interfaceLanguage: string }>;
    expect(answer).toMatchObject({ ok: true, value: { interfaceLanguage: 'vi' } });
    for (const event of [foreign, subframe, { senderFrame: null }, { senderFrame: { url: 'app://newsdesk.evil/', parent: null } }]) {
      expect(await getSettings(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // A foreign frame cannot create anything either; the library is unchanged.
    const create = fake.record.ipcHandlers.get(ipcChannel('createArticle'))!;
    expect(await create(foreign, { headline: 'Từ trang lạ' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const list = fake.record.ipcHandlers.get(ipcChannel('listArticles'))!;
    expect(await list(trusted, {})).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await fake.record.ipcHandlers.get(CHOOSE_FOLDER_CHANNEL)!(foreign, { title: 'x' })).toBeNull();
    expect(await fake.record.ipcHandlers.get(TAKE_BUNDLES_CHANNEL)!(foreign)).toEqual([]);
  });

  it('passes who is acting (the profile) with each call, as the web host does', async () => {
    const profile = { id: 'minh-anh', name: 'Minh Anh', initials: 'MA', role: 'reporter' };
    const saved = (await fake.record.ipcHandlers.get(ipcChannel('saveSettings'))!(trusted, { changes: { profiles: [profile] } })) as Result<unknown>;
    expect(saved).toMatchObject({ ok: true });
    const created = (await fake.record.ipcHandlers.get(ipcChannel('createArticle'))!(trusted, { headline: 'Tin qua IPC' }, { profileId: 'minh-anh' })) as Result<{ history: unknown[] }>;
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.history[0]).toMatchObject({ by: 'Minh Anh', profileId: 'minh-anh' });
  });

  it('refuses navigation away from the app, webviews and new windows; opens only https and mailto outside', () => {
    const page = contents(fake);
    fake.app.emit('web-contents-created', {}, page);
    expect(emitPrevented(page, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(emitPrevented(page, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(emitPrevented(page, 'will-navigate', `${APP}/index.html#/settings`)).toBe(false);
    expect(emitPrevented(page, 'will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(emitPrevented(page, 'will-attach-webview', {}, {})).toBe(true);
    const frameNavigation = (url: string, isMainFrame: boolean) => {
      let prevented = false;
      page.emit('will-frame-navigate', { url, isMainFrame, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(frameNavigation('https://example.com/', false)).toBe(true);
    expect(frameNavigation('data:text/html,<p>x</p>', false)).toBe(true);
    expect(frameNavigation(`${APP}/preview.html`, false)).toBe(false);
    expect(frameNavigation('https://example.com/', true)).toBe(true);

    const open = page.windowOpenHandler!;
    expect(open({ url: 'https://baocantho.example/bai.html' })).toEqual({ action: 'deny' });
    expect(open({ url: 'mailto:toasoan@baocantho.example' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(fake.record.openedExternally).toEqual(['https://baocantho.example/bai.html', 'mailto:toasoan@baocantho.example']);
  });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      fake.record.permissionRequestHandler!({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(fake.record.permissionCheckHandler!({}, permission, APP), permission).toBe(false);
    }
  });

  it('sets the menu from the shared commands, in the library’s language, each item sending its command to the page', () => {
    const template = fake.record.menu!.template as { label: string; submenu: { id?: string; label?: string; click?: () => void }[] }[];
    expect(template.map((menu) => menu.label)).toEqual(['Tệp', 'Sửa', 'Định dạng', 'Xem', 'Trợ giúp']);
    const save = template[0]!.submenu.find((item) => item.id === 'article.save')!;
    expect(save.label).toBe('Lưu phiên bản');
    save.click!();
    expect(contents(fake).sent.at(-1)).toEqual([COMMAND_CHANNEL, 'article.save']);
  });

  it('brings the open window forward when Newsdesk is started again', () => {
    const window = fake.record.windows[0]!;
    window.minimized = true;
    fake.app.emit('second-instance', {}, [], '');
    expect(window.calls.slice(-2)).toEqual(['restore', 'focus']);
  });

  it('a second launch that does not get the single-instance lock quits at once', async () => {
    const second = await boot({ singleInstance: false, userData: dir });
    expect(second.record.quits).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(second.record.windows).toHaveLength(0);
    expect(second.record.protocols.size).toBe(0);
  });

  it('a launch on a library another Newsdesk holds says so and exits with the locked code', async () => {
    const other = await boot({ userData: await makeTempDir('newsdesk-main-other-') });
    await until(() => other.record.exitCode !== null, 'the locked launch to exit');
    expect(other.record.exitCode).toBe(LOCKED_EXIT_CODE);
    expect(other.record.errorBoxes[0]).toMatch(/Thư viện đang được một Newsdesk khác mở/);
    expect(other.record.windows).toHaveLength(0);
  });

  it('on close, remembers the bounds and lets the page save first, then closes', async () => {
    const window = fake.record.windows[0]!;
    const page = window.webContents;
    const sentBefore = page.sent.length;
    window.close();
    expect(window.destroyed).toBe(false);
    expect(page.sent.slice(sentBefore)).toEqual([[FLUSH_REQUEST_CHANNEL]]);
    // Another page's answer does not count; the window's own does.
    fake.ipcMain.emit(FLUSH_DONE_CHANNEL, { sender: {} });
    expect(window.destroyed).toBe(false);
    fake.ipcMain.emit(FLUSH_DONE_CHANNEL, { sender: page });
    expect(window.destroyed).toBe(true);
    expect(fake.ipcMain.listenerCount(FLUSH_DONE_CHANNEL)).toBe(0);
    // The bounds it had (the stand-in's window sits at 0,0), not the ones it was opened with (x 5000).
    const saved = async () => JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8')) as Record<string, unknown>;
    await expect.poll(saved).toEqual({ x: 0, y: 0, width: 1100, height: 700, maximized: false });
  });
});
