import { open, readFile, type FileHandle } from 'node:fs/promises';

/**
 * The catalog's intent journal (`catalog-journal.jsonl`): before an article file is written, its
 * id is appended and flushed here. library.json (the catalog) is then rewritten only now and then
 * (compaction), so an autosave costs one article's bytes plus one short line. On opening, every
 * id in the journal is re-read from its article file, so a crash at any point leaves a catalog
 * that matches the files.
 */
export class CatalogJournal {
  private handle: FileHandle | null = null;

  constructor(readonly path: string) {}

  /** Bytes in the file as this handle knows them (null: to be asked of the file). */
  private size: number | null = null;

  private async opened(): Promise<{ handle: FileHandle; size: number }> {
    // Appending in synchronous mode (O_SYNC): each append is on disk when it returns, in one call.
    this.handle ??= await open(this.path, 'as');
    this.size ??= (await this.handle.stat()).size;
    return { handle: this.handle, size: this.size };
  }

  /**
   * Journals the id of an article about to be written, and returns how to take the entry back
   * (the write then failed: a failed save leaves every file as it was). An append that fails is
   * taken back here.
   */
  async intend(id: string): Promise<() => Promise<void>> {
    const { size } = await this.opened();
    try {
      await this.appendAll([id]);
    } catch (error) {
      await this.cutBack(size);
      throw error;
    }
    return () => this.cutBack(size);
  }

  /** Journals several ids with one flush (articles about to be written together). */
  async appendAll(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const { handle, size } = await this.opened();
    const text = ids.map((id) => `${JSON.stringify({ id })}\n`).join('');
    try {
      await handle.appendFile(text, 'utf8');
    } catch (error) {
      this.size = null;
      throw error;
    }
    this.size = size + Buffer.byteLength(text);
  }

  /**
   * Cuts the journal back to an earlier size: an entry (or the torn part of one) would only make
   * the next opening read the article again, but a failed save must leave every file as it was.
   * (The handle appends, so it writes at the new end.)
   */
  private async cutBack(size: number): Promise<void> {
    if (this.size === size) return;
    this.size = null;
    await this.handle?.truncate(size).catch(() => undefined);
  }

  /** Ids written since the last compaction; a torn last line (a crash mid-append) is ignored. */
  async readIds(): Promise<Set<string>> {
    let raw: string;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
      throw error;
    }
    const ids = new Set<string>();
    for (const line of raw.split('\n')) {
      try {
        const entry = JSON.parse(line) as { id?: unknown };
        if (typeof entry.id === 'string') ids.add(entry.id);
      } catch {
        // torn or empty line
      }
    }
    return ids;
  }

  /** After library.json has been written: the journal's entries are in it. */
  async clear(): Promise<void> {
    this.handle ??= await open(this.path, 'as');
    this.size = null;
    await this.handle.truncate(0);
    await this.handle.sync();
    this.size = 0;
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
    this.size = null;
  }
}
