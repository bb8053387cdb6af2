import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { Low } from 'lowdb';
import type { NewsdeskService, ParsedInput, StorageProblem } from '../../shared/api/contract';
import {
  ARTICLE_SCHEMA_VERSION,
  articleSchema,
  summarize,
  type Article,
  type ArticleSummary,
} from '../../shared/model/article';
import { emptyBody } from '../../shared/model/body';
import { settingsSchema, type Settings } from '../../shared/model/settings';
import { compareVietnamese, fold, RESERVED_SLUGS, slugify, uniqueSlug } from '../../shared/text/vietnamese';
import { ensureDir, jsonText, prepareAtomicWrite, removeStaleTempFiles, writeFileAtomic } from './atomicFile';
import { fail } from './errors';
import { AtomicJsonFile, UnreadableFileError } from './jsonAdapter';
import { storeAsset } from './assets';
import { CatalogJournal } from './catalogJournal';
import { exportSite, writePlan } from '../publish/siteExporter';
import { planArticle } from '../../shared/publish/site';
import { checkExportFolder } from '../publish/exportFolder';
import { newestFirst, pageNeighbours } from '../../shared/publish/related';
import { acquireLibraryLock } from './libraryLock';
import { LIBRARY_SCHEMA_VERSION, salvageLibraryFile, emptyLibraryFile, type LibraryFile } from './libraryFile';

export interface LibraryOptions {
  dataDir: string;
  /** The page font's files (dist/fonts in a build, @fontsource/noto-serif/files in development). */
  fontsDir?: string;
  appVersion?: string;
  now?: () => Date;
  newId?: () => string;
  /** Who is working; recorded in workflow history. */
  user?: string;
}

const DEFAULT_PAGE = 200;
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
 * The library: articles, revisions and newsroom settings in a data directory (layout in
 * docs/storage.md). It knows nothing of Electron or HTTP; both transports call it.
 * Only this object writes, and it writes one thing at a time.
 */
export class LibraryService implements NewsdeskService {
  private readonly articlesDir: string;
  private readonly revisionsDir: string;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly problems: StorageProblem[] = [];
  private readonly catalog = new Map<string, ArticleSummary>();
  private db!: Low<LibraryFile>;
  private journal!: CatalogJournal;
  private lock: { release: () => Promise<void> } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private catalogDirty = false;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;

