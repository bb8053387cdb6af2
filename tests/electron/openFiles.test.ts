import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { bundlePathsFromArgv, OpenedBundles, wireOpenFiles, type OpenFilesApp, type OpenFilesIpc } from '../../electron/shell/openFiles';
import type { IpcCallEvent } from '../../electron/transport/ipc';
import type { OpenedBundle } from '../../shared/api/bridge';
import { BUNDLES_WAITING_CHANNEL, TAKE_BUNDLES_CHANNEL } from '../../shared/api/methods';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/*
 * `.newsdesk` files the system asks Newsdesk to open (double-click after the installers registered
 * the extension, or a command line): which arguments count, how they wait for the window, and that
 * what the window takes, passed to importBundle as the window does, puts the articles in the library.
 */

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('newsdesk-open-');
});
afterAll(async () => {
  await removeDir(dir);
});

describe('bundlePathsFromArgv', () => {
  const cwd = resolve('/home/bao/Tải về');

  it('finds the bundles in a launch command line (Windows "%1", Linux %U), absolute', () => {
    expect(bundlePathsFromArgv(['/opt/Newsdesk/newsdesk', '/home/bao/bai.newsdesk'], cwd)).toEqual([resolve('/home/bao/bai.newsdesk')]);
    expect(bundlePathsFromArgv(['newsdesk', 'Gửi/Tin.NEWSDESK'], cwd)).toEqual([join(cwd, 'Gửi/Tin.NEWSDESK')]);
    const url = pathToFileURL(resolve('/home/bao/Bài mới.newsdesk')).href;
    expect(bundlePathsFromArgv(['newsdesk', url], cwd)).toEqual([resolve('/home/bao/Bài mới.newsdesk')]);
  });

  it("leaves out options, their values, the app's own folder and other files", () => {
    const argv = [
      '/usr/lib/electron/electron',
      '--no-sandbox',
      '.',
      '--data-dir',
      '/srv/thu-vien.newsdesk',
      '--data-dir=/srv/x.newsdesk',
      '--allow-file-access-from-files',
      'ghi-chu.txt',
      '.newsdesk',
      'bai.newsdesk.zip',
      'bai-1.newsdesk',
      'bai-1.newsdesk',
    ];
    expect(bundlePathsFromArgv(argv, cwd)).toEqual([join(cwd, 'bai-1.newsdesk')]);
  });
});

