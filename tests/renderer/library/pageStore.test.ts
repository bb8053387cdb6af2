import { describe, expect, it, vi } from 'vitest';
import type { MethodInput, MethodOutput, Result } from '../../../shared/api/contract';
import type { ArticleSummary } from '../../../shared/model/article';
import type { AppApi } from '../../../renderer/api/sequenced';
import { askEarly, PAGE_SIZE, pageInput, PageStore, requestKey, type ListRequest } from '../../../renderer/components/library/pageStore';

type ListInput = MethodInput<'listArticles'>;

const summary = (n: number, prefix = 'a'): ArticleSummary => ({
  id: `${prefix}${n}`,
  slug: `tin-${n}`,
  headline: `Tin số ${n}`,
  section: 'thoi-su',
  status: 'draft',
  assignee: '',
  dueAt: null,
  updatedAt: '2026-11-27T01:00:00.000Z',
  wordCount: 10,
  tags: [],
  publishedAt: null,
  revision: 1,
  trashedAt: null,
});

/** A library of `total` articles answering listArticles when told to (each call waits to be answered). */
function fakeLibrary(total: number, prefix = 'a') {
  const calls: { input: ListInput; answer: () => void }[] = [];
  let size = total;
  const api = {
    listArticles: (input: ListInput) =>
      new Promise<Result<MethodOutput<'listArticles'>>>((resolve) => {
        calls.push({
          input,
          answer: () => {
            const offset = input.offset ?? 0;
            const items = Array.from({ length: Math.max(0, Math.min(input.limit ?? 100, size - offset)) }, (_, i) => summary(offset + i, prefix));
            resolve({ ok: true, value: { total: size, items } });
          },
        });
      }),
  } as unknown as AppApi;
  return { api, calls, resize: (n: number) => (size = n) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const request = (view: ListRequest['query']['view'] = 'active'): ListRequest => ({ query: { view }, sort: 'updated', direction: 'desc' });

describe('the library’s pages', () => {
  it('reads the first page at once, then only the pages scrolled to, never the whole library', async () => {
    const library = fakeLibrary(100_000);
    const store = new PageStore(library.api);
    store.ask(request());
    expect(library.calls.map((c) => c.input.offset)).toEqual([0]);
    expect(library.calls[0]!.input.limit).toBe(PAGE_SIZE);
    library.calls[0]!.answer();
    await vi.waitFor(() => expect(store.getSnapshot().total).toBe(100_000));
    expect(store.getSnapshot().rowAt(5)?.summary.id).toBe('a5');
    expect(store.getSnapshot().rowAt(PAGE_SIZE)).toBeUndefined();

    // Scrolled far: the pages there, once the scrolling rests.
    store.want(54_990, 55_030);
    store.want(55_000, 55_040);
    // (Each scroll waits a moment for the next: only where it rests is read.)
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(library.calls.slice(1).map((c) => c.input.offset)).toEqual([55_000]);
    expect(store.getSnapshot().settled).toBe(false);
    for (const call of library.calls.slice(1)) call.answer();
    await vi.waitFor(() => expect(store.getSnapshot().settled).toBe(true));
    expect(store.getSnapshot().rowAt(55_040)?.summary.headline).toBe('Tin số 55040');
  });

  it('shows the last question’s rows until the new one’s first page, and drops answers to old questions', async () => {
    const library = fakeLibrary(500);
    const store = new PageStore(library.api);
    store.ask(request('active'));
    library.calls[0]!.answer();
    await vi.waitFor(() => expect(store.getSnapshot().total).toBe(500));
    const before = store.getSnapshot().key;

    store.ask(request('trash'));
    store.ask(request('mine'));
    expect(store.getSnapshot().key).toBe(before);
    expect(store.getSnapshot().rowAt(0)?.summary.id).toBe('a0');
    library.resize(3);
    library.calls[1]!.answer(); // trash: no longer asked
    await flush();
    expect(store.getSnapshot().key).toBe(before);
    library.calls[2]!.answer();
    await vi.waitFor(() => expect(store.getSnapshot().total).toBe(3));
    expect(store.getSnapshot().key).toBe(JSON.stringify(request('mine')));
  });

  it('a reload reads the rows on screen again, showing the old ones meanwhile', async () => {
    const library = fakeLibrary(250);
    const store = new PageStore(library.api);
    store.reload(0);
    store.ask(request());
    library.calls[0]!.answer();
    await vi.waitFor(() => expect(store.getSnapshot().settled).toBe(true));

    library.resize(240);
    store.reload(1);
    expect(store.getSnapshot().settled).toBe(false);
    expect(store.getSnapshot().rowAt(0)?.summary.id).toBe('a0');
    expect(library.calls).toHaveLength(2);
    library.calls[1]!.answer();
    await vi.waitFor(() => expect(store.getSnapshot().settled).toBe(true));
    expect(store.getSnapshot().total).toBe(240);
  });

  it('names the question and reload its settled state speaks of, so a render that changed them before the store heard is not taken as settled', async () => {
    const library = fakeLibrary(250);
    const store = new PageStore(library.api);
    store.reload(0);
    expect(store.getSnapshot().reloaded).toBe(0);
    store.ask(request());
    library.calls[0]!.answer();
    await vi.waitFor(() => expect(store.getSnapshot().settled).toBe(true));
    expect(store.getSnapshot().asked).toBe(requestKey(request()));
    // A new order chosen: until the store is asked, its settled answer is the old question's.
    const sorted: ListRequest = { ...request(), sort: 'headline', direction: 'asc' };
    expect(store.getSnapshot().asked).not.toBe(requestKey(sorted));
    store.ask(sorted);
    expect(store.getSnapshot()).toMatchObject({ asked: requestKey(sorted), settled: false });
    library.calls[1]!.answer();
    await vi.waitFor(() => expect(store.getSnapshot().settled).toBe(true));
    store.reload(1);
    expect(store.getSnapshot()).toMatchObject({ reloaded: 1, settled: false });
  });

  it('takes a first page asked for as the window started, once, and only if it is the question asked', async () => {
    const library = fakeLibrary(250);
    askEarly(library.api, pageInput(request(), 0));
    expect(library.calls).toHaveLength(1);
    const store = new PageStore(library.api);
    store.ask(request());
    // The early question is the one asked: nothing is asked again.
    expect(library.calls).toHaveLength(1);
    library.calls[0]!.answer();
    await vi.waitFor(() => expect(store.getSnapshot().settled).toBe(true));
    expect(store.getSnapshot().rowAt(0)?.summary.id).toBe('a0');

    // Another question than the early one (the trash): asked of the service.
    askEarly(library.api, pageInput(request(), 0));
    const other = new PageStore(library.api);
    other.ask(request('trash'));
    expect(library.calls).toHaveLength(3);
    expect(library.calls[2]!.input).toMatchObject({ view: 'trash', offset: 0 });
    // And the early answer, once passed over, is not used later either.
    const third = new PageStore(library.api);
    third.ask(request());
    expect(library.calls).toHaveLength(4);
  });

  it('says a count is approximate while a quoted phrase is not checked in every candidate, and takes the count of the latest page', async () => {
    const answers: Array<MethodOutput<'listArticles'>> = [
      { total: 900, items: Array.from({ length: PAGE_SIZE }, (_, i) => summary(i)), approximate: true },
      { total: 640, items: Array.from({ length: PAGE_SIZE }, (_, i) => summary(PAGE_SIZE * 5 + i)), approximate: true },
    ];
    const calls: Array<() => void> = [];
    const api = {
      listArticles: () => new Promise<Result<MethodOutput<'listArticles'>>>((resolve) => calls.push(() => resolve({ ok: true, value: answers.shift()! }))),
    } as unknown as AppApi;
    const store = new PageStore(api);
    store.ask({ query: { view: 'active', query: '"vụ mùa bội thu"' }, sort: 'relevance', direction: 'desc' });
    calls[0]!();
    await vi.waitFor(() => expect(store.getSnapshot().total).toBe(900));
    expect(store.getSnapshot().approximate).toBe(true);
    store.want(PAGE_SIZE * 5, PAGE_SIZE * 5 + 20);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    calls[1]!();
    await vi.waitFor(() => expect(store.getSnapshot().total).toBe(640));
  });
});
