import type { ApiError, LibraryQuery, LibrarySort, SearchSnippet } from '../../../shared/api/contract';
import type { ArticleSummary } from '../../../shared/model/article';
import type { AppApi } from '../../api/sequenced';

/** Rows asked of the service at a time: about three screens. */
export const PAGE_SIZE = 100;
/** While the scrollbar is dragged, pages are asked for only once it rests this long. */
const SETTLE_MS = 40;

export interface ListRequest {
  query: LibraryQuery;
  sort: LibrarySort;
  direction: 'asc' | 'desc';
  /** The profile asking ("Của tôi" is its own): part of the question, not sent. */
  profile?: string;
}

export interface Row {
  summary: ArticleSummary;
  snippets: SearchSnippet[];
}

/** What the table draws from: immutable, replaced whenever a page arrives. */
export interface PagesSnapshot {
  /** null until the question's first page has arrived. */
  total: number | null;
  /** The total is at most that many (a quoted phrase's later candidates not checked yet). */
  approximate: boolean;
  /** The question whose rows are shown (the last one, until the new one's first page). */
  key: string;
  /** Nothing being read, and every row wanted is read for the latest question and reload. */
  settled: boolean;
  /** The question last asked (`ask`) and the last reload noted: settled speaks of these only. */
  asked: string;
  reloaded: number | null;
  rowAt: (index: number) => Row | undefined;
}

interface Page {
  /** The generation it was read in: older than the cache's means it is shown until read again. */
  gen: number;
  items: ArticleSummary[];
  snippets: Record<string, SearchSnippet[]>;
}

interface Cache {
  key: string;
  request: ListRequest | null;
  gen: number;
  total: number | null;
  approximate: boolean;
  pages: Map<number, Page>;
  /** Page → the generation it is being read for. */
  inFlight: Map<number, number>;
  wanted: [number, number];
}

/** How a question is told apart from another. */
export const requestKey = (request: ListRequest): string => JSON.stringify(request);

type ListInput = Parameters<AppApi['listArticles']>[0];
type ListAnswer = ReturnType<AppApi['listArticles']>;

/** What the service is asked for one page of a question. */
export const pageInput = ({ query, sort, direction }: Omit<ListRequest, 'profile'>, page: number): ListInput => ({
  ...query,
  sort,
  direction,
  offset: page * PAGE_SIZE,
  limit: PAGE_SIZE,
});

/** A first page asked for before the window drew anything (./firstPage.ts), taken once if it is the one wanted. */
let early: { key: string; at: number; answer: ListAnswer } | null = null;
/** Older than this, an early answer is not used (the library may have changed since). */
const EARLY_FOR_MS = 10_000;

export function askEarly(api: AppApi, input: ListInput): void {
  early = { key: JSON.stringify(input), at: performance.now(), answer: api.listArticles(input) };
}

function takeEarly(input: ListInput): ListAnswer | null {
  const taken = early;
  early = null;
  return taken && taken.key === JSON.stringify(input) && performance.now() - taken.at < EARLY_FOR_MS ? taken.answer : null;
}

const freshCache = (key: string, request: ListRequest | null): Cache => ({
  key,
  request,
  gen: 0,
  total: null,
  approximate: false,
  pages: new Map(),
  inFlight: new Map(),
  wanted: [0, PAGE_SIZE - 1],
});

/**
 * The library's rows, read page by page (by offset) as the table scrolls to them, never the whole
 * library: `total` comes with the first page and sets the scroll height. A new question (view,
 * search, filters, order) starts afresh, the last question's rows shown until its first page
 * arrives (no flash while a search is typed); a reload reads the pages on screen again, their old
 * rows shown meanwhile. A store outside React (useSyncExternalStore), since pages arrive at any time.
 */
export class PageStore {
  private cache = freshCache('', null);
  private previous: Cache | null = null;
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reloadKey: number | null = null;
  private snapshot: PagesSnapshot;
  private onError: (error: ApiError) => void = () => undefined;

