import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { articleWordCount, type Article } from '../../shared/model/article';
import { historyFileSchema, HISTORY_FORMAT, thinHistory, unreferencedRevisions, type RevisionEntry, type RevisionKind } from '../../shared/review/history';
import { jsonText, writeFileAtomic, type DeferredFlushes } from './atomicFile';
import { AtomicJsonFile, UnreadableFileError } from './jsonAdapter';

/** What a new snapshot is and why it is kept. */
export interface SnapshotReason {
  kind: RevisionKind;
  label?: string;
  restoredFrom?: number;
  /** When the state was reached, if not now (the end of an earlier stretch of editing). */
  at?: string;
}

/** Histories kept in memory (every save asks whether an automatic snapshot is due). */
const CACHED_HISTORIES = 256;

/**
 * The temporary file of an interrupted write of a snapshot or a history file, as
 * ./atomicFile.ts names it (`.tmp-<12 hex>-<name>`): nothing else in an article's folder is one.
 */
export const REVISION_TEMP_FILE = /^\.tmp-[0-9a-f]{12}-(?:[1-9][0-9]*|history)\.json$/;
/** Article folders searched at once for temporary files. */
const FOLDERS_AT_ONCE = 32;

/**
 * Revision history on disk, per article: `revisions/<id>/<n>.json` is the article as it was at
 * revision n (immutable, never overwritten) and `revisions/<id>/history.json` lists the snapshots
 * kept and why (see shared/review/history.ts). The snapshot files are the truth: a history file
 * that is missing, damaged or behind them (a crash between the two writes, a library from before
 * history.json) is rebuilt from them, guessing only the reason.
 */
export class RevisionStore {
  private readonly cache = new Map<string, RevisionEntry[]>();

  constructor(
    readonly dir: string,
    /** Reads and checks one snapshot file (migrated like an article file, never rewritten). */
    private readonly readSnapshot: (path: string, id: string) => Promise<Article>,
    private readonly now: () => Date,
  ) {}

  private folder(id: string): string {
    return join(this.dir, id);
  }

  private file(id: string, revision: number): string {
    return join(this.folder(id), `${revision}.json`);
  }

  /** The article as it was at `revision` (ENOENT when no snapshot of it is kept). */
  read(id: string, revision: number): Promise<Article> {
    return this.readSnapshot(this.file(id, revision), id);
  }

  /**
   * Writes the snapshot of the article's revision. `replace`: the revision is being written now
   * (before the article file itself is replaced), so a file already there is a leftover of a write
   * that never completed and is written over; otherwise an existing snapshot of the saved revision
   * is kept as it is. Returns an undo for when the article's own write then fails, so no snapshot
   * is left of a revision that never was.
   */
  async keep(article: Article, { replace = false, deferred }: { replace?: boolean; deferred?: DeferredFlushes } = {}): Promise<() => Promise<void>> {
    // A folder made now has no history yet: nothing to read back when the entry is recorded.
    if (await mkdir(this.folder(article.id), { recursive: true })) this.remember(article.id, []);
    const path = this.file(article.id, article.revision);
    if (!replace) {
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (exists) return async () => undefined;
    }
    await writeFileAtomic(path, jsonText(article), deferred);
    // (A snapshot that could not be taken back must be found again: see ArticleStore.dropLeftoverSnapshot.)
    return () => unlink(path).catch(() => this.forget(article.id));
  }

  /** Records why the article's current revision was kept, thins the automatic snapshots and removes the files none needs. */
  record(article: Article, reason: SnapshotReason, by: string, deferred?: DeferredFlushes, words?: number): Promise<RevisionEntry> {
    return this.add(article, reason, by, { current: article.revision, deferred, words });
  }

  /**
   * Records a version kept elsewhere (named on another laptop) whose snapshot file is written,
   * at a revision at or below the article's own here (`current`): listed in revision order, in
   * place of a plain "received by sync" entry of the same revision (the same text, now named).
   */
  recordAt(article: Article, reason: SnapshotReason, by: string, current: number): Promise<RevisionEntry> {
    return this.add(article, reason, by, { current, replaces: (entry) => entry.revision === article.revision && entry.kind === 'sync' });
  }

  private async add(
    article: Article,
    reason: SnapshotReason,
    by: string,
    { current, deferred, words = articleWordCount(article), replaces = () => false }: { current: number; deferred?: DeferredFlushes; words?: number; replaces?: (entry: RevisionEntry) => boolean },
  ): Promise<RevisionEntry> {
    const entry: RevisionEntry = {
      revision: article.revision,
      kind: reason.kind,
      label: reason.label?.trim() ?? '',
      at: reason.at ?? this.now().toISOString(),
      by,
      words,
      status: article.status,
      ...(reason.restoredFrom !== undefined ? { restoredFrom: reason.restoredFrom } : {}),
    };
    try {
      // (Oldest first: a stable sort leaves entries of one revision in the order they came.)
      const before = [...(await this.entries(article.id, current, article.revision)).filter((kept) => !replaces(kept)), entry].sort((a, b) => a.revision - b.revision);
      const after = thinHistory(before, this.now());
      // Thinned files go first: an entry whose file is gone is dropped when the history is read,
      // while a file no entry names is listed again (with a guessed reason), never deleted.
      for (const revision of unreferencedRevisions(before, after)) {
        await unlink(this.file(article.id, revision)).catch(() => undefined);
      }
      await this.writeHistory(article.id, after, deferred);
      return entry;
    } catch (error) {
      this.forget(article.id);
      throw error;
    }
  }

