// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NewsdeskApi, Result } from '../../shared/api/contract';
import { methodNames, type MethodName } from '../../shared/api/methods';
import { createHttpApi, KEEPALIVE_LIMIT, takeToken } from '../../renderer/api/httpClient';
import { sequenced } from '../../renderer/api/sequenced';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface Call {
  method: MethodName;
  input: unknown;
  done: Deferred<Result<unknown>>;
}

/** An API whose every call waits until the test settles it; `calls` lists the calls that started. */
function controllableApi(): { api: NewsdeskApi; calls: Call[]; call(method: MethodName, index?: number): Call } {
  const calls: Call[] = [];
  const api = Object.fromEntries(
    methodNames.map((method) => [
      method,
      (input: unknown) => {
        const done = deferred<Result<unknown>>();
        calls.push({ method, input, done });
        return done.promise;
      },
    ]),
  ) as unknown as NewsdeskApi;
  const call = (method: MethodName, index = 0) => {
    const found = calls.filter((c) => c.method === method)[index];
    if (!found) throw new Error(`${method} #${index} has not started`);
    return found;
  };
  return { api, calls, call };
}

/** Lets every pending promise callback run (no timers: only the microtask queue). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

const started = (calls: Call[]) => calls.map((c) => c.method);
const ok = (value: unknown): Result<unknown> => ({ ok: true, value });

describe('sequenced: calls in the order the user made them', () => {
  it('a write waits for earlier writes', async () => {
    const { api, calls, call } = controllableApi();
    const app = sequenced(api);
    const first = app.saveArticle({ id: 'a' } as never);
    const second = app.setStatus({ id: 'a' } as never);
    await settle();
    expect(started(calls)).toEqual(['saveArticle']);

    call('saveArticle').done.resolve(ok('saved'));
    await expect(first).resolves.toEqual(ok('saved'));
    await settle();
    expect(started(calls)).toEqual(['saveArticle', 'setStatus']);
    call('setStatus').done.resolve(ok('status'));
    await expect(second).resolves.toEqual(ok('status'));
  });

  it('a read waits for earlier writes, so it sees them', async () => {
    const { api, calls, call } = controllableApi();
    const app = sequenced(api);
    void app.saveArticle({ id: 'a' } as never);
    const list = app.listArticles({} as never);
    await settle();
    expect(started(calls)).toEqual(['saveArticle']);

    call('saveArticle').done.resolve(ok('saved'));
    await settle();
    expect(started(calls)).toEqual(['saveArticle', 'listArticles']);
    call('listArticles').done.resolve(ok(['a']));
    await expect(list).resolves.toEqual(ok(['a']));
  });

  it('reads do not wait for each other', async () => {
    const { api, calls, call } = controllableApi();
    const app = sequenced(api);
    const article = app.getArticle({ id: 'a' } as never);
    const list = app.listArticles({} as never);
    const settings = app.getSettings({} as never);
    await settle();
    expect(started(calls)).toEqual(['getArticle', 'listArticles', 'getSettings']);

    // The last read may finish first.
    call('getSettings').done.resolve(ok('settings'));
    await expect(settings).resolves.toEqual(ok('settings'));
    call('listArticles').done.resolve(ok('list'));
    call('getArticle').done.resolve(ok('article'));
    await expect(list).resolves.toEqual(ok('list'));
    await expect(article).resolves.toEqual(ok('article'));
  });

  it('a failed write does not block later calls', async () => {
    const { api, calls, call } = controllableApi();
    const app = sequenced(api);
    const failing = app.saveArticle({ id: 'a' } as never);
    const write = app.createArticle({} as never);
    const read = app.listArticles({} as never);
    await settle();
    expect(started(calls)).toEqual(['saveArticle']);

    call('saveArticle').done.reject(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    await settle();
    // The next write runs; the read still waits for it (it is an earlier write).
    expect(started(calls)).toEqual(['saveArticle', 'createArticle']);
    call('createArticle').done.resolve(ok('created'));
    await expect(write).resolves.toEqual(ok('created'));
    await settle();
    expect(started(calls)).toEqual(['saveArticle', 'createArticle', 'listArticles']);
    call('listArticles').done.resolve(ok('list'));
    await expect(read).resolves.toEqual(ok('list'));
  });

  it('`immediate` bypasses the queue', async () => {
    const queued = controllableApi();
    const direct = controllableApi();
    const app = sequenced(queued.api, direct.api);
    void app.saveArticle({ id: 'a' } as never);
    const later = app.listArticles({} as never);
    const now = app.immediate.saveArticle({ id: 'b' } as never);
    await settle();
    expect(started(queued.calls)).toEqual(['saveArticle']);
    expect(direct.calls.map((c) => [c.method, c.input])).toEqual([['saveArticle', { id: 'b' }]]);

    direct.call('saveArticle').done.resolve(ok('saved b'));
    await expect(now).resolves.toEqual(ok('saved b'));
    // The queue is as it was: the read still waits for the first save only.
    await settle();
    expect(started(queued.calls)).toEqual(['saveArticle']);
    queued.call('saveArticle').done.resolve(ok('saved a'));
    await settle();
    queued.call('listArticles').done.resolve(ok('list'));
    await expect(later).resolves.toEqual(ok('list'));
  });

  it('without a separate immediate API, immediate calls the API itself at once', async () => {
    const { api, calls } = controllableApi();
    const app = sequenced(api);
    void app.saveArticle({ id: 'a' } as never);
    await settle();
    expect(calls.map((c) => c.input)).toEqual([{ id: 'a' }]);
    // Started while the first save is still pending, without waiting for anything.
    void app.immediate.saveArticle({ id: 'b' } as never);
    expect(calls.map((c) => c.input)).toEqual([{ id: 'a' }, { id: 'b' }]);
  });
});

describe('takeToken: the web host token from the address', () => {
  const happyDOM = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
  let storage: Storage;

  beforeEach(() => {
    window.sessionStorage.clear();
    storage = window.sessionStorage;
  });

  it('takes the token from #token=…, keeps it in the given storage and removes it from the address', () => {
    happyDOM().setURL('http://127.0.0.1:4321/library?view=list#token=Ab3_x-Yz09');
    const replaceState = vi.spyOn(window.history, 'replaceState');
    expect(takeToken(window.location, window.history, storage)).toBe('Ab3_x-Yz09');
    expect(storage.getItem('newsdesk.token')).toBe('Ab3_x-Yz09');
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(window.location.href).toBe('http://127.0.0.1:4321/library?view=list');
    replaceState.mockRestore();
  });

  it('finds the token among other fragment parameters', () => {
    happyDOM().setURL('http://127.0.0.1:4321/#lang=vi&token=secret123');
    expect(takeToken(window.location, window.history, storage)).toBe('secret123');
  });

  it('reads the token back from storage when the address has none (after a reload)', () => {
    storage.setItem('newsdesk.token', 'kept-token');
    happyDOM().setURL('http://127.0.0.1:4321/article/x');
    const replaceState = vi.spyOn(window.history, 'replaceState');
    expect(takeToken(window.location, window.history, storage)).toBe('kept-token');
    expect(replaceState).not.toHaveBeenCalled();
    replaceState.mockRestore();
  });

  it('has no token when neither the address nor the storage holds one', () => {
    happyDOM().setURL('http://127.0.0.1:4321/');
    expect(takeToken(window.location, window.history, storage)).toBeNull();
  });

  it.each(['#token=', '#token=<script>', '#token=abc<script>', '#token=abc%20def', '#mytoken=abc', '#token abc', '#?token=abc'])(
    'refuses junk: %s',
    (hash) => {
      happyDOM().setURL(`http://127.0.0.1:4321/${hash}`);
      expect(takeToken(window.location, window.history, storage)).toBeNull();
      expect(storage.getItem('newsdesk.token')).toBeNull();
    },
  );
});

describe('createHttpApi: one POST per call', () => {
  let fetchMock: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fetchMock = vi.fn(async () => new Response(JSON.stringify(ok('answer')), { headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const request = (index = 0) => fetchMock.mock.calls[index] as [string, RequestInit];

  it('posts JSON to /api/<method> with the bearer token and returns the answer', async () => {
    const api = createHttpApi('tok_123');
    await expect(api.getArticle({ id: 'a1' })).resolves.toEqual(ok('answer'));
    const [url, init] = request();
    expect(url).toBe('/api/getArticle');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer tok_123' });
    expect(JSON.parse(init.body as string)).toEqual({ id: 'a1' });
    expect(init.keepalive).toBe(false);
  });

  it('has every method of the contract, each at its own address', async () => {
    const api = createHttpApi('t');
    for (const method of methodNames) await (api[method] as (input: unknown) => Promise<unknown>)({});
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(methodNames.map((method) => `/api/${method}`));
  });

  it('sends {} when called without input', async () => {
    await (createHttpApi('t').listTags as (input?: unknown) => Promise<unknown>)();
    expect(request()[1].body).toBe('{}');
  });

  /** An input whose JSON body is exactly `bytes` bytes long in UTF-8, made of Vietnamese letters where `vietnamese`. */
  function inputOfBytes(bytes: number, vietnamese = false): { text: string } {
    const overhead = JSON.stringify({ text: '' }).length;
    const room = bytes - overhead;
    // "ệ" is 3 bytes in UTF-8 but one character.
    const text = vietnamese ? 'ệ'.repeat(Math.floor(room / 3)) + 'a'.repeat(room % 3) : 'a'.repeat(room);
    const input = { text };
    expect(new TextEncoder().encode(JSON.stringify(input)).byteLength).toBe(bytes);
    return input;
  }

  it('with keepalive, keeps the request alive only while the body is under the limit', async () => {
    const api = createHttpApi('t', { keepalive: true });
    await api.saveArticle(inputOfBytes(KEEPALIVE_LIMIT - 1) as never);
    await api.saveArticle(inputOfBytes(KEEPALIVE_LIMIT) as never);
    await api.saveArticle(inputOfBytes(KEEPALIVE_LIMIT * 2) as never);
    expect(fetchMock.mock.calls.map(([, init]) => (init as RequestInit).keepalive)).toEqual([true, false, false]);
  });

  it('counts the limit in bytes, so Vietnamese text over it is not sent with keepalive', async () => {
    const api = createHttpApi('t', { keepalive: true });
    const small = inputOfBytes(KEEPALIVE_LIMIT - 1, true);
    const large = inputOfBytes(KEEPALIVE_LIMIT + 2, true);
    // Fewer characters than the limit, more bytes.
    expect(JSON.stringify(large).length).toBeLessThan(KEEPALIVE_LIMIT);
    await api.saveArticle(small as never);
    await api.saveArticle(large as never);
    expect(fetchMock.mock.calls.map(([, init]) => (init as RequestInit).keepalive)).toEqual([true, false]);
  });

  it('never uses keepalive unless asked to', async () => {
    await createHttpApi('t').saveArticle(inputOfBytes(100) as never);
    expect(request()[1].keepalive).toBe(false);
  });

  it('turns a network failure into an unavailable error', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(createHttpApi('t').getSettings({})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Failed to fetch' },
    });
  });
});
