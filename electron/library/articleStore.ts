import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../../shared/model/article';
import { readArticle } from '../../shared/model/articleFile';
import { ensureDir, jsonText, prepareAtomicWrite, removeStaleTempFiles, writeFileAtomic } from './atomicFile';
import { UnreadableFileError } from './jsonAdapter';
import type { Problems } from './problems';

/** An article written by a newer Newsdesk: refused rather than damaged. */
export class ArticleTooNewError extends Error {
  constructor(path: string, version: number) {
    super(`${path} was written by a newer Newsdesk (format ${version}); update Newsdesk to open it.`);
  }
}

/**
 * The article files: `articles/<id>.json`, one per article, and their immutable snapshots in
 * `revisions/<id>/<n>.json`. Every file is untrusted on the way in (migrated, validated, repaired
 * where safe by shared/model/articleFile.ts) and written atomically on the way out.
 */
export class ArticleStore {
  readonly articlesDir: string;
  readonly revisionsDir: string;

  constructor(
    dataDir: string,
    private readonly problems: Problems,
    /** Whether an image is in the library. */
    private readonly hasAsset: (assetId: string) => boolean,
    private readonly now: () => Date,
  ) {
    this.articlesDir = join(dataDir, 'articles');
    this.revisionsDir = join(dataDir, 'revisions');
  }

  async open(): Promise<void> {
    for (const dir of [this.articlesDir, this.revisionsDir]) await ensureDir(dir);
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

  /**
   * Writes an article. `intent` (the catalog's journal entry) and the new content are flushed side
   * by side; only when both are on disk is the new file renamed into place (after the snapshot,
   * for a named version). Once that rename has happened the write has succeeded.
   */
  async write(article: Article, options: { snapshot: boolean; intent: () => Promise<void> }): Promise<void> {
    const [, prepared] = await Promise.all([options.intent(), prepareAtomicWrite(this.path(article.id), jsonText(article))]);
    try {
      if (options.snapshot) await this.writeSnapshot(article);
    } catch (error) {
      await prepared.abort();
      throw error;
    }
    await prepared.commit();
    this.problems.forget(this.path(article.id));
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
}