describe('OpenedBundles', () => {
  it('hands over each waiting file once, read, in order; too big and unreadable ones by name with the reason', async () => {
    const first = join(dir, 'mot.newsdesk');
    const second = join(dir, 'hai.newsdesk');
    const big = join(dir, 'lon.newsdesk');
    await writeFile(first, 'PK first');
    await writeFile(second, 'PK second');
    await writeFile(big, Buffer.alloc(2048));
    const opened = new OpenedBundles(undefined, 1024);
    expect(opened.add([first, second])).toBe(true);
    expect(opened.add([first])).toBe(false);
    opened.add([big, join(dir, 'khong-co.newsdesk')]);

    const taken = await opened.take();
    expect(taken).toEqual([
      { name: 'mot.newsdesk', dataBase64: Buffer.from('PK first').toString('base64') },
      { name: 'hai.newsdesk', dataBase64: Buffer.from('PK second').toString('base64') },
      { name: 'lon.newsdesk', error: 'too_large' },
      { name: 'khong-co.newsdesk', error: 'unreadable', detail: 'ENOENT' },
    ]);
    expect(await opened.take()).toEqual([]);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('reports a file it may not read', async () => {
    const locked = join(dir, 'khoa.newsdesk');
    await writeFile(locked, 'PK');
    await chmod(locked, 0o000);
    const opened = new OpenedBundles();
    opened.add([locked]);
    expect(await opened.take()).toEqual([{ name: 'khoa.newsdesk', error: 'unreadable', detail: 'EACCES' }]);
  });
});

/** Electron's app, ipcMain and windows as far as wireOpenFiles uses them. */
function fakeElectron() {
  const listeners: Record<string, (...args: never[]) => void> = {};
  const handlers = new Map<string, (event: IpcCallEvent) => Promise<unknown>>();
  const sent: string[] = [];
  const app = { on: (event: string, listener: (...args: never[]) => void) => void (listeners[event] = listener) } as unknown as OpenFilesApp;
  const ipcMain: OpenFilesIpc = { handle: (channel, listener) => void handlers.set(channel, listener) };
  let windows: Array<{ webContents: { send(channel: string): void } }> = [];
  return {
    app,
    ipcMain,
    sent,
    windows: () => windows,
    openWindow: () => void (windows = [{ webContents: { send: (channel: string) => void sent.push(channel) } }]),
    openFile: (path: string) => {
      let prevented = false;
      (listeners['open-file'] as unknown as (event: { preventDefault(): void }, path: string) => void)({ preventDefault: () => void (prevented = true) }, path);
      return prevented;
    },
    secondInstance: (argv: string[], cwd: string) => (listeners['second-instance'] as unknown as (e: unknown, argv: string[], cwd: string) => void)({}, argv, cwd),
    take: (event: IpcCallEvent) => handlers.get(TAKE_BUNDLES_CHANNEL)!(event) as Promise<OpenedBundle[]>,
  };
}

const TRUSTED: IpcCallEvent = { senderFrame: { url: 'app://newsdesk/index.html#/', parent: null } };

describe('wireOpenFiles', () => {
  it("keeps this launch's, macOS's and a second launch's bundles for the window, telling an open window", async () => {
    const files = await Promise.all(
      ['khoi-dong', 'mac', 'lan-hai'].map(async (name) => {
        const path = join(dir, `${name}.newsdesk`);
        await writeFile(path, `PK ${name}`);
        return path;
      }),
    );
    const electron = fakeElectron();
    wireOpenFiles({ app: electron.app, ipcMain: electron.ipcMain, argv: ['newsdesk', 'khoi-dong.newsdesk'], cwd: dir, windows: electron.windows });
    // Before the window exists (macOS: the double-clicked file arrives before "ready").
    expect(electron.openFile(files[1]!)).toBe(true);
    expect(electron.sent).toEqual([]);
    expect((await electron.take(TRUSTED)).map((b) => b.name)).toEqual(['khoi-dong.newsdesk', 'mac.newsdesk']);

    electron.openWindow();
    electron.secondInstance(['C:\\Newsdesk\\Newsdesk.exe', '--flag', 'lan-hai.newsdesk'], dir);
    expect(electron.sent).toEqual([BUNDLES_WAITING_CHANNEL]);
    electron.secondInstance(['newsdesk'], dir);
    expect(electron.sent).toHaveLength(1);
    expect(await electron.take(TRUSTED)).toEqual([{ name: 'lan-hai.newsdesk', dataBase64: Buffer.from('PK lan-hai').toString('base64') }]);
  });

  it('gives nothing to a page that is not our own, and keeps the files for ours', async () => {
    const path = join(dir, 'rieng.newsdesk');
    await writeFile(path, 'PK rieng');
    const electron = fakeElectron();
    wireOpenFiles({ app: electron.app, ipcMain: electron.ipcMain, argv: ['newsdesk', path], cwd: dir, windows: electron.windows });
    for (const event of [{ senderFrame: { url: 'https://example.com/', parent: null } }, { senderFrame: { url: 'app://newsdesk/preview.html', parent: {} } }, { senderFrame: null }]) {
      expect(await electron.take(event)).toEqual([]);
    }
    expect((await electron.take(TRUSTED)).map((b) => b.name)).toEqual(['rieng.newsdesk']);
  });

  it('a double-clicked bundle taken by the window and imported puts its articles in the library', async () => {
    const sender = await LibraryService.open({ dataDir: join(dir, 'gui') });
    const receiver = await LibraryService.open({ dataDir: join(dir, 'nhan') });
    try {
      const article = await sender.createArticle({ headline: 'Cầu Cần Thơ thông xe sau bảo trì', byline: 'Minh Anh' });
      const bundle = await sender.exportBundle({ ids: [article.id] });
      await mkdir(join(dir, 'Tải về'), { recursive: true });
      const path = join(dir, 'Tải về', bundle.fileName);
      await writeFile(path, Buffer.from(bundle.dataBase64, 'base64'));

      const electron = fakeElectron();
      wireOpenFiles({ app: electron.app, ipcMain: electron.ipcMain, argv: ['newsdesk', pathToFileURL(path).href], cwd: dir, windows: electron.windows });
      const [taken] = await electron.take(TRUSTED);
      expect(taken && 'dataBase64' in taken).toBe(true);
      const summary = await receiver.importBundle({ dataBase64: (taken as { dataBase64: string }).dataBase64 });
      expect(summary.added).toEqual([{ id: article.id, headline: 'Cầu Cần Thơ thông xe sau bảo trì' }]);
      expect((await receiver.getArticle({ id: article.id })).headline).toBe('Cầu Cần Thơ thông xe sau bảo trì');
    } finally {
      await sender.dispose();
      await receiver.dispose();
    }
  });
});
