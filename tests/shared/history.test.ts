import { describe, expect, it } from 'vitest';
import { autoSnapshotDue, sessionEndDue, thinHistory, unreferencedRevisions, type RevisionEntry } from '../../shared/review/history';

const NOW = new Date('2026-11-28T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let revision = 0;
const entry = (agoMs: number, kind: RevisionEntry['kind'] = 'auto'): RevisionEntry => ({
  revision: ++revision,
  kind,
  label: '',
  at: new Date(NOW.getTime() - agoMs).toISOString(),
  by: 'Minh Anh',
  words: 100,
  status: 'draft',
});

describe('when an automatic snapshot is due', () => {
  it('after ten minutes since the newest snapshot of any kind', () => {
    expect(autoSnapshotDue([], NOW)).toBe(true);
    expect(autoSnapshotDue([entry(9 * 60_000)], NOW)).toBe(false);
    expect(autoSnapshotDue([entry(30 * 60_000), entry(10 * 60_000, 'named')], NOW)).toBe(true);
    expect(autoSnapshotDue([entry(30 * 60_000), entry(2 * 60_000, 'status')], NOW)).toBe(false);
  });

  it('keeps the end of a stretch of editing only after a pause, and only once', () => {
    const kept = entry(2 * HOUR, 'named');
    const updated = new Date(NOW.getTime() - 15 * 60_000).toISOString();
    expect(sessionEndDue([kept], kept.revision + 3, updated, NOW)).toBe(true);
    expect(sessionEndDue([kept], kept.revision, updated, NOW)).toBe(false);
    expect(sessionEndDue([kept], kept.revision + 3, new Date(NOW.getTime() - 60_000).toISOString(), NOW)).toBe(false);
  });
});

describe('thinning', () => {
  it('keeps everything from the last day, the newest per hour up to a week, the newest per day before', () => {
    const recent = [entry(5 * HOUR), entry(4.9 * HOUR), entry(10 * 60_000)];
    const hourA = [entry(2 * DAY + 0.9 * HOUR), entry(2 * DAY + 0.5 * HOUR)];
    const dayOld = [entry(9 * DAY + 5 * HOUR), entry(9 * DAY + 1 * HOUR)];
    const named = entry(30 * DAY, 'named');
    const status = entry(20 * DAY, 'status');
    const all = [named, status, ...dayOld, ...hourA, ...recent];
    all.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const kept = thinHistory(all, NOW);
    expect(kept).toContain(named);
    expect(kept).toContain(status);
    for (const e of recent) expect(kept).toContain(e);
    // Of two in the same UTC hour two days ago (11:06 and 11:30), the newer one stays.
    expect(kept.filter((e) => hourA.includes(e))).toEqual([hourA[1]]);
    // Of two on the same UTC day nine days ago, the newer one stays.
    expect(kept.filter((e) => dayOld.includes(e))).toEqual([dayOld[1]]);
    // Order is kept.
    expect(kept).toEqual(all.filter((e) => kept.includes(e)));
  });

  it('names the snapshot files no entry needs any more (a revision shared with a kept entry stays)', () => {
    const a = entry(10 * DAY);
    const b = { ...entry(10 * DAY - 60_000), kind: 'export' as const, revision: a.revision };
    const c = entry(10 * DAY - 120_000);
    const d = entry(10 * DAY - 180_000);
    const after = thinHistory([a, b, c, d], NOW);
    expect(after).toEqual([b, d]);
    expect(unreferencedRevisions([a, b, c, d], after)).toEqual([c.revision]);
  });
});