  constructor(private readonly api: AppApi) {
    this.snapshot = this.makeSnapshot();
  }

  setErrorHandler(onError: (error: ApiError) => void): void {
    this.onError = onError;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PagesSnapshot => this.snapshot;

  /** The question to list; its first page is read at once (nothing happens if it is the same). */
  ask(request: ListRequest): void {
    const key = requestKey(request);
    if (key === this.cache.key) return;
    if (this.cache.total !== null) this.previous = this.cache;
    this.cache = freshCache(key, request);
    this.changed();
    this.load();
  }

  /** Reads the pages on screen again (after a change); the first call only notes the key. */
  reload(reloadKey: number): void {
    if (this.reloadKey === reloadKey) return;
    if (this.reloadKey === null) {
      this.reloadKey = reloadKey;
      this.changed();
      return;
    }
    this.reloadKey = reloadKey;
    this.cache.gen++;
    this.changed();
    this.load();
  }

  /** The rows on screen now (the table calls it as it scrolls). */
  want(first: number, last: number): void {
    const c = this.cache;
    // Rows of the last question still shown: the new one starts from its top.
    if (c.total === null && this.previous) return;
    if (c.wanted[0] === first && c.wanted[1] === last) return;
    c.wanted = [first, last];
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.load(), SETTLE_MS);
    this.changed();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Reads the pages the wanted rows fall in that are missing or stale. */
  private load(): void {
    const c = this.cache;
    if (!c.request) return;
    const [first, last] = c.wanted;
    const top = c.total === null ? 0 : Math.max(0, Math.ceil(c.total / PAGE_SIZE) - 1);
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.min(top, Math.floor(last / PAGE_SIZE)); page++) {
      const have = c.pages.get(page);
      if ((!have || have.gen < c.gen) && c.inFlight.get(page) !== c.gen) void this.fetchPage(c, page);
    }
  }

  private async fetchPage(c: Cache, page: number): Promise<void> {
    const gen = c.gen;
    c.inFlight.set(page, gen);
    const input = pageInput(c.request!, page);
    // (The very first page may already be on its way: asked for as the window started.)
    const result = await ((gen === 0 && page === 0 && takeEarly(input)) || this.api.listArticles(input));
    if (c.inFlight.get(page) === gen) c.inFlight.delete(page);
    if (this.cache !== c) return;
    if (!result.ok) {
      this.onError(result.error);
      this.changed();
      return;
    }
    const existing = c.pages.get(page);
    if (!existing || existing.gen <= gen) c.pages.set(page, { gen, items: result.value.items, snippets: result.value.snippets ?? {} });
    if (gen === c.gen || c.total === null) {
      c.total = result.value.total;
      c.approximate = result.value.approximate === true;
    }
    if (c.total !== null) this.previous = null;
    this.changed();
    // The total may have shown that more of what is on screen exists (or a reload raced a scroll).
    this.load();
  }

  private changed(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(): PagesSnapshot {
    const now = this.cache;
    const shown = now.total === null && this.previous ? this.previous : now;
    const { pages } = shown;
    let settled = now.request !== null && now.total !== null && now.inFlight.size === 0;
    if (settled && now.total) {
      const [first, last] = now.wanted;
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(Math.min(last, now.total - 1) / PAGE_SIZE); page++) {
        if ((now.pages.get(page)?.gen ?? -1) < now.gen) settled = false;
      }
    }
    return {
      total: shown.total,
      approximate: shown.approximate,
      key: shown.key,
      settled,
      asked: now.key,
      reloaded: this.reloadKey,
      rowAt: (index) => {
        const page = pages.get(Math.floor(index / PAGE_SIZE));
        const summary = page?.items[index % PAGE_SIZE];
        return summary ? { summary, snippets: page.snippets[summary.id] ?? [] } : undefined;
      },
    };
  }
}
