import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type NewsdeskApi, type Result } from '../../shared/api/contract';
import { methodNames } from '../../shared/api/methods';
import { LibraryService } from '../../electron/library/LibraryService';
import type { WebHost } from '../../electron/transport/webHost';
import { makeTempDir, removeDir, snapshotDir } from '../helpers/tempDir';
import { electronTransport, post, webTransport } from '../helpers/transports';

const TEN_MB = 'ạ'.repeat(10 * 1024 * 1024 / 3);

let dir: string;
let service: LibraryService;
let host: WebHost;
const transports: Record<string, NewsdeskApi> = {};

beforeAll(async () => {
  dir = await makeTempDir();
  service = await LibraryService.open({ dataDir: join(dir, 'library') });
  transports.ipc = electronTransport(service).api;
  const web = await webTransport(service, join(dir, 'static'));
  host = web.host;
  transports.web = web.api;
});
afterAll(async () => {
  await host.close();
  await service.dispose();
  await removeDir(dir);
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe.each(['ipc', 'web'])('every method through the %s transport', (name) => {
  it('reaches the service, and every answer matches its output schema', async () => {
    const api = transports[name]!;
    const reached = new Set<string>();
    const check = <M extends keyof typeof contract>(method: M, result: Result<unknown>) => {
      const parsed = contract[method].output.safeParse(value(result));
      expect(parsed.success, `${method}: ${parsed.error?.message}`).toBe(true);
      reached.add(method);
      return parsed.data as never;
    };
    check('getAppInfo', await api.getAppInfo({}));
    const created = check('createArticle', await api.createArticle({ headline: `Tin qua ${name}`, byline: 'Minh Anh' })) as { id: string; revision: number };
    check('getArticle', await api.getArticle({ id: created.id }));
    check('saveArticle', await api.saveArticle({ id: created.id, baseRevision: created.revision, changes: { sapo: 'Sapo' } }));
    const listed = check('listArticles', await api.listArticles({ query: `tin qua ${name}`, sort: 'relevance' })) as { items: Array<{ id: string }>; snippets: Record<string, unknown[]> };
    expect(listed.items.map((item) => item.id)).toEqual([created.id]);
    expect(listed.snippets[created.id]).not.toHaveLength(0);
    const ids = check('listArticleIds', await api.listArticleIds({ query: `tin qua ${name}`, statuses: ['draft'] })) as { ids: string[] };
    expect(ids.ids).toEqual([created.id]);
    const bulk = check('updateArticles', await api.updateArticles({ ids: [created.id], addTags: ['Cần Thơ'] })) as { changed: number };
    expect(bulk.changed).toBe(1);
    check('getSearchStatus', await api.getSearchStatus({}));
    check('listTags', await api.listTags({}));
    check('trashArticle', await api.trashArticle({ id: created.id }));
    check('restoreArticle', await api.restoreArticle({ id: created.id }));
    check('getSettings', await api.getSettings({}));
    check('saveSettings', await api.saveSettings({ changes: { tagline: `qua ${name}` } }));
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    const image = check('importAsset', await api.importAsset({ fileName: 'a.gif', dataBase64: gif.toString('base64') })) as { assetId: string; width: number };
    expect(image.width).toBe(1);
    const infos = check('getImageInfo', await api.getImageInfo({ assetIds: [image.assetId] })) as { images: Record<string, unknown> };
    // A GIF with a transparent pixel: its fallback is PNG.
    expect(infos.images[image.assetId]).toEqual({ width: 1, height: 1, fallback: 'png' });
    check('getImageProgress', await api.getImageProgress({}));
    let moved = value(await api.getArticle({ id: created.id })) as { revision: number; status: string };
    for (const status of ['submitted', 'approved', 'published'] as const) moved = check('setStatus', await api.setStatus({ id: created.id, baseRevision: moved.revision, status }));
    const published = moved;
    expect(published.status).toBe('published');
    const history = check('listRevisions', await api.listRevisions({ id: created.id })) as { current: number; entries: Array<{ kind: string }> };
    expect(history.entries.map((entry) => entry.kind)).toEqual(['status', 'status', 'status', 'created']);
    check('getRevision', await api.getRevision({ id: created.id, revision: 1 }));
    const checked = check('getChecklist', await api.getChecklist({ id: created.id, changes: { byline: '' } })) as { errors: number };
    expect(checked.errors).toBeGreaterThan(0);
    check('recordExport', await api.recordExport({ id: created.id, revision: history.current }));
    const restored = check('restoreRevision', await api.restoreRevision({ id: created.id, baseRevision: history.current, revision: 1 })) as { sapo: string; status: string };
    expect(restored).toMatchObject({ sapo: '', status: 'published' });
    check('getPageNeighbours', await api.getPageNeighbours({ id: created.id, tags: ['Cần Thơ'] }));
    const exported = check('exportSite', await api.exportSite({ outDir: join(dir, `site-${name}`) })) as { pages: number };
    expect(exported.pages).toBeGreaterThan(1);
    check('getExportProgress', await api.getExportProgress({}));
    check('exportArticleFolder', await api.exportArticleFolder({ id: created.id, outDir: join(dir, `article-${name}`) }));
    check('createFolder', await api.createFolder({ parent: dir, name: `thu-muc-${name}` }));
    check('listFolders', await api.listFolders({ path: dir }));
    const bundle = check('exportBundle', await api.exportBundle({ ids: [created.id] })) as { dataBase64: string; articles: number };
    expect(bundle.articles).toBe(1);
    // Received where it came from: nothing new.
    const summary = check('importBundle', await api.importBundle({ dataBase64: bundle.dataBase64 })) as { unchanged: unknown[] };
    expect(summary.unchanged).toHaveLength(1);
    const unused = check('listUnusedImages', await api.listUnusedImages({})) as { images: Array<{ assetId: string }> };
    check('removeUnusedImages', await api.removeUnusedImages({ assetIds: unused.images.map((i) => i.assetId) }));
    const location = check('getLibraryLocation', await api.getLibraryLocation({})) as { dataDir: string; movedTo: string | null };
    expect(location).toMatchObject({ dataDir: join(dir, 'library'), movedTo: null });
    check('getMoveProgress', await api.getMoveProgress({}));
    // Moving (tests/electron/moveLibrary.test.ts) would leave this library refusing writes: here,
    // a refused move and nothing to remove, each answered as data, with the reason first.
    const refused = { moveLibrary: await api.moveLibrary({ target: dir }), removeOldLibrary: await api.removeOldLibrary({}) };
    for (const [method, result] of Object.entries(refused)) {
      expect(result, method).toMatchObject({ ok: false, error: { code: 'move_refused' } });
      reached.add(method);
    }
    expect(!refused.moveLibrary.ok && refused.moveLibrary.error.message).toMatch(/^inside_library: /);
    // Team sync, with no server set (tests/sync/ sync with a real one).
    expect(check('getSyncStatus', await api.getSyncStatus({}))).toMatchObject({ state: 'off', pending: 0, conflicts: [] });
    expect(check('testSyncConnection', await api.testSyncConnection({ server: 'ftp://may-chu', database: 'newsdesk', user: 'Minh Anh', password: 'x' }))).toMatchObject({ ok: false, reason: 'bad_address' });
    expect(check('saveSyncSettings', await api.saveSyncSettings({ server: '', database: 'newsdesk', user: '' }))).toMatchObject({ state: 'off' });
    expect(check('setSyncPaused', await api.setSyncPaused({ paused: true }))).toMatchObject({ state: 'off' });
    expect(check('syncNow', await api.syncNow({}))).toMatchObject({ state: 'off' });
    expect(check('getArticleSync', await api.getArticleSync({ id: created.id }))).toEqual({ conflict: false, refused: null, unreadable: null, editing: [] });
    const unsynced = { getSyncConflict: await api.getSyncConflict({ id: created.id }), resolveSyncConflict: await api.resolveSyncConflict({ id: created.id, keep: '1-abc' }) };
    for (const [method, result] of Object.entries(unsynced)) {
      expect(result, method).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      reached.add(method);
    }
    expect([...reached].sort()).toEqual([...methodNames].sort());
  });

  it('returns a stale save as a conflict error, as data', async () => {
    const api = transports[name]!;
    const created = value(await api.createArticle({ headline: 'Xung đột' }));
    value(await api.saveArticle({ id: created.id, baseRevision: 1, changes: { sapo: 'một' } }));
    const stale = await api.saveArticle({ id: created.id, baseRevision: 1, changes: { sapo: 'hai' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  // (Over IPC an unknown method has no channel at all: Electron refuses the invoke itself.)
  const invalidInputs: Array<[string, string, unknown]> = [
    ['wrong types', 'saveArticle', { id: 42, baseRevision: '1', changes: { headline: ['x'] } }],
    ['missing fields', 'saveArticle', { changes: {} }],
    ['a 10 MB string', 'createArticle', { headline: TEN_MB }],
    ['a 10 MB body text', 'saveArticle', { id: 'x', baseRevision: 1, changes: { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEN_MB }] }] } } }],
    ['an id with ../', 'getArticle', { id: '../library' }],
    ['an id with ../ on save', 'saveArticle', { id: '../../etc/passwd', baseRevision: 1, changes: {} }],
    ['an id with ../ on trash', 'trashArticle', { id: '../articles/x' }],
    ['unknown fields', 'saveSettings', { changes: { interfaceLanguage: 'fr', extra: true } }],
    ['not an object', 'listArticles', 'list everything'],
  ];
  if (name === 'web') invalidInputs.push(['an unknown method', 'deleteEverything', {}]);

  it.each(invalidInputs)('answers %s with invalid_input and changes no file', async (_label, method, input) => {
    const api = transports[name]! as unknown as Record<string, (input: unknown) => Promise<Result<unknown>>>;
    // The library rewrites library.json a little after earlier saves: wait until it is idle, so
    // only this call could change the folder between the two snapshots.
    await service.whenIdle();
    const before = await snapshotDir(dir);
    const call = api[method] ?? ((i: unknown) => post(host, method, i).then((r) => r.body));
    const result = await call(input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await service.whenIdle();
    expect(await snapshotDir(dir)).toEqual(before);
  });
});

describe('the IPC transport', () => {
  it('refuses calls from frames that are not the app page', async () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html']) {
      const { api } = electronTransport(service, url);
      expect(await api.getSettings({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('isTrustedSender', () => {
  it('accepts only the top frame of the app page', async () => {
    const { isTrustedSender } = await import('../../electron/transport/ipc');
    expect(isTrustedSender({ senderFrame: { url: 'app://newsdesk/index.html#/article/x', parent: null } })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://newsdesk/index.html', parent: {} } })).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'not a url', parent: null } })).toBe(false);
  });
});

describe('the preload bridge', () => {
  async function fakeIpc() {
    const { createBridge } = await import('../../electron/shell/bridge');
    const listeners = new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>();
    const sent: string[] = [];
    const bridge = createBridge({
      invoke: async () => undefined,
      on: (channel, listener) => void listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
      removeListener: (channel, listener) => void listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener)),
      send: (channel) => void sent.push(channel),
    });
    const emit = (channel: string, ...args: unknown[]) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the IPC event' }, ...args);
    };
    return { bridge, emit, sent };
  }

  it('lets the window close at once when nothing is being edited, and after saving when something is', async () => {
    const { FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL } = await import('../../shared/api/methods');
    const { bridge, emit, sent } = await fakeIpc();
    emit(FLUSH_REQUEST_CHANNEL);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([FLUSH_DONE_CHANNEL]);

    let finishSave!: () => void;
    const unsubscribe = bridge.onWillClose(() => new Promise<void>((resolve) => (finishSave = resolve)));
    emit(FLUSH_REQUEST_CHANNEL);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toHaveLength(1);
    finishSave();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([FLUSH_DONE_CHANNEL, FLUSH_DONE_CHANNEL]);
    unsubscribe();
  });

  it('asks the main process for a folder on its own channel, and hands the page a path or null', async () => {
    const { CHOOSE_FOLDER_CHANNEL } = await import('../../shared/api/methods');
    const { createBridge } = await import('../../electron/shell/bridge');
    const asked: unknown[][] = [];
    let answer: unknown = '/home/bao/xuat';
    const bridge = createBridge({
      invoke: async (...args) => (asked.push(args), answer),
      on: () => undefined,
      removeListener: () => undefined,
      send: () => undefined,
    });
    expect(await bridge.chooseFolder({ title: 'Chọn thư mục', defaultPath: '/home/bao' })).toBe('/home/bao/xuat');
    expect(asked).toEqual([[CHOOSE_FOLDER_CHANNEL, { title: 'Chọn thư mục', defaultPath: '/home/bao' }]]);
    answer = { not: 'a path' };
    expect(await bridge.chooseFolder({ title: 'Chọn thư mục' })).toBeNull();
  });

  it('passes only known command ids to the page, never the IPC event', async () => {
    const { COMMAND_CHANNEL } = await import('../../shared/api/methods');
    const { bridge, emit } = await fakeIpc();
    const received: unknown[][] = [];
    const unsubscribe = bridge.onDidRequestCommand((...args: unknown[]) => received.push(args));
    emit(COMMAND_CHANNEL, 'article.save');
    emit(COMMAND_CHANNEL, 'rm -rf');
    unsubscribe();
    emit(COMMAND_CHANNEL, 'article.new');
    expect(received).toEqual([['article.save']]);
  });
});
