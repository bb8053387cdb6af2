import { join } from 'node:path';
import { Low } from 'lowdb';
import { summarize, type ArticleSummary } from '../../shared/model/article';
import type { Settings } from '../../shared/model/settings';
import { CatalogJournal } from './catalogJournal';
import { AtomicJsonFile, UnreadableFileError } from './jsonAdapter';
import { emptyLibraryFile, LIBRARY_SCHEMA_VERSION, salvageLibraryFile, type LibraryFile } from './libraryFile';
import type { ArticleStore } from './articleStore';
import type { Problems } from './problems';

/** library.json is rewritten this long after the last change (and when the library closes). */
const COMPACT_DELAY_MS = 2000;

/** A library written by a newer Newsdesk: refused rather than damaged. */
export class LibraryTooNewError extends Error {
  constructor(
    readonly path: string,
    readonly version: number,
  ) {
    super(`${path} was written by a newer Newsdesk (format ${version}; this one reads up to ${LIBRARY_SCHEMA_VERSION}). Update Newsdesk to open it.`);
  }
}

/**
 * library.json (lowdb): the newsroom's settings and the catalog, one small summary per article,
 * with its intent journal (docs/storage.md). The catalog is kept in memory; a save appends to the
 * journal and library.json is rewritten a little later (compaction), so an autosave costs one
 * article's bytes. `pending` says whether a compaction is waiting.
 */
export class Catalog {
  private readonly summaries = new Map<string, ArticleSummary>();
  private readonly db: Low<LibraryFile>;
  private readonly adapter: AtomicJsonFile<LibraryFile>;
  readonly journal: CatalogJournal;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    dataDir: string,
    private readonly problems: Problems,
    /** Runs the deferred compaction in the library's write queue. */
    private readonly enqueue: (task: () => Promise<void>) => Promise<void>,
  ) {
    this.adapter = new AtomicJsonFile<LibraryFile>(join(dataDir, 'library.json'));
    this.db = new Low(this.adapter, emptyLibraryFile());
    this.journal = new CatalogJournal(join(dataDir, 'catalog-journal.jsonl'));
  }

  /**
   * Reads library.json as far as it can be trusted and brings the catalog in line with the
   * article files: all of them when library.json was missing or its catalog damaged, otherwise
   * those named in the journal and those the catalog does not know.
   */
  async open(store: ArticleStore): Promise<void> {
    const rebuild = await (this.loading ?? this.load());
    this.loading = null;
    const journaled = await this.journal.readIds();
    const changed = await this.reconcile(store, rebuild, journaled);
    if (rebuild || changed || journaled.size > 0 || this.problems.count > 0) await this.compact();
  }

  private loading: Promise<boolean> | null = null;

  /**
   * The first half of `open`, which may start before the article folder is ready (it reads only
   * library.json): the file read, salvaged where it must be, and the summaries taken in. Says
   * whether the catalog must be rebuilt from the article files.
   */
  startLoading(): void {
    this.loading ??= this.load();
    // (Awaited by open; a failure is its to report.)
    this.loading.catch(() => undefined);
  }

  /** When opening failed elsewhere: lets a load that started finish (its failure is not this one's) before the lock goes. */
  async settleLoading(): Promise<void> {
    await this.loading?.catch(() => undefined);
  }

  private async load(): Promise<boolean> {
    const path = this.adapter.path;
    let rebuild = false;
    try {
      const raw = await this.adapter.read();
      if (raw === null) rebuild = true;
      else {
        const salvaged = salvageLibraryFile(raw);
        if (salvaged.tooNew !== null) throw new LibraryTooNewError(path, salvaged.tooNew);
        this.db.data = salvaged.data;
        if (salvaged.problem) {
          // Keep the original beside the repaired file: nothing is thrown away.
          await this.problems.keepCopy(path, salvaged.problem, salvaged.fields.map((field) => ({ field, notes: [] })));
          rebuild = salvaged.catalogLost;
        }
      }
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      await this.problems.moveAside(path, error.reason);
      this.db.data = emptyLibraryFile();
      rebuild = true;
    }
    for (const summary of this.db.data.catalog) this.summaries.set(summary.id, summary);
    return rebuild;
  }

  private async reconcile(store: ArticleStore, full: boolean, journaled: ReadonlySet<string>): Promise<boolean> {
    const ids = await store.ids();
    let changed = false;
    if (full) this.summaries.clear();
    for (const id of ids) {
      if (this.summaries.has(id) && !journaled.has(id)) continue;
      this.summaries.delete(id);
      const article = await store.read(id).catch(() => null);
      if (article) {
        this.summaries.set(id, summarize(article));
        changed = true;
      }
    }
    for (const id of [...this.summaries.keys()]) {
      if (!ids.has(id)) {
        this.summaries.delete(id);
        changed = true;
      }
    }
    return changed;
  }

  get settings(): Settings {
    return this.db.data.settings;
  }

  /** New settings, written to library.json at once. */
  async saveSettings(settings: Settings): Promise<void> {
    this.db.data.settings = settings;
    await this.compact();
  }

  values(): IterableIterator<ArticleSummary> {
    return this.summaries.values();
  }

  get size(): number {
    return this.summaries.size;
  }

  get(id: string): ArticleSummary | undefined {
    return this.summaries.get(id);
  }

  /** The summaries as a map (read only), for pages that look articles up by id. */
  get byId(): ReadonlyMap<string, ArticleSummary> {
    return this.summaries;
  }

  slugTaken(slug: string, exceptId: string): boolean {
    for (const summary of this.summaries.values()) {
      if (summary.slug === slug && summary.id !== exceptId) return true;
    }
    return false;
  }

  /** After an article file was written (its journal entry first): its summary. */
  update(summary: ArticleSummary): void {
    this.summaries.set(summary.id, summary);
    this.generation++;
    this.changed?.(summary.id);
    this.schedule();
  }

  /** An article whose file is gone or was moved aside. */
  remove(id: string): void {
    if (this.summaries.delete(id)) {
      this.generation++;
      this.changed?.(id);
      this.schedule();
    }
  }

  /** Counts changes to the summaries (lists sorted earlier stay good while it stays the same). */
  generation = 0;
  /** Told of each article whose summary changed or went, once the catalog is open (for caches of summaries). */
  changed: ((id: string) => void) | null = null;

  /** Whether library.json is behind memory (a compaction is waiting). */
  get pending(): boolean {
    return this.dirty;
  }

  private schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.compact()).catch(() => undefined);
    }, COMPACT_DELAY_MS);
    this.timer.unref?.();
  }

  /** Writes library.json from memory; the journal's entries are then in it. */
  async compact(): Promise<void> {
    if (this.closed) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.db.data.catalog = [...this.summaries.values()];
    await this.db.write();
    await this.journal.clear();
    this.dirty = false;
  }

  /** Writes what is pending and closes the journal. */
  async close(): Promise<void> {
    if (this.dirty) await this.compact();
    if (this.timer) clearTimeout(this.timer);
    this.closed = true;
    await this.journal.close();
  }

}
