import { z } from 'zod';
import { articleStatus } from '../model/article';
import { isoDateTime, text } from '../model/fields';

/**
 * An article's revision history: the snapshots kept of it (revisions/<id>/<n>.json, the article
 * as it was at revision n) and, for each, why it was kept. Pure rules: when an automatic snapshot
 * is due and which automatic ones are thinned away; electron/library/revisionStore.ts keeps the files.
 */

/**
 * Why a snapshot was kept. created: the article's first revision; named: a save by hand (Ctrl+S,
 * or a version given a name); status: a move through review; export: the article was exported;
 * replaced: the text as it was just before a restore replaced it; restore: an older revision was
 * brought back; auto: ten minutes of editing. Only automatic ones are ever thinned.
 */
export const revisionKinds = ['created', 'named', 'status', 'export', 'replaced', 'restore', 'auto', 'import', 'conflict', 'sync'] as const;
export const revisionKind = z.enum(revisionKinds);
export type RevisionKind = z.infer<typeof revisionKind>;

export const REVISION_LABEL_MAX = 200;

export const revisionEntrySchema = z.strictObject({
  /** The article's revision the snapshot holds (several entries may share one: saved, then exported). */
  revision: z.number().int().min(1),
  kind: revisionKind,
  /** A name the user gave the version (named saves), else ''. */
  label: text(REVISION_LABEL_MAX),
  at: isoDateTime,
  by: text(120),
  /** Syllables a reader reads (headline, sapo, body), as the editor counts them. */
  words: z.number().int().min(0),
  status: articleStatus,
  /** For a restore: the revision brought back. */
  restoredFrom: z.number().int().min(1).optional(),
});
export type RevisionEntry = z.infer<typeof revisionEntrySchema>;

/** revisions/<id>/history.json: the entries, oldest first. */
export const HISTORY_FORMAT = 1;
export const historyFileSchema = z.strictObject({ format: z.literal(HISTORY_FORMAT), entries: z.array(revisionEntrySchema).max(100_000) });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Editing time after which an automatic snapshot is kept. */
export const AUTO_SNAPSHOT_AFTER_MS = 10 * MINUTE;

/**
 * Whether an autosave at `now` should keep an automatic snapshot: the newest snapshot of any kind
 * is at least ten minutes old (or there is none), and so is the current stretch of editing when it
 * is known (`stretchStart`, ms: the first save after a pause; the snapshot of the state before the
 * pause carries that state's older time, and must not make the next save due at once).
 */
export function autoSnapshotDue(entries: readonly RevisionEntry[], now: Date, stretchStart = Number.NEGATIVE_INFINITY): boolean {
  const latest = entries.reduce((max, entry) => Math.max(max, Date.parse(entry.at)), stretchStart);
  return now.getTime() - latest >= AUTO_SNAPSHOT_AFTER_MS;
}

/**
 * Whether the saved article (last changed at `updatedAt`) should be kept before a change at
 * `now` replaces it: a pause of ten minutes or more ended a stretch of editing, and the state it
 * ended in has no snapshot yet. (Without this, the end of yesterday's work would be lost to the
 * first autosave of today.)
 */
export function sessionEndDue(entries: readonly RevisionEntry[], revision: number, updatedAt: string, now: Date): boolean {
  if (entries.some((entry) => entry.revision === revision)) return false;
  return now.getTime() - Date.parse(updatedAt) >= AUTO_SNAPSHOT_AFTER_MS;
}

/**
 * The entries to keep at `now`: every entry that is not automatic, every automatic one from the
 * last day, then the newest automatic one per hour up to a week, and the newest per day before
 * that (hours and days counted in UTC). Order is kept.
 */
export function thinHistory(entries: readonly RevisionEntry[], now: Date): RevisionEntry[] {
  const keepers = new Map<string, RevisionEntry>();
  for (const entry of entries) {
    if (entry.kind !== 'auto') continue;
    const at = Date.parse(entry.at);
    const age = now.getTime() - at;
    if (age <= DAY) continue;
    const bucket = age <= 7 * DAY ? `h${Math.floor(at / HOUR)}` : `d${Math.floor(at / DAY)}`;
    const kept = keepers.get(bucket);
    if (!kept || Date.parse(kept.at) <= at) keepers.set(bucket, entry);
  }
  const kept = new Set(keepers.values());
  return entries.filter((entry) => {
    if (entry.kind !== 'auto') return true;
    return now.getTime() - Date.parse(entry.at) <= DAY || kept.has(entry);
  });
}

/** The revisions whose snapshot file no entry needs any more. */
export function unreferencedRevisions(before: readonly RevisionEntry[], after: readonly RevisionEntry[]): number[] {
  const needed = new Set(after.map((entry) => entry.revision));
  return [...new Set(before.map((entry) => entry.revision))].filter((revision) => !needed.has(revision));
}
