import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../../shared/model/article';
import { readArticle } from '../../shared/model/articleFile';
import { ensureDir, jsonText, prepareAtomicWrite, removeStaleTempFiles, type DeferredFlushes } from './atomicFile';
import { UnreadableFileError } from './jsonAdapter';
import type { Problems } from './problems';
import { RevisionStore, type SnapshotReason } from './revisionStore';

/** An article written by a newer Newsdesk: refused rather than damaged. */
export class ArticleTooNewError extends Error {
  constructor(path: string, version: number) {
    super(`${path} was written by a newer Newsdesk (format ${version}); update Newsdesk to open it.`);
  }
}

/**
 * The article files: `articles/<id>.json`, one per article, and their immutable snapshots in
 * `revisions/<id>/` (./revisionStore.ts). Every file is untrusted on the way in (migrated, validated, repaired
 * where safe by shared/model/articleFile.ts) and written atomically on the way out.
 */
export class ArticleStore {
  readonly articlesDir: string;
  readonly revisions: RevisionStore;

  constructor(
    dataDir: string,
    private readonly problems: Problems,
    /** Whether an image is in the library. */
    private readonly hasAsset: (assetId: string) => boolean,
    private readonly now: () => Date,
  ) {
    this.articlesDir = join(dataDir, 'articles');
    this.revisions = new RevisionStore(join(dataDir, 'revisions'), (path, id) => this.readSnapshot(path, id), now);
  }

  async open(): Promise<void> {
    for (const dir of [this.articlesDir, this.revisions.dir]) await ensureDir(dir);
    // One listing of the folder (100,000 names in a large library) serves both the cleaning and
    // the catalog's first look at which articles there are (ids()).
    const names = await readdir(this.articlesDir);
    await removeStaleTempFiles(this.articlesDir, names);
    this.listedAtOpen = idsOf(names);
  }

  private listedAtOpen: Set<string> | null = null;

  path(id: string): string {
    return join(this.articlesDir, `${id}.json`);
  }

  /** The ids of every article file (the first time after opening, from the listing made then). */
  async ids(): Promise<Set<string>> {
    const listed = this.listedAtOpen;
    this.listedAtOpen = null;
    return listed ?? idsOf(await readdir(this.articlesDir));
  }

  /**
   * Reads one article. An older format is migrated; a bad field is repaired (the original is
   * copied aside and the repair reported); a file that cannot be read at all is moved aside and
   * reported (UnreadableFileError); a newer format is refused (ArticleTooNewError); a missing file
   * throws ENOENT.
   */
  /**
   * An article file's JSON as it is on disk, unchecked (for reading its text quickly: search);
   * the article itself when it was read and checked recently.
   */
  async readUnchecked(id: string): Promise<unknown> {
    const recent = this.recent.get(id);
    if (recent) return recent.article;
    return JSON.parse(await readFile(this.path(id), 'utf8')) as unknown;
  }

  async read(id: string): Promise<Article> {
    const path = this.path(id);
    // An article just written or read is not read and checked again while its file is the same
    // one (the same inode, size and modification time: every write of Newsdesk's replaces the
    // file). Another program's rewrite in place, of the very same length, within the file
    // system's timestamp tick of the last write would go unseen: the one change this cannot tell.
    const stamp = await stampOf(path);
    const recent = this.recent.get(id);
    if (recent && recent.stamp === stamp) return recent.article;
    const raw = await readFile(path, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      return this.unreadable(path, `not valid JSON (${(error as Error).message})`);
    }
    const read = readArticle(json, { id, now: this.now().toISOString(), hasAsset: this.hasAsset });
    if (read.kind === 'tooNew') throw new ArticleTooNewError(path, read.version);
    if (read.kind === 'unreadable') return this.unreadable(path, read.reason);
    if (read.repairs.length) {
      const fields = [...new Set(read.repairs.map((r) => r.field))].join(', ');
      await this.problems.keepCopy(path, `repaired: ${fields}`, read.repairs);
    } else this.remember(id, read.article, stamp);
    return read.article;
  }

  /** The last articles read or written, with their file's stamp then (see read). */
  private readonly recent = new Map<string, { article: Article; stamp: string }>();

  private remember(id: string, article: Article, stamp: string | null): void {
    this.recent.delete(id);
    if (stamp === null) return;
    if (this.recent.size >= RECENT_ARTICLES) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(id, { article, stamp });
  }

