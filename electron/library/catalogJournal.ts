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

  async append(id: string): Promise<void> {
    this.handle ??= await open(this.path, 'a');
    await this.handle.appendFile(`${JSON.stringify({ id })}\n`, 'utf8');
    await this.handle.datasync();
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
    this.handle ??= await open(this.path, 'a');
    await this.handle.truncate(0);
    await this.handle.sync();
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }
}
