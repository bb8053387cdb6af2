import { readdir, readFile, stat, truncate, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../../shared/model/article';
import { readArticle } from '../../shared/model/articleFile';
import { ensureDir, jsonText, prepareAtomicWrite, removeStaleTempFiles } from './atomicFile';
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
  /** The catalog's journal (electron/library/catalog.ts), which `write` cuts back after a failed write. */
  private readonly journalPath: string;

  constructor(
    dataDir: string,
    private readonly problems: Problems,
    /** Whether an image is in the library. */
    private readonly hasAsset: (assetId: string) => boolean,
    private readonly now: () => Date,
  ) {
    this.articlesDir = join(dataDir, 'articles');
    this.journalPath = join(dataDir, 'catalog-journal.jsonl');
    this.revisions = new RevisionStore(join(dataDir, 'revisions'), (path, id) => this.readSnapshot(path, id), now);
  }

  async open(): Promise<void> {
    for (const dir of [this.articlesDir, this.revisions.dir]) await ensureDir(dir);
    await removeStaleTempFiles(this.articlesDir);
  }

  path(id: string): string {
    return join(this.articlesDir, `${id}.json`);
  }

  /** The ids of every article file. */
  async ids(): Promise<Set<string>> {
    const files = (await readdir(this.articlesDir)).filter((name) => name.endsWith('.json'));
    return new Set(files.map((name) => name.slice(0, -'.json'.length)));
  }

  /**
   * Reads one article. An older format is migrated; a bad field is repaired (the original is
   * copied aside and the repair reported); a file that cannot be read at all is moved aside and
   * reported (UnreadableFileError); a newer format is refused (ArticleTooNewError); a missing file
   * throws ENOENT.
   */
  async read(id: string): Promise<Article> {
    const path = this.path(id);
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
    }
    return read.article;
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
  async write(article: Article, options: { snapshot: SnapshotReason | null; by: string; intent: () => Promise<void> }): Promise<void> {
    const journalSize = await sizeOf(this.journalPath);
    const [intent, prepared] = await Promise.allSettled([options.intent(), prepareAtomicWrite(this.path(article.id), jsonText(article))]);
    let undoSnapshot: (() => Promise<void>) | null = null;
    try {
      // The article's own error first: it says what the reporter's save ran into.
      if (prepared.status === 'rejected') throw prepared.reason;
      if (intent.status === 'rejected') throw intent.reason;
      if (options.snapshot) undoSnapshot = await this.revisions.keep(article, { replace: true });
      else await this.dropLeftoverSnapshot(article);
      await prepared.value.commit();
    } catch (error) {
      if (prepared.status === 'fulfilled') await prepared.value.abort();
      await undoSnapshot?.();
      await this.undoIntent(journalSize);
      throw error;
    }
    this.problems.forget(this.path(article.id));
    // The article is saved: a history entry that cannot be written now is guessed from the
    // snapshot file when the history is next read, so it must not fail the save.
    if (options.snapshot) await this.revisions.record(article, options.snapshot, options.by).catch(() => this.revisions.forget(article.id));
  }

  /**
   * A snapshot file at the revision being written without one can only be a leftover: a write of
   * that revision that kept a snapshot and was killed before the article itself was replaced. It
   * would pass for a real version of the text once the article reaches that revision, so it goes.
   */
  private async dropLeftoverSnapshot(article: Article): Promise<void> {
    const leftover = join(this.revisions.dir, article.id, `${article.revision}.json`);
    const removed = await unlink(leftover).then(
      () => true,
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)),
    );
    if (removed) this.revisions.forget(article.id);
  }

  /**
   * Cuts the journal back to the size it had before a write that then failed: its entry (or the
   * torn part of one) would only make the next opening read the article again, but a failed save
   * must leave every file as it was. (The journal's handle appends, so it writes at the new end.)
   */
  private async undoIntent(size: number | null): Promise<void> {
    const now = await sizeOf(this.journalPath);
    if (now !== null && now !== (size ?? 0)) await truncate(this.journalPath, size ?? 0).catch(() => undefined);
  }
}

/** A file's size, or null when it is not there. */
const sizeOf = (path: string) =>
  stat(path).then(
    (info) => info.size,
    () => null,
  );