  /**
   * The snapshots kept of an article, oldest first, agreeing with the files on disk: an entry
   * whose file is gone is dropped; a file no entry names (its entry lost to a crash or a failed
   * write, or a library from before history.json) is listed with a guessed reason — or left out,
   * untouched, if it cannot be read. Files above `current` (the article's revision) are left from
   * a write that never completed and are removed. (`recording`: the revision whose entry is being
   * recorded now, its file just written: not guessed.)
   */
  async entries(id: string, current: number, recording?: number): Promise<RevisionEntry[]> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const files = await this.files(id);
    const recorded = await this.readHistory(id);
    const entries = (recorded ?? []).filter((entry) => files.has(entry.revision));
    const guessed: RevisionEntry[] = [];
    for (const revision of [...files].sort((a, b) => a - b)) {
      if (revision === recording || entries.some((entry) => entry.revision === revision)) continue;
      if (revision > current) {
        await unlink(this.file(id, revision)).catch(() => undefined);
        continue;
      }
      const snapshot = await this.read(id, revision).catch(() => null);
      if (snapshot) guessed.push(guessEntry(snapshot));
    }
    const all = [...entries, ...guessed].sort((a, b) => a.revision - b.revision || Date.parse(a.at) - Date.parse(b.at));
    this.remember(id, all);
    return all;
  }

  private async files(id: string): Promise<Set<number>> {
    const names = await readdir(this.folder(id)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    return new Set(names.map((name) => /^([1-9][0-9]*)\.json$/.exec(name)?.[1]).filter((n): n is string => n !== undefined).map(Number));
  }

  /** The recorded entries, or null when there is no usable history file (it is then rebuilt). */
  private async readHistory(id: string): Promise<RevisionEntry[] | null> {
    try {
      const parsed = historyFileSchema.safeParse(await new AtomicJsonFile<unknown>(join(this.folder(id), 'history.json')).read());
      return parsed.success ? parsed.data.entries : null;
    } catch (error) {
      if (error instanceof UnreadableFileError) return null;
      throw error;
    }
  }

  private async writeHistory(id: string, entries: RevisionEntry[], deferred?: DeferredFlushes): Promise<void> {
    await writeFileAtomic(join(this.folder(id), 'history.json'), jsonText({ format: HISTORY_FORMAT, entries }), deferred);
    this.remember(id, entries);
  }

  private remember(id: string, entries: RevisionEntry[]): void {
    this.cache.delete(id);
    if (this.cache.size >= CACHED_HISTORIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(id, entries);
  }

  /**
   * Whether the article's folder has been listed since the library opened (its history is in
   * memory): any snapshot file above the article's revision was removed then (entries), and
   * every write since went through here.
   */
  listed(id: string): boolean {
    return this.cache.has(id);
  }

  /** Forgets what is cached of an article's history (its files were changed from outside). */
  forget(id: string): void {
    this.cache.delete(id);
  }

  /**
   * Removes the temporary files that writes interrupted by a kill left in the article folders
   * (only files named as ./atomicFile.ts names them: REVISION_TEMP_FILE). For when the library
   * opens, before anything is written. Returns how many were removed.
   */
  async removeTempFiles(): Promise<number> {
    const folders = await readdir(this.dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    const ids = folders.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    let removed = 0;
    for (let i = 0; i < ids.length; i += FOLDERS_AT_ONCE) {
      await Promise.all(
        ids.slice(i, i + FOLDERS_AT_ONCE).map(async (id) => {
          const names = await readdir(this.folder(id)).catch(() => [] as string[]);
          for (const name of names.filter((n) => REVISION_TEMP_FILE.test(n))) {
            await unlink(join(this.folder(id), name)).then(
              () => removed++,
              () => undefined,
            );
          }
        }),
      );
    }
    return removed;
  }
}

/** A snapshot's entry when its own was lost: why it was most likely kept, from the article itself. */
function guessEntry(snapshot: Article): RevisionEntry {
  const last = snapshot.history.at(-1);
  const byStatus = last?.kind === 'status' && last.at === snapshot.updatedAt;
  return {
    revision: snapshot.revision,
    kind: snapshot.revision === 1 ? 'created' : byStatus ? 'status' : 'named',
    label: '',
    at: snapshot.updatedAt,
    by: last?.at === snapshot.updatedAt ? last.by : '',
    words: articleWordCount(snapshot),
    status: snapshot.status,
  };
}
