import { createHash } from 'node:crypto';
import { stableStringify } from '../../shared/text/stableStringify';

/**
 * What the crash test (tests/electron/crash.test.ts) and its writer process
 * (tests/helpers/crashWriter.ts) say to each other: one JSON object per line on the writer's
 * stdout, written synchronously, so every line written before the writer is killed reaches the test.
 */

/** What the test tells a writer to do (one line of JSON on its stdin). */
export interface WriterConfig {
  dataDir: string;
  /** The writer's random choices. */
  seed: number;
  /** Round number, for new article ids (`r<round>-<n>`). */
  round: number;
  /** The writer's clock starts here (ms since the epoch) and moves on a little at each reading. */
  clockStart: number;
}

/** The writer's operations. */
export type CrashOp = 'create' | 'autosave' | 'named' | 'status' | 'import' | 'trash' | 'restore' | 'restoreRevision' | 'idle';

/** A snapshot an acknowledged operation kept in revision history (never thinned: not automatic). */
export interface AckedSnapshot {
  revision: number;
  kind: 'created' | 'named' | 'status' | 'replaced' | 'restore';
  label: string;
  /** contentHash of the snapshot's article. */
  hash: string;
}

export type CrashMessage =
  /** The library is open; the writer starts working. */
  | { t: 'ready'; pid: number; articles: number; assets: number }
  /**
   * An operation is about to start. `expect`: fields the article will have once it is written,
   * as the contentHash of each (`trashed`: whether `trashedAt` will be set), so that a write the
   * kill interrupted after it reached the disk can be recognised.
   */
  | { t: 'begin'; seq: number; op: CrashOp; id: string; base: number; expect: Record<string, string | boolean> }
  /** The service acknowledged a write of an article: what it saved, and the snapshots it kept. */
  | { t: 'ack'; seq: number; op: CrashOp; id: string; revision: number; hash: string; headline: string; status: string; trashedAt: string | null; snapshots: AckedSnapshot[]; clock: number }
  /** The service acknowledged an image: its asset id and the SHA-256 of the bytes given. */
  | { t: 'asset'; seq: number; assetId: string; sha256: string; bytes: number; clock: number }
  /** The service refused an operation as expected (publishing an article the checklist stops): nothing was written. */
  | { t: 'refused'; seq: number; op: CrashOp; id: string; code: string }
  /** whenIdle() resolved (library.json was written and the journal emptied). */
  | { t: 'idle'; seq: number; clock: number }
  /** Something went wrong that should not have: the writer stops. */
  | { t: 'error'; message: string };

/** An article's content as one value: the SHA-256 of its JSON with sorted keys. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

/** A small, seedable random source (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