  private async unreadable(path: string, reason: string): Promise<never> {
    await this.problems.moveAside(path, reason);
    throw new UnreadableFileError(path, reason);
  }

  /** A snapshot file: read like an article file but never moved, repaired on disk or rewritten. */
  private async readSnapshot(path: string, id: string): Promise<Article> {
    const raw = await readFile(path, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new UnreadableFileError(path, `not valid JSON (${(error as Error).message})`);
    }
    const read = readArticle(json, { id, now: this.now().toISOString(), hasAsset: this.hasAsset });
    if (read.kind === 'tooNew') throw new ArticleTooNewError(path, read.version);
    if (read.kind === 'unreadable') throw new UnreadableFileError(path, read.reason);
    return read.article;
  }

  /**
   * Writes an article. `intent` (the catalog's journal entry) and the new content are flushed side
   * by side; only when both are on disk is the new file renamed into place (after the snapshot,
   * when one is kept). Once that rename has happened the write has succeeded; the snapshot's
   * entry in the history is recorded after it (a crash in between loses only the reason, see
   * RevisionStore.entries).
   *
   * A write the disk refuses (a folder that may not be written, a full disk, a file held by
   * another program) changes nothing: the temporary file is removed, the snapshot taken back and
   * the journal cut back to what it was, and the error is thrown as it came.
   */
  async write(article: Article, options: { snapshot: SnapshotReason | null; by: string; intent: (() => Promise<() => Promise<void>>) | 'journaled'; deferred?: DeferredFlushes }): Promise<void> {
    // (Already journaled: many articles written at once, their ids flushed in one entry before
    // any of them. The journal is then left as it is when one fails: an extra id only makes the
    // next opening read that article's file again.)
    const [intent, prepared] = await Promise.allSettled([
      options.intent === 'journaled' ? Promise.resolve(null) : options.intent(),
      prepareAtomicWrite(this.path(article.id), jsonText(article), options.deferred),
    ]);
    let undoSnapshot: (() => Promise<void>) | null = null;
    try {
      // The article's own error first: it says what the reporter's save ran into.
      if (prepared.status === 'rejected') throw prepared.reason;
      if (intent.status === 'rejected') throw intent.reason;
      if (options.snapshot) undoSnapshot = await this.revisions.keep(article, { replace: true, deferred: options.deferred });
      else await this.dropLeftoverSnapshot(article);
      await prepared.value.commit();
    } catch (error) {
      if (prepared.status === 'fulfilled') await prepared.value.abort();
      await undoSnapshot?.();
      // (The journal's entry is taken back; one whose append failed took itself back.)
      if (intent.status === 'fulfilled') await intent.value?.();
      throw error;
    }
    this.problems.forget(this.path(article.id));
    this.remember(article.id, article, await stampOf(this.path(article.id)).catch(() => null));
    // The article is saved: a history entry that cannot be written now is guessed from the
    // snapshot file when the history is next read, so it must not fail the save.
    if (options.snapshot) await this.revisions.record(article, options.snapshot, options.by, options.deferred).catch(() => this.revisions.forget(article.id));
  }

  /**
   * A snapshot file at the revision being written without one can only be a leftover: a write of
   * that revision that kept a snapshot and was killed before the article itself was replaced. It
   * would pass for a real version of the text once the article reaches that revision, so it goes.
   */
  private async dropLeftoverSnapshot(article: Article): Promise<void> {
    // None can be there when the folder was listed since opening (RevisionStore.listed).
    if (this.revisions.listed(article.id)) return;
    const leftover = join(this.revisions.dir, article.id, `${article.revision}.json`);
    const removed = await unlink(leftover).then(
      () => true,
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)),
    );
    if (removed) this.revisions.forget(article.id);
  }
}

/** The article ids of a listing of articles/ (temporary files start with a dot and are left out). */
const idsOf = (names: readonly string[]) => new Set(names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).map((name) => name.slice(0, -'.json'.length)));

/** Articles kept in memory as last read or written (the ones being edited). */
const RECENT_ARTICLES = 32;

/** What tells one version of a file from another: its inode, size and modification time (ENOENT when it is not there). */
async function stampOf(path: string): Promise<string> {
  const info = await stat(path, { bigint: true });
  return `${info.ino}:${info.size}:${info.mtimeNs}`;
}

