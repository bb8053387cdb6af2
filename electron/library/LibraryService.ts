import { randomUUID } from 'node:crypto';
import { homedir, userInfo } from 'node:os';
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { FixedReverseHeap } from 'mnemonist';
import pMap from 'p-map';
import type { BundleSummary, CallContext, LibraryQuery, MethodOutput, NewsdeskService, ParsedInput, SearchSnippet } from '../../shared/api/contract';
import { LIMITS, summarize, type Article, type ArticleFields, type ArticleSummary } from '../../shared/model/article';
import { readArticle } from '../../shared/model/articleFile';
import { commentsBy, mergeThreads } from '../../shared/review/comments';
import { keepInfoOf, mergeSuggestions, newSuggestionsBy, suggestionIds } from '../../shared/review/suggestions';
import type { SuggestionId } from '../../shared/model/marks/suggestion';
import { applyChanges, authorProfileId, canPublish, changeStatus, isDerivedSlug, newArticle, setTrashed, type Actor } from '../../shared/model/articleUpdates';
import { allows, type Permission, type Profile } from '../../shared/review/people';
import { transitionOf, workflowPath } from '../../shared/review/workflow';
import { bodyAssetIds } from '../../shared/model/body';
import { checklistConfig, runChecklist, type Finding } from '../../shared/review/checklist';
import { autoSnapshotDue, revisionEntrySchema, sessionEndDue } from '../../shared/review/history';
import { rememberFolder, settingsSchema, type Settings } from '../../shared/model/settings';
import { compareVietnamese, fold, RESERVED_SLUGS, slugify, uniqueSlug } from '../../shared/text/vietnamese';
import { stableStringify } from '../../shared/text/stableStringify';
import { createFolder, folderPlaces, listFolder } from '../publish/folders';
import type { DataDirSource } from './dataDir';
import { LibraryMover, MoveRefused } from './moveLibrary';
import { Publisher } from '../publish/publisher';
import { ArticleStore, ArticleTooNewError } from './articleStore';
import type { SnapshotReason } from './revisionStore';
import { AssetIndex, checkImageBytes, imageTypeOf, type AssetTransform } from './assets';
import { ensureDir, flushFolders, removeStaleTempFiles, writeFileAtomic, type DeferredFlushes } from './atomicFile';
import { ImagePipeline } from '../images/imagePipeline';
import { stripLocation } from '../images/privacy';
import { Catalog } from './catalog';
import { ApiFailure, fail } from './errors';
import { comparer, matcher, type QueryContext } from './libraryQuery';
import { searchDocOf, searchDocOfUnchecked, searchText, type SearchDoc, type SearchHit } from './searchIndex';

/** What a search understood of its query (what the snippets mark). */
type QueryHit = Omit<SearchHit, 'ids'>;
import { SearchThread } from './searchThread';
import { findWordHits, hasPhrase, parseQuery, snippetAround } from '../../shared/text/search';
import { UnreadableFileError } from './jsonAdapter';
import { acquireLibraryLock } from './libraryLock';
import { articleHash, BUNDLE_EXTENSION, BundleRefusedError, imagesOf, readBundle, writeBundle } from './bundles';
import { Problems } from './problems';
import { SentLedger } from './sentLedger';
import { WriteQueue } from './writeQueue';
import type { KeptReason } from '../sync/docs';
import { SyncService, type SyncLibrary } from '../sync/SyncService';
import { memoryPasswords, type PasswordKeeper } from '../sync/passwords';

export { LibraryTooNewError } from './catalog';

export interface LibraryOptions {
  dataDir: string;
  /** The page font's files (dist/fonts in a build, @fontsource/noto-serif/files in development). */
  fontsDir?: string;
  appVersion?: string;
  now?: () => Date;
  newId?: () => string;
  /** Who is working; recorded in workflow and revision history (by default the computer's user name). */
  user?: string;
  /** Take over the lock of another computer that has the library open (only once the user has confirmed; see ./libraryLock.ts). */
  takeOverLock?: boolean;
  /** The search index thread's bundle (by default found beside the running bundle: ./searchThread.ts). */
  searchWorker?: string;
  /** Where a move of the library is recorded for the next start (./dataDir.ts locationFilePath); none: a move is not recorded. */
  locationFile?: string;
  /** Where this start's library folder came from (./dataDir.ts resolveDataDirSource). */
  dataDirSource?: DataDirSource;
  /** Where the team sync's password is kept (Electron: encrypted by the system; by default in memory). */
  passwords?: PasswordKeeper;
  /** How often a running team sync looks at the server (ms; tests make it short). */
  syncIntervalMs?: number;
  /** How long a sync round waits for a server that stopped answering (ms; tests make it short). */
  syncStallMs?: number;
}

const DEFAULT_PAGE = 200;
/** Libraries from this many articles list a page near the top by picking it rather than sorting all. */
const PICK_FROM = 5000;
/** What decides which summaries a query lists (its paging and order aside), for the sorted-list cache. */
const listedKey = (input: LibraryQuery, context: QueryContext) => {
  const { view, statuses, sections, tags, assignees, dates } = input;
  return JSON.stringify([view, statuses, sections, tags, assignees, dates, view === 'mine' ? context.me : null, view === 'today' || view === 'overdue' ? Math.floor(context.now.getTime() / 60_000) : 0]);
};
/** A list's order, told apart from another's (the kept order below is reused only for the same). */
const orderKey = (input: LibraryQuery, context: QueryContext, sort: string, direction: string | undefined) => JSON.stringify([listedKey(input, context), sort, direction ?? '']);
/** The full-text index's file, beside library.json (a cache: built again when missing). */
const SEARCH_FILE = 'search-index.json';
/** How often a changed index is saved while the library is open (it is saved at close too). */
const SEARCH_SAVE_MS = 10 * 60_000;
/** How far past its first hit a text is searched for a snippet's other hits. */
const SNIPPET_REACH = 400;
/** A quoted phrase's candidates checked at a time (a page's worth, about). */
const PHRASE_BATCH = 128;
/** Article files sent to the index's thread to read at a time while it is built (its progress is counted by these). */
const INDEX_BATCH = 200;
/** The longest the index waits for a first list to be asked for before it starts loading. */
const SEARCH_START_MS = 5000;
/**
 * After the first list is answered, the index waits this long before it starts loading: the
 * window is drawing those rows, and loading the index of 100,000 articles takes a processor for
 * seconds (on a two-core machine, the window's). A search typed meanwhile starts it at once.
 */
const SEARCH_AFTER_LIST_MS = 750;
/** Times the index's thread is started again after it stopped by itself, in one session. */
const SEARCH_RESTARTS = 2;

/** Articles of a bundle read or written at a time (their flushes to disk overlap). */
const ARTICLES_AT_ONCE = 16;

/** Writes made together (writeMany): their ids already journaled, their folders flushed at the end. */
interface WriteBatch {
  deferred: DeferredFlushes;
  /** Articles written, for the full-text index once the batch is done. */
  written: Article[];
}

/**
 * Whether new settings change who may do what in a library that has profiles: the policy, any
 * existing profile (its role, name or initials, or removing it), or a new profile above reporter.
 */
function changesWhoMayDoWhat(before: Settings, after: Settings): boolean {
  if (before.profiles.length === 0) return false;
  if (stableStringify(before.policy) !== stableStringify(after.policy)) return true;
  if (before.profiles.some((old) => stableStringify(after.profiles.find((profile) => profile.id === old.id) ?? null) !== stableStringify(old))) return true;
  return after.profiles.some((profile) => !before.profiles.some((old) => old.id === profile.id) && profile.role !== 'reporter');
}

/** A name given on another laptop, as a history entry here has it (the label trimmed). */
const receivedNameSchema = revisionEntrySchema.pick({ label: true, at: true, by: true }).transform((entry) => ({ ...entry, label: entry.label.trim() }));

/** Why a version was kept, as team sync sends it with the version. */
function keptReason(reason: SnapshotReason, actor: Actor): KeptReason {
  return { kind: reason.kind, label: reason.label?.trim() ?? '', at: reason.at ?? actor.at };
}

/** The computer's user name, for history entries when no profile is chosen. */
function systemUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/**
 * The library: the API (shared/api/contract.ts) over a data directory (layout in
 * docs/storage.md). It decides what is allowed; shared/model/articleUpdates.ts says what each
 * change makes of an article; the stores below write it. It knows nothing of Electron or HTTP:
 * both transports call it. Only this object writes, and it writes one thing at a time.
 */