  private constructor(private readonly options: LibraryOptions) {
    this.articlesDir = join(options.dataDir, 'articles');
    this.revisionsDir = join(options.dataDir, 'revisions');
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => randomUUID());
  }

  /** Opens (and locks) a library folder, creating it if needed. */
  static async open(options: LibraryOptions): Promise<LibraryService> {
    const service = new LibraryService(options);
    await ensureDir(options.dataDir);
    service.lock = await acquireLibraryLock(options.dataDir);
    try {
      await service.load();
    } catch (error) {
      await service.journal?.close();
      await service.lock.release();
      throw error;
    }
    return service;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  // ---- opening -------------------------------------------------------------------------------

  private async load(): Promise<void> {
    const { dataDir } = this.options;
    for (const dir of [this.articlesDir, this.revisionsDir, join(dataDir, 'assets')]) await ensureDir(dir);
    await removeStaleTempFiles(dataDir);
    await removeStaleTempFiles(this.articlesDir);

    const libraryPath = join(dataDir, 'library.json');
    const adapter = new AtomicJsonFile<LibraryFile>(libraryPath);
    this.db = new Low(adapter, emptyLibraryFile());
    this.journal = new CatalogJournal(join(dataDir, 'catalog-journal.jsonl'));
    let rebuild = false;
    try {
      const raw = await adapter.read();
      if (raw === null) {
        rebuild = true;
      } else {
        const salvaged = salvageLibraryFile(raw);
        if (salvaged.tooNew !== null) throw new LibraryTooNewError(libraryPath, salvaged.tooNew);
        this.db.data = salvaged.data;
        if (salvaged.problem) {
          // Keep the original beside the repaired file: nothing is thrown away.
          await this.keepCopy(libraryPath, salvaged.problem);
          rebuild = salvaged.catalogLost;
        }
      }
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      await this.moveAside(libraryPath, error.reason);
      this.db.data = emptyLibraryFile();
      rebuild = true;
    }
    for (const summary of this.db.data.catalog) this.catalog.set(summary.id, summary);
    const journaled = await this.journal.readIds();
    const changed = await this.reconcileCatalog(rebuild, journaled);
    if (rebuild || changed || journaled.size > 0 || this.problems.length > 0) await this.compact();
  }

  /**
   * The catalog can always be rebuilt from the article files. On a rebuild every file is read;
   * otherwise the files named in the journal (written since the catalog was) and files the
   * catalog does not know are read again.
   */
  private async reconcileCatalog(full: boolean, journaled: ReadonlySet<string>): Promise<boolean> {
    const files = (await readdir(this.articlesDir)).filter((name) => name.endsWith('.json'));
    const ids = new Set(files.map((name) => name.slice(0, -'.json'.length)));
    let changed = false;
    if (full) this.catalog.clear();
    for (const id of ids) {
      if (this.catalog.has(id) && !journaled.has(id)) continue;
      this.catalog.delete(id);
      const article = await this.readArticleFile(id).catch(() => null);
      if (article) {
        this.catalog.set(id, summarize(article));
        changed = true;
      }
    }
    for (const id of [...this.catalog.keys()]) {
      if (!ids.has(id)) {
        this.catalog.delete(id);
        changed = true;
      }
    }
    return changed;
  }

  // ---- the API -------------------------------------------------------------------------------

  async getAppInfo(_input: ParsedInput<'getAppInfo'>) {
    return { appVersion: this.options.appVersion ?? '0.0.0', dataDir: this.options.dataDir, problems: [...this.problems] };
  }

  createArticle(input: ParsedInput<'createArticle'>): Promise<Article> {
    return this.exclusive(async () => {
      const at = this.now().toISOString();
      const id = this.newId();
      const headline = input.headline ?? '';
      const article: Article = {
        schemaVersion: ARTICLE_SCHEMA_VERSION,
        id,
        slug: headline ? uniqueSlug(slugify(headline), (s) => this.slugTaken(s, id)) : '',
        headline,
        sapo: input.sapo ?? '',
        byline: '',
        section: input.section ?? '',
        tags: [],
        featuredImage: null,
        body: input.body ?? emptyBody(),
        status: 'draft',
        assignee: '',
        dueAt: null,
        related: [],
        createdAt: at,
        updatedAt: at,
        publishedAt: null,
        trashedAt: null,
        revision: 1,
        comments: [],
        history: [{ at, kind: 'created', from: null, to: 'draft', by: this.options.user ?? '' }],
      };
      await this.writeArticle(article, true);
      return article;
    });
  }

  async getArticle(input: ParsedInput<'getArticle'>): Promise<Article> {
    return this.exclusive(() => this.loadArticle(input.id));
  }

  saveArticle(input: ParsedInput<'saveArticle'>): Promise<Article> {
    return this.exclusive(async () => {
      const current = await this.loadArticle(input.id);
      if (current.revision !== input.baseRevision) {
        fail(
          'conflict',
          `The article was saved elsewhere (revision ${current.revision}, this copy is based on ${input.baseRevision}).`,
        );
      }
      const { slug: requestedSlug, ...fields } = input.changes;
      const next: Article = {
        ...current,
        ...fields,
        revision: current.revision + 1,
        updatedAt: this.now().toISOString(),
      };
      if (requestedSlug !== undefined && requestedSlug !== current.slug) {
        if (requestedSlug && (this.slugTaken(requestedSlug, current.id) || RESERVED_SLUGS.has(requestedSlug))) {
          fail('slug_taken', `The slug "${requestedSlug}" is already used by another article or by the site.`);
        }
        next.slug = requestedSlug;
      } else if (fields.headline !== undefined && fields.headline !== current.headline && isDerivedSlug(current)) {
        next.slug = fields.headline ? uniqueSlug(slugify(fields.headline), (s) => this.slugTaken(s, current.id)) : '';
      }
      await this.writeArticle(next, input.snapshot === true);
      return next;
    });
  }

  async listArticles(input: ParsedInput<'listArticles'>) {
    const trash = input.view === 'trash';
    let items = [...this.catalog.values()].filter((s) => (s.trashedAt !== null) === trash);
    if (input.query && input.query.trim()) {
      const needle = fold(input.query.trim());
      items = items.filter((s) => fold(s.headline).includes(needle) || s.slug.includes(needle));
    }
    if (input.sort === 'headline') items.sort((a, b) => compareVietnamese(a.headline, b.headline));
    else items.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    const offset = input.offset ?? 0;
    return { total: items.length, items: items.slice(offset, offset + (input.limit ?? DEFAULT_PAGE)) };
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

  trashArticle(input: ParsedInput<'trashArticle'>): Promise<ArticleSummary> {
    return this.setTrashed(input.id, true);
  }

  restoreArticle(input: ParsedInput<'restoreArticle'>): Promise<ArticleSummary> {
    return this.setTrashed(input.id, false);
  }

  importAsset(input: ParsedInput<'importAsset'>) {
    return this.exclusive(() => storeAsset(join(this.options.dataDir, 'assets'), Buffer.from(input.dataBase64, 'base64')));
  }

  get assetsDir(): string {
    return join(this.options.dataDir, 'assets');
  }

  setStatus(input: ParsedInput<'setStatus'>): Promise<Article> {
    return this.exclusive(async () => {
      const current = await this.loadArticle(input.id);
      if (current.revision !== input.baseRevision) {
        fail('conflict', `The article was saved elsewhere (revision ${current.revision}, this copy is based on ${input.baseRevision}).`);
      }
      if (current.status === input.status) return current;
      if (input.status === 'published' && (!current.slug || !current.headline.trim())) {
        fail('invalid_input', 'An article needs a headline (and so a slug) before it is published.');
      }
      const at = this.now().toISOString();
      const next: Article = {
        ...current,
        status: input.status,
        publishedAt: input.status === 'published' && current.publishedAt === null ? at : current.publishedAt,
        revision: current.revision + 1,
        updatedAt: at,
        history: [...current.history, { at, kind: 'status', from: current.status, to: input.status, by: this.options.user ?? '' }],
      };
      await this.writeArticle(next, true);
      return next;
    });
  }

  async getPageNeighbours(input: ParsedInput<'getPageNeighbours'>) {
    const saved = await this.getArticle({ id: input.id });
    const article = { id: saved.id, section: input.section ?? saved.section, tags: input.tags ?? saved.tags, related: input.related ?? saved.related };
    const published = [...this.catalog.values()].filter((s) => s.status === 'published' && s.trashedAt === null).sort(newestFirst);
    return pageNeighbours(article, published, this.catalog);
  }

  private exportProgress = { running: false, done: 0, total: 0 };

  async getExportProgress(_input: ParsedInput<'getExportProgress'>) {
    return { ...this.exportProgress };
  }

  /** Reads every published article, then writes the site (only what changed since the last export). */
  async exportSite(input: ParsedInput<'exportSite'>) {
    if (this.exportProgress.running) fail('conflict', 'An export is already running.');
    const outDir = await checkExportFolder(input.outDir ? resolvePath(input.outDir) : join(this.options.dataDir, 'site'), this.options.dataDir);
    this.exportProgress = { running: true, done: 0, total: 0 };
    try {
      const ids = [...this.catalog.values()].filter((s) => s.status === 'published' && s.trashedAt === null).map((s) => s.id);
      const articles: Article[] = [];
      for (const id of ids) articles.push(await this.readArticleFile(id).catch(() => null as never));
      return await exportSite({
        settings: this.db.data.settings,
        articles: articles.filter(Boolean),
        outDir,
        assetsDir: this.assetsDir,
        fontsDir: this.fontsDir,
        onProgress: (progress) => {
          this.exportProgress = { running: true, ...progress };
        },
      });
    } finally {
      this.exportProgress = { ...this.exportProgress, running: false };
    }
  }

  async exportArticleFolder(input: ParsedInput<'exportArticleFolder'>) {
    const outDir = await checkExportFolder(resolvePath(input.outDir), this.options.dataDir);
    const article = await this.getArticle({ id: input.id });
    const neighbours = await this.getPageNeighbours({ id: input.id });
    return writePlan(planArticle(this.db.data.settings, article, neighbours), {
      outDir,
      assetsDir: this.assetsDir,
      fontsDir: this.fontsDir,
    });
  }

  private get fontsDir(): string {
    return this.options.fontsDir ?? join(process.cwd(), 'node_modules', '@fontsource', 'noto-serif', 'files');
  }

  async getSettings(_input: ParsedInput<'getSettings'>): Promise<Settings> {
    return this.db.data.settings;
  }

  saveSettings(input: ParsedInput<'saveSettings'>): Promise<Settings> {
    return this.exclusive(async () => {
      const parsed = settingsSchema.safeParse({ ...this.db.data.settings, ...input.changes });
      if (!parsed.success) fail('invalid_input', parsed.error.issues[0]?.message ?? 'invalid settings');
      this.db.data.settings = parsed.data;
      await this.compact();
      return parsed.data;
    });
  }

  /** Waits for pending writes, writes the catalog and unlocks the library; later calls are refused. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    await this.exclusive(async () => {
      if (this.compactTimer) clearTimeout(this.compactTimer);
      if (this.catalogDirty) await this.compact();
      this.disposed = true;
      await this.journal.close();
      await this.lock?.release();
    });
  }

  // ---- storage -------------------------------------------------------------------------------

  private setTrashed(id: string, trashed: boolean): Promise<ArticleSummary> {
    return this.exclusive(async () => {
      const current = await this.loadArticle(id);
      if ((current.trashedAt !== null) === trashed) return summarize(current);
      const at = this.now().toISOString();
      const next: Article = {
        ...current,
        trashedAt: trashed ? at : null,
        revision: current.revision + 1,
        updatedAt: at,
        history: [
          ...current.history,
          { at, kind: trashed ? 'trashed' : 'restored', from: current.status, to: current.status, by: this.options.user ?? '' },
        ],
      };
      await this.writeArticle(next, true);
      return summarize(next);
    });
  }

  /** Runs `task` after every earlier write has finished: one writer, one write at a time. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (this.disposed) fail('internal', 'The library is closed.');
      return task();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private slugTaken(slug: string, exceptId: string): boolean {
    for (const summary of this.catalog.values()) {
      if (summary.slug === slug && summary.id !== exceptId) return true;
    }
    return false;
  }

  private articlePath(id: string): string {
    return join(this.articlesDir, `${id}.json`);
  }

  private async loadArticle(id: string): Promise<Article> {
    try {
      return await this.readArticleFile(id);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        if (this.catalog.delete(id)) this.scheduleCompaction();
        fail('not_found', `No article with id ${id}.`);
      }
      if (error instanceof UnreadableFileError) {
        if (this.catalog.delete(id)) this.scheduleCompaction();
        fail('corrupt_file', `The article file could not be read and was moved aside: ${error.reason}`);
      }
      if (error instanceof ArticleTooNewError) {
        fail('too_new', error.message);
      }
      throw error;
    }
  }

  /** Reads and validates one article; a file that fails is moved aside and reported. */
  private async readArticleFile(id: string): Promise<Article> {
    const path = this.articlePath(id);
    const raw = await readFile(path, 'utf8');
    let reason: string;
    try {
      const json = JSON.parse(raw) as { schemaVersion?: unknown };
      if (typeof json.schemaVersion === 'number' && json.schemaVersion > ARTICLE_SCHEMA_VERSION) {
        throw new ArticleTooNewError(path, json.schemaVersion);
      }
      const parsed = articleSchema.safeParse(json);
      if (parsed.success && parsed.data.id === id) return parsed.data;
      reason = parsed.success ? 'its id does not match its file name' : `does not match the article schema: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`;
    } catch (error) {
      if (error instanceof ArticleTooNewError) throw error;
      reason = `not valid JSON (${(error as Error).message})`;
    }
    await this.moveAside(path, reason);
    throw new UnreadableFileError(path, reason);
  }

  /**
   * The journal entry (so a crash is repaired on the next open) and the new article content are
   * flushed side by side; only when both are on disk is the new file renamed into place (after the
   * snapshot, for a named version). Once that rename has happened the save has succeeded, and
   * only memory changes after it.
   */
  private async writeArticle(article: Article, snapshot: boolean): Promise<void> {
    const [, prepared] = await Promise.all([
      this.journal.append(article.id),
      prepareAtomicWrite(this.articlePath(article.id), jsonText(article)),
    ]);
    try {
      if (snapshot) await this.writeSnapshot(article);
    } catch (error) {
      await prepared.abort();
      throw error;
    }
    await prepared.commit();
    this.catalog.set(article.id, summarize(article));
    this.scheduleCompaction();
  }

  private scheduleCompaction(): void {
    this.catalogDirty = true;
    if (this.compactTimer) return;
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      void this.exclusive(() => this.compact()).catch(() => undefined);
    }, COMPACT_DELAY_MS);
    this.compactTimer.unref?.();
  }

  /** revisions/<id>/<n>.json: immutable; an existing snapshot is never overwritten. */
  private async writeSnapshot(article: Article): Promise<void> {
    const dir = join(this.revisionsDir, article.id);
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${article.revision}.json`);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) await writeFileAtomic(path, `${JSON.stringify(article, null, 2)}\n`);
  }

  /** Writes library.json from memory; the journal's entries are then in it. */
  private async compact(): Promise<void> {
    if (this.disposed) return;
    this.db.data.catalog = [...this.catalog.values()];
    await this.db.write();
    await this.journal.clear();
    this.catalogDirty = false;
  }

  private async keepCopy(path: string, reason: string): Promise<void> {
    const at = this.now().toISOString();
    const movedTo = `${path}.corrupt-${at.replace(/[:.]/g, '-')}`;
    await copyFile(path, movedTo);
    this.problems.push({ file: path, movedTo, reason, at });
  }

  private async moveAside(path: string, reason: string): Promise<void> {
    const at = this.now().toISOString();
    const movedTo = `${path}.corrupt-${at.replace(/[:.]/g, '-')}`;
    await rename(path, movedTo);
    this.problems.push({ file: path, movedTo, reason, at });
  }
}

class ArticleTooNewError extends Error {
  constructor(path: string, version: number) {
    super(`${path} was written by a newer Newsdesk (format ${version}); update Newsdesk to open it.`);
  }
}

/** A slug still follows its headline until someone edits it by hand (or the article is published). */
function isDerivedSlug(article: Article): boolean {
  if (article.status === 'published') return false;
  if (article.slug === '') return true;
  const base = slugify(article.headline);
  return article.slug === base || new RegExp(`^${base}-\\d+$`).test(article.slug);
}
