import { join } from 'node:path';
import { z } from 'zod';
import { isoDateTime } from '../../shared/model/fields';
import { suggestionIdSchema } from '../../shared/model/marks/suggestion';
import { writeJsonAtomic } from './atomicFile';
import { AtomicJsonFile, UnreadableFileError } from './jsonAdapter';

/** Versions of an article remembered as sent (the newest). */
const KEPT_PER_ARTICLE = 20;
const SENT_FORMAT = 1;

const sentEntrySchema = z.strictObject({
  revision: z.number().int().min(1),
  /** The version's hash as bundles.ts makes it: what the receiving library will list as known. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The suggested edits it held (a suggestion resolved here since is not taken back from the other side's copy). */
  suggestions: z.array(suggestionIdSchema).max(2000),
  at: isoDateTime,
});
export type SentEntry = z.infer<typeof sentEntrySchema>;

const sentFileSchema = z.strictObject({
  format: z.literal(SENT_FORMAT),
  articles: z.record(z.string(), z.array(sentEntrySchema)),
});

/**
 * `sent.json`: the versions of its articles this library has sent in bundles — where it parted
 * from the libraries that received them. Written once per bundle sent (one file, not a snapshot
 * per article: sending a thousand articles costs one write). Bookkeeping only: a file that is
 * missing or cannot be read counts as empty (the next exchange may then report a conflict where
 * it could have updated; no text is ever at stake).
 */
export class SentLedger {
  private readonly path: string;
  private entries: Map<string, SentEntry[]> | null = null;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'sent.json');
  }

  private async load(): Promise<Map<string, SentEntry[]>> {
    if (this.entries) return this.entries;
    let raw: unknown = null;
    try {
      raw = await new AtomicJsonFile<unknown>(this.path).read();
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
    }
    const parsed = sentFileSchema.safeParse(raw);
    this.entries = new Map(parsed.success ? Object.entries(parsed.data.articles) : []);
    return this.entries;
  }

  /** The versions of an article sent from here, oldest first. */
  async of(id: string): Promise<readonly SentEntry[]> {
    return (await this.load()).get(id) ?? [];
  }

  /** Remembers the versions just sent (a version sent again moves to the end). */
  async record(sent: ReadonlyArray<{ id: string } & SentEntry>): Promise<void> {
    const entries = await this.load();
    for (const { id, ...entry } of sent) {
      const kept = (entries.get(id) ?? []).filter((earlier) => earlier.hash !== entry.hash);
      entries.set(id, [...kept, entry].slice(-KEPT_PER_ARTICLE));
    }
    await writeJsonAtomic(this.path, { format: SENT_FORMAT, articles: Object.fromEntries(entries) });
  }
}