export class LibraryService implements NewsdeskService {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly queue = new WriteQueue();
  private readonly problems: Problems;
  private readonly store: ArticleStore;
  /** The versions of articles sent in bundles (sent.json). */
  private readonly sent: SentLedger;
  private readonly catalog: Catalog;
  private readonly publisher: Publisher;
  private assets!: AssetIndex;
  /** Derivatives of the library's images (sharp), and what the pages need to know of them. */
  readonly images: ImagePipeline;
  private lock: { release: () => Promise<void> } | null = null;
  private disposed = false;
  /** Team sync through CouchDB (../sync/SyncService.ts); null until the library is open. */
  private sync: SyncService | null = null;
  /** The full-text index, in its own thread; it answers searches once ready (until then they look at headlines). */
  /** Null until started: once the first list has been answered (see beginSearch). */
  private search: SearchThread | null = null;
  private searchRestarts = 0;
  private searchStartTimer: NodeJS.Timeout | null = null;
  /** When the timer above fires (ms since the epoch). */
  private searchStartAt = Infinity;
  /** The index's thread could not be started (its bundle is missing): searches look at headlines. */
  private searchUnavailable = false;
  /**
   * The catalog's summaries by the index's slot numbers, so that a search finding 40,000 of
   * 100,000 articles reads an array rather than looking each id up (which costs more than the
   * search itself): filled once the index is ready, an entry dropped when its article changes.
   */
  private slotSummaries: Array<ArticleSummary | undefined> = [];
  private searchReady = false;
  private searchProgress = { done: 0, total: 0 };
  /** Loading or building the index (started at open), then saving it. */
  private searchWork: Promise<void> = Promise.resolve();
  private searchTimer: NodeJS.Timeout | null = null;
  /** dispose() has begun: the index stops being built. */
  private closing = false;
  /** The last long list sorted (scrolling a large library sorts it once). */
  private sortedList: { key: string; generation: number; items: ArticleSummary[] } | null = null;

  private constructor(private readonly options: LibraryOptions) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => randomUUID());
    this.user = options.user ?? systemUserName();
    this.problems = new Problems(this.now);
    this.mover = new LibraryMover({ dataDir: options.dataDir, locationFile: options.locationFile, source: options.dataDirSource });
    // (The asset index is loaded in open(), before the store reads anything.)
    this.store = new ArticleStore(options.dataDir, this.problems, (id) => this.assets.has(id), this.now);
    this.sent = new SentLedger(options.dataDir);
    this.catalog = new Catalog(options.dataDir, this.problems, (task) => this.queue.run(task));
    this.images = new ImagePipeline(this.assetsDir, join(options.dataDir, 'derived'), (id) => this.assets.has(id));
    this.publisher = new Publisher({
      dataDir: options.dataDir,
      images: this.images,
      fontsDir: options.fontsDir ?? join(process.cwd(), 'node_modules', '@fontsource', 'noto-serif', 'files'),
      catalog: this.catalog,
      read: (id) => this.store.read(id),
      file: (id) => this.store.path(id),
      now: () => this.now(),
      ...(options.appVersion ? { version: options.appVersion } : {}),
      remember: (outDir) => this.exclusive(() => this.catalog.saveSettings(rememberFolder(this.catalog.settings, outDir))),
    });
  }

  /** Opens (and locks) a library folder, creating it if needed. */
  static async open(options: LibraryOptions): Promise<LibraryService> {
    const service = new LibraryService(options);
    await ensureDir(options.dataDir);
    const lock = await acquireLibraryLock(options.dataDir, { takeOverLock: options.takeOverLock });
    service.lock = lock;
    try {
      // library.json is read (and checked) while the folders are listed and cleaned.
      service.catalog.startLoading();
      await ensureDir(service.assetsDir);
      await removeStaleTempFiles(options.dataDir);
      // (Loading the asset index also removes temporary files of interrupted writes in assets/.)
      service.assets = await AssetIndex.load(service.assetsDir);
      await service.images.open();
      await service.store.open();
      // A lock left behind means the last session was killed: its interrupted writes may have left
      // temporary files in revisions/ (searched only then: one folder per article).
      if (lock.tookOver) await service.store.revisions.removeTempFiles();
      await service.catalog.open(service.store);
      service.catalog.changed = (id) => service.forgetSlotSummary(id);
      service.sync = await SyncService.open(service.syncLibrary(), options.dataDir, {
        passwords: options.passwords ?? memoryPasswords(),
        ...(options.syncIntervalMs ? { intervalMs: options.syncIntervalMs, sendDelayMs: Math.min(1000, options.syncIntervalMs) } : {}),
        ...(options.syncStallMs ? { stallMs: options.syncStallMs } : {}),
      });
      // The index is loaded once the first list has been answered (the two would share the
      // processor while the window opens), or after a moment at most.
      service.beginSearchIn(SEARCH_START_MS);
      setImmediate(() => service.orderFirstList());
    } catch (error) {
      await service.catalog.settleLoading();
      await service.catalog.journal.close();
      await lock.release();
      throw error;
    }
    return service;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get assetsDir(): string {
    return join(this.options.dataDir, 'assets');
  }

  private readonly user: string;
  /** When the current stretch of editing of an article began (after a pause), this session. */
  private readonly stretchStarts = new Map<string, number>();

  /** The profile a call comes from, when it names one of the library's. */
  private profileOf(context: CallContext): Profile | null {
    return this.catalog.settings.profiles.find((profile) => profile.id === context.profileId) ?? null;
  }

  /** Who acts in a call: their profile's name, else the computer's user name. */
  private actor(context: CallContext = {}): Actor {
    const profile = this.profileOf(context);
    return { at: this.now().toISOString(), by: profile?.name ?? this.user, ...(profile ? { profileId: profile.id } : {}) };
  }

  /**
   * Refuses (forbidden) what the newsroom's policy does not allow the calling profile. A library
   * without profiles is one person's and restricts nothing. For what concerns someone else's
   * article (spike, editOthersByline), the article's own author may always.
   */
  private guard(context: CallContext, permission: Permission, article?: Article): void {
    const profile = this.profileOf(context);
    if (allows(this.catalog.settings, profile, permission, article ? authorProfileId(article) : undefined)) return;
    fail('forbidden', profile ? `The ${profile.role} role may not ${permission} (Settings → profiles and permissions).` : 'Choose a profile first: this library has profiles.');
  }

  // ---- the API -------------------------------------------------------------------------------

  async getAppInfo(_input: ParsedInput<'getAppInfo'>) {
    return { appVersion: this.options.appVersion ?? '0.0.0', dataDir: this.options.dataDir, user: this.user, problems: this.problems.all() };
  }

  createArticle(input: ParsedInput<'createArticle'>, context: CallContext = {}): Promise<Article> {
    return this.exclusive(async () => {
      const id = this.newId();
      const fields = this.checked(input);
      const slug = fields.headline ? uniqueSlug(slugify(fields.headline), (s) => this.catalog.slugTaken(s, id)) : '';
      const actor = this.actor(context);
      const article = newArticle({ id, slug, fields }, actor);
      await this.write(article, { kind: 'created' }, actor);
      return article;
    });
  }

  getArticle(input: ParsedInput<'getArticle'>): Promise<Article> {
    return this.exclusive(() => this.load(input.id));
  }

  saveArticle(input: ParsedInput<'saveArticle'>, context: CallContext = {}): Promise<Article> {
    return this.exclusive(async () => {
      const current = await this.loadAt(input.id, input.baseRevision);
      // What is live changes only by those who may publish; a byline only by its author or an editor.
      if (current.status === 'published') this.guard(context, 'publish');
      if (input.changes.byline !== undefined && input.changes.byline !== current.byline) this.guard(context, 'editOthersByline', current);
      const { slug: requested, ...changes } = input.changes;
      const fields = this.checked(changes);
      let slug = current.slug;
      if (requested !== undefined && requested !== current.slug) {
        if (requested && (this.catalog.slugTaken(requested, current.id) || RESERVED_SLUGS.has(requested))) {
          fail('slug_taken', `The slug "${requested}" is already used by another article or by the site.`);
        }
        slug = requested;
      } else if (fields.headline !== undefined && fields.headline !== current.headline && isDerivedSlug(current)) {
        slug = fields.headline ? uniqueSlug(slugify(fields.headline), (s) => this.catalog.slugTaken(s, current.id)) : '';
      }
      // Comments and suggested edits are made in one's own name only; in a library with profiles, a
      // call that names none (or one that does not exist) may make none.
      const profile = this.profileOf(context);
      const me = profile ? { id: profile.id, name: profile.name } : this.catalog.settings.profiles.length ? { id: '', name: '' } : undefined;
      if (fields.comments !== undefined && !commentsBy(current.comments, fields.comments, me)) fail('forbidden', 'A comment is written or resolved only in your own name, and a comment once written is never changed or removed.');
      if (fields.suggestions !== undefined && me && !newSuggestionsBy(current.suggestions, fields.suggestions, me)) fail('forbidden', 'A suggested edit is made only in your own name.');
      // Who made which suggestion is kept while the body holds it (accepted and rejected ones go).
      const suggestions = keepInfoOf(fields.suggestions ?? current.suggestions, fields.body ?? current.body);
      const actor = this.actor(context);
      const next = applyChanges(current, { ...fields, suggestions, slug }, actor);
      await this.write(next, input.snapshot === true ? { kind: 'named', label: input.label ?? '' } : await this.autoSnapshot(current, actor), actor);
      this.sync?.noteEditing(next.id, actor.by);
      return next;
    });
  }

  async listArticles(input: ParsedInput<'listArticles'>, context: CallContext = {}): Promise<MethodOutput<'listArticles'>> {
    const offset = input.offset ?? 0;
    const end = offset + (input.limit ?? DEFAULT_PAGE);
    const byRelevance = Boolean(input.query?.trim()) && (input.sort === 'relevance' || !input.sort);
    // (In relevance order, a phrase's candidates are checked only as far as this page needs.)
    const { summaries, hit, unchecked } = await this.listed(input, context, byRelevance ? end : undefined);
    if (!this.search) this.beginSearchIn(SEARCH_AFTER_LIST_MS);
    const sort = input.sort === 'relevance' || (!input.sort && hit) ? (hit ? null : 'updated') : (input.sort ?? 'updated');
    let items: ArticleSummary[];
    if (sort === null) items = summaries.slice(offset, end);
    else {
      const queryContext = this.queryContext(context);
      const compare = comparer(sort, input.direction, queryContext);
      const key = hit ? null : orderKey(input, queryContext, sort, input.direction);
      const cached = key && this.sortedList?.key === key && this.sortedList.generation === this.catalog.generation ? this.sortedList.items : null;
      if (cached) items = cached.slice(offset, end);
      else if (summaries.length >= PICK_FROM && end * 4 < summaries.length) {
        // A page near the top of a large library: the first `end` picked with a bounded heap (a
        // fraction of sorting 100,000 summaries).
        const first = new FixedReverseHeap<ArticleSummary>(Array, compare, end);
        for (const item of summaries) first.push(item);
        items = (first.consume() as ArticleSummary[]).slice(offset);
      } else {
        const sorted = summaries.sort(compare);
        // Kept while the catalog stays the same: scrolling on through a large library sorts once.
        if (key) this.sortedList = { key, generation: this.catalog.generation, items: sorted };
        items = sorted.slice(offset, end);
      }
    }
    if (!hit) return { total: summaries.length, items };
    return { total: summaries.length, items, snippets: await this.snippetsOf(items, hit), ...(unchecked ? { approximate: true } : {}) };
  }

  async listArticleIds(input: ParsedInput<'listArticleIds'>, context: CallContext = {}): Promise<MethodOutput<'listArticleIds'>> {
    const { summaries } = await this.listed(input, context);
    return { ids: summaries.map((summary) => summary.id) };
  }

  async getSearchStatus(_input: ParsedInput<'getSearchStatus'>): Promise<MethodOutput<'getSearchStatus'>> {
    return { state: this.searchReady ? 'ready' : 'building', ...this.searchProgress };
  }

  /**
   * Bulk changes on a selection (the library's toolbar): every article is changed as its own
   * save would change it — the workflow's moves and the caller's permissions apply one by one —
   * and the writes go together (one journal flush, several at a time). What could not be changed
   * is reported with why; the rest is changed.
   */
  updateArticles(input: ParsedInput<'updateArticles'>, context: CallContext = {}): Promise<MethodOutput<'updateArticles'>> {
    return this.exclusive(async () => {
      const result: MethodOutput<'updateArticles'> = { changed: 0, unchanged: 0, failed: [] };
      if (input.section !== undefined && input.section !== '' && !this.catalog.settings.sections.some((section) => section.slug === input.section)) {
        fail('invalid_input', `There is no section "${input.section}" in Settings.`);
      }
      const actor = this.actor(context);
      const changes: Array<{ id: string; next: Article; snapshot: SnapshotReason | null }> = [];
      await pMap(
        [...new Set(input.ids)],
        async (id) => {
          try {
            const current = await this.load(id);
            const next = this.bulkChanged(current, input, context, actor);
            if (next === current) result.unchanged++;
            else changes.push({ id, next, snapshot: next.status !== current.status ? { kind: 'status' } : null });
          } catch (error) {
            const headline = this.catalog.get(id)?.headline ?? '';
            if (error instanceof ApiFailure) result.failed.push({ id, headline, code: error.code, message: error.message });
            else throw error;
          }
        },
        { concurrency: ARTICLES_AT_ONCE },
      );
      if (changes.length) {
        await this.writeMany(
          changes.map((change) => change.id),
          changes.map((change) => (batch: WriteBatch) => this.write(change.next, change.snapshot, actor, batch)),
        );
      }
      result.changed = changes.length;
      return result;
    });
  }

  /** One article with a bulk action's changes, refused (ApiFailure) where its own save or move would be. */
  private bulkChanged(current: Article, input: ParsedInput<'updateArticles'>, context: CallContext, actor: Actor): Article {
    let next = current;
    if (input.trashed !== undefined) {
      this.guard(context, 'spike', current);
      if (current.status === 'published') this.guard(context, 'publish');
      next = setTrashed(next, input.trashed, actor);
    }
    const fields: Partial<ArticleFields> = {};
    if (input.section !== undefined && input.section !== current.section) fields.section = input.section;
    if (input.addTags?.length || input.removeTags?.length) {
      const removing = new Set((input.removeTags ?? []).map((tag) => fold(tag)));
      const tags = current.tags.filter((tag) => !removing.has(fold(tag)));
      for (const tag of input.addTags ?? []) if (!tags.some((kept) => fold(kept) === fold(tag))) tags.push(tag.trim());
      if (tags.length > LIMITS.tags) fail('invalid_input', `An article has at most ${LIMITS.tags} tags.`);
      if (tags.join('\n') !== current.tags.join('\n')) fields.tags = tags;
    }
    if (Object.keys(fields).length) {
      if (current.status === 'published') this.guard(context, 'publish');
      next = applyChanges(next, fields, actor);
    }
    if (input.status !== undefined && input.status !== current.status) {
      const transition = transitionOf(current.status, input.status);
      if (!transition) fail('invalid_input', `The workflow has no move from ${current.status} to ${input.status}.`);
      if (transition.needs) this.guard(context, transition.needs, current);
      if (input.status === 'published') {
        if (!canPublish(next)) fail('invalid_input', 'An article needs a headline (and so a slug) before it is published.');
        this.refuseChecklistErrors(next);
      }
      next = changeStatus(next, input.status, actor);
    }
    return next === current ? current : { ...next, revision: current.revision + 1 };
  }

  /** The listing context of a call: now, the library's time zone, the caller, the profiles and sections. */
  private queryContext(context: CallContext): QueryContext {
    const settings = this.catalog.settings;
    const names = new Map(settings.sections.map((section) => [section.slug, section.name]));
    return { now: this.now(), timeZone: settings.timeZone, me: this.profileOf(context)?.id, profiles: settings.profiles, sectionName: (slug) => names.get(slug) ?? '' };
  }

  /**
   * The summaries a query lists, unsorted, or best first for a search (with what the search
   * found). Until the full-text index is ready, a search looks at headlines and slugs only.
   */
  private async listed(
    input: LibraryQuery,
    context: CallContext,
    /** Enough checked for this many first results (best first), the rest counted unchecked; all when absent. */
    needed?: number,
  ): Promise<{ summaries: ArticleSummary[]; hit: QueryHit | null; unchecked: number }> {
    const listedHere = matcher(input, this.queryContext(context));
    const text = input.query?.trim() ? input.query : '';
    if (!text) return { summaries: [...this.catalog.values()].filter(listedHere), hit: null, unchecked: 0 };
    const headlines = () => {
      const needle = fold(text.trim());
      const found = [...this.catalog.values()].filter((s) => listedHere(s) && (fold(s.headline).includes(needle) || s.slug.includes(needle)));
      return { summaries: found, hit: { query: parseQuery(text), alternatives: [] }, unchecked: 0 };
    };
    if (!this.search || !this.searchReady) {
      this.beginSearch();
      return headlines();
    }
    // (When the index's thread has stopped, it is being started again: meanwhile headlines are searched.)
    const hit = await this.search.search(text).catch(() => null);
    if (!hit) return headlines();
    const summaries: ArticleSummary[] = [];
    for (const slot of hit.slots) {
      const summary = this.summaryOfSlot(slot);
      if (summary && listedHere(summary)) summaries.push(summary);
    }
    if (!hit.query.phrases.length) return { summaries, hit, unchecked: 0 };
    // Quoted words must stand together: checked in the headline (in memory), else in the
    // article's text (the index knows only that the words are there). A common phrase in a large
    // library has thousands of candidates: a page asks only for enough of them, best first.
    const { phrases } = hit.query;
    const holds = (text: string) => phrases.every((phrase) => hasPhrase(text, phrase));
    const kept: ArticleSummary[] = [];
    let at = 0;
    while (at < summaries.length && (needed === undefined || kept.length < needed)) {
      const batch = summaries.slice(at, at + PHRASE_BATCH);
      at += batch.length;
      const checked = await pMap(
        batch,
        async (summary) => {
          if (holds(summary.headline)) return summary;
          const doc = await this.searchDocFor(summary.id);
          return doc && holds(searchText(doc)) ? summary : null;
        },
        { concurrency: ARTICLES_AT_ONCE },
      );
      for (const summary of checked) if (summary) kept.push(summary);
    }
    return { summaries: [...kept, ...summaries.slice(at)], hit, unchecked: summaries.length - at };
  }

  private summaryOfSlot(slot: number): ArticleSummary | undefined {
    return (this.slotSummaries[slot] ??= this.catalog.get(this.search!.idOf(slot)));
  }

  private forgetSlotSummary(id: string): void {
    const slot = this.search?.slotOf(id);
    if (slot !== undefined) this.slotSummaries[slot] = undefined;
  }

  /** An article's text as the index reads it (null when it cannot be read). */
  private async searchDocFor(id: string): Promise<SearchDoc | null> {
    // (A file that is not even JSON is left for a checked read to deal with: not from the background.)
    const json = await this.store.readUnchecked(id).catch(() => undefined);
    if (json === undefined) return null;
    return searchDocOfUnchecked(json) ?? this.store.read(id).then(searchDocOf, () => null);
  }

  /** Where each listed article matched a search: up to two pieces of text, the hits marked. */
  private async snippetsOf(items: readonly ArticleSummary[], hit: QueryHit): Promise<Record<string, SearchSnippet[]>> {
    const { words, phrases, lastIsPartial } = hit.query;
    const prefixes = lastIsPartial ? [words[words.length - 1]!] : [];
    const whole = lastIsPartial ? words.slice(0, -1) : words;
    const found = [...whole, ...hit.alternatives];
    const entries = await pMap(items, async (summary) => {
      const doc = await this.searchDocFor(summary.id);
      if (!doc) return [summary.id, []] as const;
      const fields: Array<[SearchSnippet['field'], string]> = [
        ['headline', doc.headline],
        ['sapo', doc.sapo],
        ['body', doc.body],
        ['caption', doc.captions.join(' · ')],
        ['byline', doc.byline],
        ['tags', doc.tags.join(', ')],
      ];
      const snippets: SearchSnippet[] = [];
      for (const [field, text] of fields) {
        if (!text || snippets.length >= 2) continue;
        const hits = findWordHits(text, found, prefixes, phrases, SNIPPET_REACH);
        if (hits.length === 0) continue;
        snippets.push({ field, ...snippetAround(text, hits) });
      }
      return [summary.id, snippets] as const;
    }, { concurrency: ARTICLES_AT_ONCE });
    return Object.fromEntries(entries);
  }

  async listTags(_input: ParsedInput<'listTags'>) {
    const counts = new Map<string, { tag: string; count: number }>();
    for (const summary of this.catalog.values()) {
      if (summary.trashedAt !== null) continue;
      for (const tag of summary.tags) {
        const key = fold(tag);
        const entry = counts.get(key) ?? { tag, count: 0 };
        entry.count++;
        counts.set(key, entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || compareVietnamese(a.tag, b.tag));
  }

  trashArticle(input: ParsedInput<'trashArticle'>, context: CallContext = {}): Promise<ArticleSummary> {
    return this.trashed(input.id, true, context);
  }

  restoreArticle(input: ParsedInput<'restoreArticle'>, context: CallContext = {}): Promise<ArticleSummary> {
    return this.trashed(input.id, false, context);
  }

  /**
   * Keeps an image's original (its location taken out first when Settings say so) once sharp has
   * read it, and starts making its derivatives in the background.
   */
  importAsset(input: ParsedInput<'importAsset'>): Promise<MethodOutput<'importAsset'>> {
    return this.exclusive(async () => {
      const bytes = Buffer.from(input.dataBase64, 'base64');
      const limit = this.catalog.settings.maxImageMB;
      if (bytes.length > limit * 1024 * 1024) fail('image_too_large', `${limit}`);
      checkImageBytes(bytes);
      const info = await this.images.inspect(bytes).catch(() => fail('image_unreadable', 'The image could not be read: the file may be damaged or incomplete.'));
      const transform = this.catalog.settings.stripLocationFromOriginals ? this.stripLocation : undefined;
      const stored = await this.assets.store(bytes, transform);
      this.images.prepare(stored.assetId, info);
      this.sync?.noteAsset(stored.assetId);
      return { ...stored, width: info.width, height: info.height };
    });
  }

  async getImageInfo(input: ParsedInput<'getImageInfo'>) {
    return { images: Object.fromEntries(await this.images.infoOf(input.assetIds)) };
  }

  async getImageProgress(_input: ParsedInput<'getImageProgress'>) {
    return this.images.progress();
  }

  private readonly stripLocation: AssetTransform = async (bytes, type) => (await stripLocation(bytes, type)).bytes;

  setStatus(input: ParsedInput<'setStatus'>, context: CallContext = {}): Promise<Article> {
    return this.exclusive(async () => {
      const current = await this.loadAt(input.id, input.baseRevision);
      if (current.status !== input.status) {
        const transition = transitionOf(current.status, input.status);
        if (!transition) fail('invalid_input', `The workflow has no move from ${current.status} to ${input.status}.`);
        if (transition.needs) this.guard(context, transition.needs, current);
      }
      if (input.status === 'published' && current.status !== 'published') {
        if (!canPublish(current)) fail('invalid_input', 'An article needs a headline (and so a slug) before it is published.');
        this.refuseChecklistErrors(current);
      }
      const actor = this.actor(context);
      const next = changeStatus(current, input.status, actor, input.note);
      if (next !== current) await this.write(next, { kind: 'status' }, actor);
      return next;
    });
  }

  async listRevisions(input: ParsedInput<'listRevisions'>) {
    return this.exclusive(async () => {
      const current = await this.load(input.id);
      const entries = await this.store.revisions.entries(current.id, current.revision);
      return { current: current.revision, entries: [...entries].reverse() };
    });
  }

  getRevision(input: ParsedInput<'getRevision'>): Promise<Article> {
    return this.exclusive(async () => {
      await this.load(input.id);
      return this.loadRevision(input.id, input.revision);
    });
  }

  /** A kept revision's text and fields brought back as a new revision; status, slug (unless it follows the headline), assignee and deadline stay. */
  restoreRevision(input: ParsedInput<'restoreRevision'>, context: CallContext = {}): Promise<Article> {
    return this.exclusive(async () => {
      const current = await this.loadAt(input.id, input.baseRevision);
      const old = await this.loadRevision(input.id, input.revision);
      const { headline, sapo, byline, section, tags, featuredImage, body, related } = old;
      const fields = this.checked({ headline, sapo, byline, section, tags, featuredImage, body, related });
      const slug = headline !== current.headline && isDerivedSlug(current) && headline ? uniqueSlug(slugify(headline), (s) => this.catalog.slugTaken(s, current.id)) : current.slug;
      if (current.status === 'published') this.guard(context, 'publish');
      if (byline !== current.byline) this.guard(context, 'editOthersByline', current);
      // Comments stay as they are (the editor finds their text again); who made the restored body's suggestions comes back with it.
      const known = new Set(current.suggestions.map((entry) => String(entry.id)));
      const suggestions = keepInfoOf([...current.suggestions, ...old.suggestions.filter((entry) => !known.has(String(entry.id)))], body);
      const actor = this.actor(context);
      const next = applyChanges(current, { ...fields, suggestions, slug }, actor);
      // A published article stays published: what comes back must pass the checklist.
      if (next.status === 'published') this.refuseChecklistErrors(next);
      // The text being replaced is kept first (for ever, like a named version): nothing is lost.
      await this.keepSnapshot(current, { kind: 'replaced' }, actor);
      await this.write(next, { kind: 'restore', restoredFrom: input.revision }, actor);
      return next;
    });
  }

  /** Keeps the exported revision in the history, if it is still the one saved (null when it is not). */
  recordExport(input: ParsedInput<'recordExport'>, context: CallContext = {}) {
    return this.exclusive(async () => {
      const current = await this.load(input.id);
      return current.revision === input.revision ? this.keepSnapshot(current, { kind: 'export' }, this.actor(context)) : null;
    });
  }

  async getChecklist(input: ParsedInput<'getChecklist'>) {
    const saved = await this.getArticle({ id: input.id });
    const findings = this.checklist({ ...saved, ...input.changes });
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    return { findings, errors, warnings: findings.length - errors };
  }

  async getPageNeighbours(input: ParsedInput<'getPageNeighbours'>) {
    const saved = await this.getArticle({ id: input.id });
    return this.publisher.neighbours({ id: saved.id, section: input.section ?? saved.section, tags: input.tags ?? saved.tags, related: input.related ?? saved.related });
  }

  async getExportProgress(_input: ParsedInput<'getExportProgress'>) {
    return this.publisher.getProgress();
  }

  exportSite(input: ParsedInput<'exportSite'>): Promise<MethodOutput<'exportSite'>> {
    return this.publisher.exportSite(input);
  }

  async exportArticleFolder(input: ParsedInput<'exportArticleFolder'>, context: CallContext = {}) {
    const article = await this.getArticle({ id: input.id });
    const result = await this.publisher.exportArticleFolder(article, input.outDir, input.rememberParent ?? false);
    await this.exclusive(async () => {
      const current = await this.load(article.id);
      if (current.revision === article.revision) await this.keepSnapshot(current, { kind: 'export' }, this.actor(context));
    });
    return result;
  }

  // ---- bundles (.newsdesk) ---------------------------------------------------------------

  /**
   * Hashes of the article itself (first) and of the versions of it this library has sent
   * (sent.json; its "exported" snapshots, from an export or from sends before sent.json) or
   * received (its "received" snapshots).
   */
  private async knownHashes(article: Article, { received = false }: { received?: boolean } = {}): Promise<string[]> {
    const hashes = new Set([articleHash(article)]);
    for (const entry of await this.sent.of(article.id)) hashes.add(entry.hash);
    for (const entry of await this.store.revisions.entries(article.id, article.revision)) {
      // A version received in conflict was had here (receiving it again changes nothing), but it is
      // not an ancestor of this library's text: it is never offered as one to others.
      const conflict = entry.kind === 'conflict' && received && entry.restoredFrom !== undefined;
      if (entry.kind !== 'export' && entry.kind !== 'import' && !conflict) continue;
      // (A snapshot of the revision the article is at is the article itself, hashed above.)
      if (entry.revision === article.revision) continue;
      const snapshot = await this.store.revisions.read(article.id, entry.revision).catch(() => null);
      // (A conflict snapshot is kept under a revision of this library: its hash is of the version as received.)
      if (snapshot) hashes.add(articleHash(conflict ? { ...snapshot, revision: entry.restoredFrom! } : snapshot));
    }
    return [...hashes];
  }

  /**
   * The suggested edits of the version two copies of an article parted from: the newest this
   * library sent or received whose hash the incoming copy knows (null when there is none, or its
   * snapshot is gone).
   */
  private async partedFrom(article: Article, known: readonly string[]): Promise<SuggestionId[] | null> {
    const theirs = new Set(known);
    const sent = [...(await this.sent.of(article.id))].reverse().find((entry) => theirs.has(entry.hash));
    if (sent) return sent.suggestions;
    const entries = await this.store.revisions.entries(article.id, article.revision);
    for (const entry of [...entries].reverse()) {
      if (entry.kind !== 'export' && entry.kind !== 'import') continue;
      const snapshot = await this.store.revisions.read(article.id, entry.revision).catch(() => null);
      if (snapshot && theirs.has(articleHash(snapshot))) return suggestionIds(snapshot.body);
    }
    return null;
  }

  /**
   * What receiving a version needs of the profile, as if it had been done here: each workflow
   * step between the two statuses, another's byline, the trash (spike), and publishing when what
   * is live changes.
   */
  private guardReceived(context: CallContext, incoming: Article, local: Article | null): void {
    const from = local?.status ?? 'draft';
    if (incoming.status !== from) {
      const path = workflowPath(from, incoming.status) ?? [incoming.status];
      let at = from;
      for (const step of path) {
        const needs = transitionOf(at, step)?.needs;
        if (needs) this.guard(context, needs, local ?? incoming);
        at = step;
      }
    }
    if (local && incoming.byline !== local.byline) this.guard(context, 'editOthersByline', local);
    if ((incoming.trashedAt !== null) !== (local ? local.trashedAt !== null : false)) this.guard(context, 'spike', local ?? incoming);
    if (incoming.status === 'published' || local?.status === 'published') this.guard(context, 'publish');
  }

  /** The bundle of the given articles (or all not in the trash); each version sent is remembered (sent.json): the point the two libraries part from. */
  async bundleBytes(ids: readonly string[] | undefined, context: CallContext = {}): Promise<{ bytes: Buffer; articles: number; assets: number }> {
    return this.exclusive(async () => {
      const chosen = ids ?? [...this.catalog.values()].filter((summary) => summary.trashedAt === null).map((summary) => summary.id);
      const actor = this.actor(context);
      // Several articles read at a time.
      const articles = await pMap(
        [...new Set(chosen)],
        async (id) => {
          const article = await this.load(id);
          const known = await this.knownHashes(article);
          return { article, known, hash: known[0]! };
        },
        { concurrency: ARTICLES_AT_ONCE },
      );
      const assetIds = [...new Set(articles.flatMap(({ article }) => imagesOf(article)))].filter((assetId) => this.assets.has(assetId));
      const assets = new Map(await pMap(assetIds, async (assetId) => [assetId, await readFile(join(this.assetsDir, assetId))] as const, { concurrency: ARTICLES_AT_ONCE }));
      const bytes = await writeBundle({ articles, assets, createdBy: actor.by, app: this.options.appVersion ?? '0.0.0', now: this.now() });
      // Bookkeeping that cannot be written never costs the bundle (the next exchange may then report a conflict where it could have updated).
      await this.sent
        .record(articles.map(({ article, hash }) => ({ id: article.id, revision: article.revision, hash, suggestions: suggestionIds(article.body), at: actor.at })))
        .catch(() => undefined);
      return { bytes, articles: articles.length, assets: assets.size };
    });
  }

  async exportBundle(input: ParsedInput<'exportBundle'>, context: CallContext = {}): Promise<MethodOutput<'exportBundle'>> {
    const { bytes, articles, assets } = await this.bundleBytes(input.ids, context);
    const single = input.ids?.length === 1 ? this.catalog.get(input.ids[0]!)?.slug : undefined;
    const fileName = `${single || `newsdesk-${this.now().toISOString().slice(0, 10)}`}${BUNDLE_EXTENSION}`;
    return { fileName, dataBase64: bytes.toString('base64'), articles, assets, bytes: bytes.length };
  }

  async importBundle(input: ParsedInput<'importBundle'>, context: CallContext = {}): Promise<BundleSummary> {
    return this.importBundleBytes(Buffer.from(input.dataBase64, 'base64'), context);
  }

  /**
   * Merges a bundle by article id: a new id is added; a copy here that the incoming one descends
   * from (its hash is among the incoming's known versions) is replaced, kept as a version; an
   * incoming one this library already had (or has) is left; both changed since they parted → this
   * library's stays, merged with the incoming's comments (by their ids), and the incoming is kept
   * as a version marked as a conflict. The whole bundle is read and checked, and every decision
   * (permissions included) made, before anything is written.
   */
  async importBundleBytes(bytes: Buffer, context: CallContext = {}): Promise<BundleSummary> {
    const bundle = await readBundle(bytes, (assetId) => this.assets.has(assetId)).catch((error: unknown) => {
      if (error instanceof BundleRefusedError) fail('bundle_refused', error.message);
      throw error;
    });
    return this.exclusive(async () => {
      const summary: BundleSummary = { added: [], updated: [], conflicts: [], unchanged: [], renamed: [], images: 0 };
      const known = new Map(bundle.manifest.articles.map((entry) => [entry.id, entry]));
      type Plan = { kind: 'add' | 'update' | 'conflict'; incoming: Article; local: Article | null; parted?: SuggestionId[] | null };
      const plans: Plan[] = [];
      for (const incoming of bundle.articles) {
        const local = this.catalog.get(incoming.id) ? await this.load(incoming.id) : null;
        if (!local) {
          plans.push({ kind: 'add', incoming, local });
          continue;
        }
        const localHash = articleHash(local);
        const incomingHash = articleHash(incoming);
        // (Left as it is here: named as it is here.)
        if (localHash === incomingHash || (await this.knownHashes(local, { received: true })).includes(incomingHash)) summary.unchanged.push({ id: local.id, headline: local.headline });
        else if (known.get(incoming.id)!.known.includes(localHash)) plans.push({ kind: 'update', incoming, local });
        else plans.push({ kind: 'conflict', incoming, local, parted: await this.partedFrom(local, known.get(incoming.id)!.known) });
      }
      // Receiving does nothing the profile could not do here (a conflict changes only the comments here).
      for (const plan of plans) if (plan.kind !== 'conflict') this.guardReceived(context, plan.incoming, plan.local);
      // Images new to the library must be readable images (sharp reads them) before anything is written.
      const newImages: Array<{ data: Buffer; info: Awaited<ReturnType<ImagePipeline['inspect']>> }> = [];
      for (const [assetId, data] of bundle.assets) {
        if (this.assets.has(assetId)) continue;
        const info = await this.images.inspect(data).catch(() => fail('bundle_refused', `bad_image: assets/${assetId}`));
        newImages.push({ data, info });
      }
      for (const { data, info } of newImages) {
        const stored = await this.assets.store(data);
        this.images.prepare(stored.assetId, info);
        this.sync?.noteAsset(stored.assetId);
        summary.images++;
      }
      const actor = this.actor(context);
      // Slugs first, in the bundle's order (the writes then run several at a time): one taken
      // here, by another incoming article or by a page of the site gets a number.
      const claimed = new Set<string>();
      const taken = (slug: string, id: string) => claimed.has(slug) || this.catalog.slugTaken(slug, id) || RESERVED_SLUGS.has(slug);
      const writes = plans.map((plan) => {
        let incoming = plan.incoming;
        const ref = { id: incoming.id, headline: incoming.headline };
        if (plan.kind !== 'conflict' && incoming.slug) {
          if (taken(incoming.slug, incoming.id)) {
            incoming = { ...incoming, slug: uniqueSlug(incoming.slug, (slug) => taken(slug, incoming.id)) };
            summary.renamed.push(ref);
          }
          claimed.add(incoming.slug);
        }
        if (plan.kind === 'add') {
          summary.added.push(ref);
          return (batch: WriteBatch) => this.write(incoming, { kind: 'import' }, actor, batch);
        }
        if (plan.kind === 'update') {
          summary.updated.push(ref);
          return async (batch: WriteBatch) => {
            await this.keepSnapshot(plan.local!, { kind: 'replaced' }, actor, batch);
            await this.write(incoming, { kind: 'import' }, actor, batch);
          };
        }
        const local = plan.local!;
        summary.conflicts.push({ id: local.id, headline: local.headline });
        return async (batch: WriteBatch) => {
          // This copy stays, with the incoming's comments and (where their paragraph reads the same here) suggested edits merged in by their ids.
          const { body, suggestions } = mergeSuggestions(local, incoming, plan.parted ?? undefined);
          const next: Article = { ...local, body, suggestions, comments: mergeThreads(local.comments, incoming.comments), revision: local.revision + 2, updatedAt: actor.at };
          await this.write(next, null, actor, batch);
          const kept = { ...incoming, revision: local.revision + 1 };
          await this.store.revisions.keep(kept, { replace: true, deferred: batch.deferred });
          // restoredFrom: the revision it had where it came from (its hash, as received, is known again from it).
          await this.store.revisions.record(kept, { kind: 'conflict', label: bundle.manifest.createdBy, restoredFrom: incoming.revision }, actor.by, batch.deferred);
        };
      });
      await this.writeMany(
        plans.map((plan) => plan.incoming.id),
        writes,
      );
      return summary;
    });
  }

  // ---- team sync (../sync/SyncService.ts) ------------------------------------------------

  private get syncing(): SyncService {
    if (!this.sync) fail('unavailable', 'The library is not open.');
    return this.sync;
  }

  getSyncStatus(_input: ParsedInput<'getSyncStatus'>): Promise<MethodOutput<'getSyncStatus'>> {
    return this.syncing.status();
  }

  saveSyncSettings(input: ParsedInput<'saveSyncSettings'>): Promise<MethodOutput<'saveSyncSettings'>> {
    return this.syncing.configure(input);
  }

  testSyncConnection(input: ParsedInput<'testSyncConnection'>): Promise<MethodOutput<'testSyncConnection'>> {
    return this.syncing.testConnection(input);
  }

  setSyncPaused(input: ParsedInput<'setSyncPaused'>): Promise<MethodOutput<'setSyncPaused'>> {
    return this.syncing.setPaused(input.paused);
  }

  syncNow(_input: ParsedInput<'syncNow'>): Promise<MethodOutput<'syncNow'>> {
    return this.syncing.syncNow();
  }

  getArticleSync(input: ParsedInput<'getArticleSync'>): Promise<MethodOutput<'getArticleSync'>> {
    return this.syncing.articleSync(input.id);
  }

  getSyncConflict(input: ParsedInput<'getSyncConflict'>): Promise<MethodOutput<'getSyncConflict'>> {
    return this.syncing.conflict(input.id);
  }

  /** Ends a sync conflict (the kept version, merged fields on top): what the calling profile could do by saving the article. */
  resolveSyncConflict(input: ParsedInput<'resolveSyncConflict'>, context: CallContext = {}): Promise<Article> {
    const actor = this.actor(context);
    const merged = input.merged ? this.checked(input.merged) : null;
    return this.syncing.resolve(
      input.id,
      input.keep,
      (chosen, revision) => {
        if (chosen.status === 'published') this.guard(context, 'publish');
        const next = merged ? applyChanges(chosen, merged, actor) : chosen;
        return { ...next, revision, updatedAt: actor.at };
      },
      input.keepOthersAsCopies === true,
    );
  }

  /** What the team sync needs of the library (../sync/SyncService.ts SyncLibrary). */
  private syncLibrary(): SyncLibrary {
    return {
      articleRevisions: () => [...this.catalog.values()].map((summary) => [summary.id, summary.revision] as [string, number]),
      readArticle: (id) => this.store.read(id).catch(() => null),
      receiveArticle: (received, by) =>
        this.exclusive(async () => {
          // Checked as a file read from disk is: a version this Newsdesk cannot read as it is (a
          // newer one's format, or damaged) is refused whole and nothing is written: repairing it
          // here would send the repair back to everyone as a change.
          const read = this.readReceived(received);
          // (The message starts with why, as SyncService reads it: `newer: …` or `damaged: …`.)
          if (read.kind === 'tooNew') fail('invalid_input', `newer: article format ${read.version}`);
          if (read.kind === 'unreadable') fail('invalid_input', `damaged: ${read.reason}`);
          if (read.repairs.length) fail('invalid_input', `damaged: ${[...new Set(read.repairs.map((repair) => repair.field))].join(', ')}`);
          const article = read.article;
          const current = this.catalog.get(article.id) ? await this.store.read(article.id).catch(() => null) : null;
          const actor: Actor = { at: this.now().toISOString(), by };
          // Received versions are kept in the history as autosaves are: one after a stretch of editing.
          const due = current ? await this.autoSnapshot(current, actor) : { kind: 'sync' as const };
          let incoming = article;
          // (A slug this library gave another article meanwhile: this one gets a number here.)
          if (incoming.slug && (this.catalog.slugTaken(incoming.slug, incoming.id) || RESERVED_SLUGS.has(incoming.slug))) {
            incoming = { ...incoming, slug: uniqueSlug(incoming.slug, (slug) => this.catalog.slugTaken(slug, incoming.id) || RESERVED_SLUGS.has(slug)) };
          }
          await this.write(incoming, due ? { kind: 'sync' } : null, actor);
        }),
      receiveNamedVersion: (received, named) =>
        this.exclusive(async () => {
          // (Asked again every round while it waits: nothing is read before it can be listed.)
          if (typeof received.id !== 'string' || typeof received.revision !== 'number') return 'refused';
          const summary = this.catalog.get(received.id);
          if (!summary || summary.revision < received.revision) return 'later';
          const read = this.readReceived(received);
          // (What another laptop says is checked as a history entry written here is.)
          const entry = receivedNameSchema.safeParse(named);
          if (read.kind !== 'ok' || read.repairs.length || !entry.success) return 'refused';
          const article = read.article;
          const { label, at, by } = entry.data;
          const entries = await this.store.revisions.entries(article.id, summary.revision);
          const kept = await this.loadRevision(article.id, article.revision).catch((error: { code?: unknown }) => (error.code === 'not_found' ? null : 'unreadable'));
          const hash = articleHash(article);
          if (kept === 'unreadable') return 'clash';
          if (kept) {
            // Kept here already (received and kept as a synced version, say): the name is added, once.
            if (articleHash(kept) !== hash) return 'clash';
            if (entries.some((entry) => entry.revision === article.revision && entry.kind === 'named' && entry.label === label)) return 'known';
          } else {
            // This revision is the article's own here: only the same text is listed as it.
            if (summary.revision === article.revision && articleHash(await this.store.read(article.id)) !== hash) return 'clash';
            await this.store.revisions.keep(article);
          }
          await this.store.revisions.recordAt(article, { kind: 'named', label, at }, by, summary.revision);
          return 'kept';
        }),
      addCopy: (article, by) =>
        this.exclusive(async () => {
          const actor: Actor = { at: this.now().toISOString(), by };
          const id = this.newId();
          const slug = article.headline ? uniqueSlug(slugify(article.headline), (s) => this.catalog.slugTaken(s, id) || RESERVED_SLUGS.has(s)) : '';
          const { id: _id, slug: _slug, revision: _revision, history: _history, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = article;
          const copy = newArticle({ id, slug, fields: { ...fields, status: 'draft' } as Partial<ArticleFields> }, actor);
          await this.write(copy, { kind: 'created' }, actor);
          return copy;
        }),
      assetIds: () => this.assets.all(),
      hasAsset: (assetId) => this.assets.has(assetId),
      readAsset: (assetId) => readFile(join(this.assetsDir, assetId)),
      receiveAsset: (assetId, bytes) =>
        this.exclusive(async () => {
          if (this.assets.has(assetId)) return;
          checkImageBytes(bytes);
          const info = await this.images.inspect(bytes);
          const stored = await this.assets.store(bytes);
          if (stored.assetId !== assetId) fail('invalid_input', `The image received as ${assetId} is not that image.`);
          this.images.prepare(stored.assetId, info);
        }),
      now: () => this.now(),
    };
  }

  // ---- unused images ("Dọn ảnh không dùng") ----------------------------------------------

  /** Images nothing shows: not an article (in the trash too), not a kept version of one, not the logo. */
  private async unusedImages(): Promise<Array<{ assetId: string; bytes: number }>> {
    const used = new Set<string>();
    if (this.catalog.settings.logoAssetId) used.add(this.catalog.settings.logoAssetId);
    const revisionsDir = join(this.options.dataDir, 'revisions');
    for (const summary of this.catalog.values()) {
      for (const assetId of imagesOf(await this.load(summary.id))) used.add(assetId);
      const files = await readdir(join(revisionsDir, summary.id)).catch(() => [] as string[]);
      for (const file of files) {
        const revision = /^([1-9][0-9]*)\.json$/.exec(file)?.[1];
        if (!revision) continue;
        const snapshot = await this.store.revisions.read(summary.id, Number(revision)).catch(() => null);
        if (snapshot) for (const assetId of imagesOf(snapshot)) used.add(assetId);
      }
    }
    const unused = this.assets.all().filter((assetId) => !used.has(assetId));
    return Promise.all(unused.map(async (assetId) => ({ assetId, bytes: (await stat(join(this.assetsDir, assetId))).size })));
  }

  listUnusedImages(_input: ParsedInput<'listUnusedImages'>): Promise<MethodOutput<'listUnusedImages'>> {
    return this.exclusive(async () => {
      const images = await this.unusedImages();
      return { images, bytes: images.reduce((sum, image) => sum + image.bytes, 0) };
    });
  }

  /** Removes the images asked for that are still unused now (checked again: one shown meanwhile stays), and their web copies. */
  removeUnusedImages(input: ParsedInput<'removeUnusedImages'>): Promise<MethodOutput<'removeUnusedImages'>> {
    return this.exclusive(async () => {
      const asked = new Set(input.assetIds);
      const derived = await readdir(this.images.derivedDir).catch(() => [] as string[]);
      let removed = 0;
      let bytes = 0;
      for (const image of await this.unusedImages()) {
        if (!asked.has(image.assetId)) continue;
        await this.assets.remove(image.assetId);
        const hash = image.assetId.slice(0, 64);
        for (const file of derived) if (file.startsWith(hash)) await unlink(join(this.images.derivedDir, file)).catch(() => undefined);
        removed++;
        bytes += image.bytes;
      }
      return { removed, bytes };
    });
  }

  async listFolders(input: ParsedInput<'listFolders'>) {
    const recent = this.catalog.settings.recentFolders;
    const places = await folderPlaces(this.options.dataDir, recent);
    return listFolder(input.path ?? places[0]?.path ?? homedir(), places);
  }

  createFolder(input: ParsedInput<'createFolder'>) {
    return this.exclusive(() => createFolder(input.parent, input.name));
  }

  // ---- the library's place (./moveLibrary.ts) --------------------------------------------------

  /** @internal tests: the move's hooks (a copy damaged before the check). */
  readonly mover: LibraryMover;

  /** After the library was copied elsewhere, writes would land in the folder left behind: refused until a restart. */
  refusedWrites(): { code: 'library_moved'; message: string } | null {
    return this.mover.movedTo ? { code: 'library_moved', message: this.mover.movedTo } : null;
  }

  async getLibraryLocation(_input: ParsedInput<'getLibraryLocation'>) {
    return this.mover.location();
  }

  async getMoveProgress(_input: ParsedInput<'getMoveProgress'>) {
    return this.mover.getProgress();
  }

  /** Every other write waits meanwhile, so the copy is the library as it is. */
  moveLibrary(input: ParsedInput<'moveLibrary'>) {
    return this.exclusive(() => moveFailure(() => this.mover.move(input.target)));
  }

  removeOldLibrary(_input: ParsedInput<'removeOldLibrary'>) {
    return this.exclusive(() => moveFailure(() => this.mover.removePrevious()));
  }

  async getSettings(_input: ParsedInput<'getSettings'>): Promise<Settings> {
    return this.catalog.settings;
  }

  saveSettings(input: ParsedInput<'saveSettings'>, context: CallContext = {}): Promise<Settings> {
    return this.exclusive(async () => {
      const parsed = settingsSchema.safeParse({ ...this.catalog.settings, ...input.changes });
      if (!parsed.success) fail('invalid_input', parsed.error.issues[0]?.message ?? 'invalid settings');
      // Roles and the policy are the chief editor's (once the library has profiles); anyone may add a profile.
      if (changesWhoMayDoWhat(this.catalog.settings, parsed.data) && this.profileOf(context)?.role !== 'chief_editor') {
        fail('forbidden', 'Only a chief editor may change profiles or the policy, or add an editor.');
      }
      const stripNow = parsed.data.stripLocationFromOriginals && !this.catalog.settings.stripLocationFromOriginals;
      await this.catalog.saveSettings(parsed.data);
      if (stripNow) this.stripOriginals();
      return parsed.data;
    });
  }

  /**
   * Takes the location out of every original already in the library, one image at a time between
   * other writes. An original is replaced only by a copy that differs from it in its metadata alone.
   */
  private stripOriginals(): void {
    for (const assetId of this.assets.all()) {
      void this.exclusive(async () => {
        const path = join(this.assetsDir, assetId);
        const bytes = await readFile(path);
        const type = imageTypeOf(bytes);
        if (!type) return;
        const result = await stripLocation(bytes, type);
        if (result.changed) await writeFileAtomic(path, result.bytes);
      }).catch(() => undefined);
    }
  }

  /**
   * Resolves once nothing is being written and nothing is waiting to be (the deferred rewrite of
   * library.json is done now rather than later): the folder then stays as it is until the next
   * call. For tests that compare the folder, and for anyone about to copy it.
   */
  async whenIdle(): Promise<void> {
    this.beginSearch();
    await this.searchWork;
    await this.images.whenIdle();
    await this.queue.idle();
    while (this.catalog.pending && !this.disposed) {
      await this.queue.run(() => this.catalog.compact()).catch(() => undefined);
      await this.queue.idle();
    }
  }

  /** Waits for pending writes, writes the catalog and unlocks the library; later calls are refused. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.closing = true;
    await this.sync?.close();
    await this.images.close();
    await this.exclusive(async () => {
      await this.catalog.close();
      if (this.searchTimer) clearInterval(this.searchTimer);
      await this.searchWork.catch(() => undefined);
      if (this.searchStartTimer) clearTimeout(this.searchStartTimer);
      if (this.search?.dirty) await this.saveSearch();
      await this.search?.close();
      this.disposed = true;
      this.queue.close();
      await this.lock?.release();
    });
  }

  // ---- internals -----------------------------------------------------------------------------

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(task);
  }

  /**
   * Fields as they come through the API (already in the article's form: the contract's schema saw
   * to that), checked against the library: every photo's image must be in it. A body that shows
   * an image the library does not have is refused (invalid_input), never stored changed.
   */
  private checked<F extends Partial<ArticleFields>>(fields: F): F {
    const images = [...(fields.featuredImage ? [fields.featuredImage.assetId] : []), ...(fields.body ? bodyAssetIds(fields.body) : [])];
    const missing = images.filter((id) => !this.assets.has(id));
    if (missing.length) fail('invalid_input', `Photos whose image is not in the library: ${missing.join(', ')}.`);
    return fields;
  }

  /** Writes an article and updates the catalog; `batch`: one of many written together (see writeMany). */
  private async write(article: Article, snapshot: SnapshotReason | null, actor: Actor, batch?: WriteBatch): Promise<void> {
    const intent = batch ? ('journaled' as const) : () => this.catalog.journal.intend(article.id);
    const writing = this.store.write(article, { snapshot, by: actor.by, intent, deferred: batch?.deferred });
    // The catalog's summary (its word count reads the whole text) is made while the disk writes.
    const summary = summarize(article);
    await writing;
    this.catalog.update(summary);
    this.sync?.noteWritten(article.id);
    if (snapshot) this.sync?.noteSnapshot(article, keptReason(snapshot, actor));
    if (batch) batch.written.push(article);
    else this.search?.add([searchDocOf(article)]);
  }

  /**
   * Indexes articles written together (a bundle received, a bulk action) after the call that
   * wrote them, a few at a time between other work; whenIdle waits for it.
   */
  private indexLater(articles: readonly Article[]): void {
    if (articles.length === 0) return;
    this.searchWork = this.searchWork.then(async () => {
      for (let i = 0; i < articles.length; i += 25) {
        await new Promise((resolve) => setImmediate(resolve));
        this.search?.add(articles.slice(i, i + 25).map(searchDocOf));
      }
    });
  }

  /**
   * Starts the index's thread and makes the index ready (prepareSearch). A thread that stops by
   * itself (out of memory, say) is started again — searches look at headlines meanwhile — a few
   * times a session at most.
   */
  /**
   * Starts the index (once): saves made before it are found stale by their revision and read
   * again from their files, so nothing needs to be indexed until then.
   */
  private beginSearch(): void {
    if (this.search || this.searchUnavailable || this.closing || this.disposed) return;
    if (this.searchStartTimer) clearTimeout(this.searchStartTimer);
    this.startSearch();
  }

  /**
   * Orders the list a window opens on (every article, the latest updated first) before the window
   * asks for it, while its page loads: at 100,000 articles, picking that first page was most of the
   * wait for the first rows. Kept like any sorted list, until the catalog changes.
   */
  private orderFirstList(): void {
    if (this.closing || this.disposed || this.sortedList) return;
    const input: LibraryQuery = { view: 'active' };
    const context = this.queryContext({});
    const summaries = [...this.catalog.values()].filter(matcher(input, context));
    // (A smaller library's first page is picked at once anyway.)
    if (summaries.length < PICK_FROM) return;
    const generation = this.catalog.generation;
    this.sortedList = { key: orderKey(input, context, 'updated', 'desc'), generation, items: summaries.sort(comparer('updated', 'desc', context)) };
  }

  /** Starts the index in `ms` at the latest (an earlier start already planned stays). */
  private beginSearchIn(ms: number): void {
    if (this.search || this.searchUnavailable || this.closing || this.disposed) return;
    const at = Date.now() + ms;
    if (this.searchStartTimer && this.searchStartAt <= at) return;
    if (this.searchStartTimer) clearTimeout(this.searchStartTimer);
    this.searchStartAt = at;
    this.searchStartTimer = setTimeout(() => this.beginSearch(), ms);
    this.searchStartTimer.unref();
  }

  private startSearch(): void {
    this.searchReady = false;
    this.slotSummaries = [];
    let thread: SearchThread;
    try {
      thread = new SearchThread(this.options.searchWorker, () => this.searchStopped());
    } catch (error) {
      // (A build without the index's thread: searches keep looking at headlines, and this says why, once.)
      this.searchUnavailable = true;
      console.error(error instanceof Error ? error.message : error);
      return;
    }
    this.search = thread;
    this.searchWork = this.prepareSearch().catch(() => undefined);
  }

  /** The index's thread stopped by itself: started again, a few times a session at most. */
  private searchStopped(): void {
    this.searchReady = false;
    if (this.closing || this.searchRestarts >= SEARCH_RESTARTS) return;
    this.searchRestarts++;
    this.searchWork = this.searchWork
      .catch(() => undefined)
      .then(() => {
        this.startSearch();
        return this.searchWork;
      });
  }

  /**
   * Makes the full-text index ready, in the background: the saved one, brought up to date with
   * the articles written since it was saved (by revision), or — missing, damaged or too far
   * behind — built again from every article file. Progress is counted for getSearchStatus; saves
   * made meanwhile go into the index being built (an older revision read later is ignored).
   */
  private async prepareSearch(): Promise<void> {
    const search = this.search!;
    if (this.searchTimer) clearInterval(this.searchTimer);
    // (Saves made while it loads are sent after the load: the thread indexes them into the loaded index.)
    const saved = await search.load(join(this.dataDir, SEARCH_FILE));
    const stale = [...this.catalog.values()].filter((summary) => search.revisionOf(summary.id) !== summary.revision).map((summary) => summary.id);
    search.remove([...search.indexedIds()].filter((id) => !this.catalog.get(id)));
    // A saved index that is mostly behind answers nothing useful meanwhile: searches look at headlines until it is rebuilt.
    this.searchReady = saved && stale.length < Math.max(50, this.catalog.size / 10);
    this.searchProgress = { done: 0, total: stale.length };
    for (let at = 0; at < stale.length && !this.closing; at += INDEX_BATCH) {
      const batch = stale.slice(at, at + INDEX_BATCH);
      const unread = await search.read(batch.map((id) => [id, this.store.path(id)]));
      // Files of an older form: read (and brought up to date) the checked way, here.
      for (const id of unread) {
        const doc = await this.store.read(id).then(searchDocOf, () => null);
        if (doc) search.add([doc]);
      }
      this.searchProgress = { done: at + batch.length, total: stale.length };
    }
    // Closed before it was done: what is indexed is saved (with its revisions) and the rest read next time.
    if (this.closing) return;
    // (The slot numbers are now the index's for the session: the summaries are found by them, a slice at a time between other work.)
    this.slotSummaries = [];
    for (let slot = 0; slot < search.slotCount && !this.closing; slot++) {
      if (slot % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
      this.summaryOfSlot(slot);
    }
    this.searchReady = true;
    this.searchProgress = { done: stale.length, total: stale.length };
    if (search.dirty) await this.saveSearch();
    this.searchTimer = setInterval(() => {
      if (search.dirty && !this.disposed) this.searchWork = this.searchWork.then(() => this.saveSearch());
    }, SEARCH_SAVE_MS);
    this.searchTimer.unref();
  }

  /** Saves the index (a failure to is only a cost at the next open: it is a cache). */
  private async saveSearch(): Promise<void> {
    await this.search?.save(join(this.dataDir, SEARCH_FILE)).catch(() => undefined);
  }

  /**
   * Many articles' writes (a bundle received): their ids journaled with one flush, then up to
   * ARTICLES_AT_ONCE written at a time (each article's files are its own) with the folders'
   * flushes left to the end, once per folder. Every write is let finish and every folder flushed
   * before this returns; the first failure is then thrown.
   */
  private async writeMany(ids: readonly string[], tasks: Array<(batch: WriteBatch) => Promise<void>>): Promise<void> {
    await this.catalog.journal.appendAll(ids);
    const batch: WriteBatch = { deferred: new Set(), written: [] };
    const results = await pMap(tasks, (task) => task(batch).then(() => null, (error: unknown) => ({ error })), { concurrency: ARTICLES_AT_ONCE });
    await flushFolders(batch.deferred);
    this.indexLater(batch.written);
    const failed = results.find((result) => result !== null);
    if (failed) throw failed.error;
  }

  /**
   * The snapshot an autosave keeps, if any: after ten minutes of editing since the last one. When
   * the saved state ended an earlier stretch of editing (a pause of ten minutes or more), that
   * state is kept first, as it was.
   */
  private async autoSnapshot(current: Article, actor: Actor): Promise<SnapshotReason | null> {
    const now = this.now();
    try {
      const entries = await this.store.revisions.entries(current.id, current.revision);
      if (sessionEndDue(entries, current.revision, current.updatedAt, now)) {
        this.stretchStarts.set(current.id, now.getTime());
        await this.keepSnapshot(current, { kind: 'auto', at: current.updatedAt }, actor);
        return null;
      }
      return autoSnapshotDue(entries, now, this.stretchStarts.get(current.id)) ? { kind: 'auto' } : null;
    } catch {
      // History that cannot be read or written never costs the save itself.
      this.store.revisions.forget(current.id);
      return null;
    }
  }

  /** A snapshot of the article as it is saved now (its file is not rewritten). */
  private async keepSnapshot(article: Article, reason: SnapshotReason, actor: Actor, batch?: WriteBatch) {
    await this.store.revisions.keep(article, { deferred: batch?.deferred });
    this.sync?.noteSnapshot(article, keptReason(reason, actor));
    // (The saved revision's syllables are in the catalog already.)
    const summary = this.catalog.get(article.id);
    return this.store.revisions.record(article, reason, actor.by, batch?.deferred, summary?.revision === article.revision ? summary.wordCount : undefined);
  }

  /** A version received from another laptop, checked as a file read from disk is (never repaired here). */
  private readReceived(received: Article) {
    return readArticle(JSON.parse(JSON.stringify(received)) as unknown, { id: received.id, now: this.now().toISOString(), hasAsset: (assetId) => this.assets.has(assetId) });
  }

  private async loadRevision(id: string, revision: number): Promise<Article> {
    try {
      return await this.store.revisions.read(id, revision);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') fail('not_found', `No snapshot of revision ${revision} is kept.`);
      if (error instanceof UnreadableFileError) fail('corrupt_file', `The snapshot of revision ${revision} could not be read: ${error.reason}`);
      if (error instanceof ArticleTooNewError) fail('too_new', error.message);
      throw error;
    }
  }

  /** Fails with checklist_failed, naming the rules, while the article has a checklist error. */
  private refuseChecklistErrors(article: Article): void {
    const errors = this.checklist(article).filter((finding) => finding.severity === 'error');
    if (errors.length) fail('checklist_failed', `The pre-publish checklist found ${errors.length} error(s): ${[...new Set(errors.map((f) => f.rule))].join(', ')}.`);
  }

  /** The pre-publish checklist of an article, with its section's rules (shared/review/checklist.ts). */
  private checklist(article: Article): Finding[] {
    const settings = this.catalog.settings;
    const config = checklistConfig(settings.checklist, settings.sections.find((section) => section.slug === article.section));
    return runChecklist(article, config, { slugTaken: (slug, id) => this.catalog.slugTaken(slug, id) });
  }

  private trashed(id: string, trashed: boolean, context: CallContext): Promise<ArticleSummary> {
    return this.exclusive(async () => {
      const current = await this.load(id);
      this.guard(context, 'spike', current);
      // A published article leaves (or comes back to) the site with it: that is publishing.
      if (current.status === 'published') this.guard(context, 'publish');
      const actor = this.actor(context);
      const next = setTrashed(current, trashed, actor);
      if (next !== current) await this.write(next, null, actor);
      return summarize(next);
    });
  }

  /** An article to change: refused as a conflict when it is not at the revision the change was based on. */
  private async loadAt(id: string, baseRevision: number): Promise<Article> {
    const current = await this.load(id);
    if (current.revision !== baseRevision) {
      fail('conflict', `The article was saved elsewhere (revision ${current.revision}, this copy is based on ${baseRevision}).`);
    }
    return current;
  }

  private async load(id: string): Promise<Article> {
    try {
      return await this.store.read(id);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.catalog.remove(id);
        this.search?.remove([id]);
        fail('not_found', `No article with id ${id}.`);
      }
      if (error instanceof UnreadableFileError) {
        this.catalog.remove(id);
        this.search?.remove([id]);
        fail('corrupt_file', `The article file could not be read and was moved aside: ${error.reason}`);
      }
      if (error instanceof ArticleTooNewError) fail('too_new', error.message);
      throw error;
    }
  }
}

/** A refused move as the API says it: `move_refused`, the reason first. */
async function moveFailure<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof MoveRefused) fail('move_refused', error.message);
    throw error;
  }
}
