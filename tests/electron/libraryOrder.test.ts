import { describe, expect, it } from 'vitest';
import { comparer, type QueryContext } from '../../electron/library/libraryQuery';
import type { ArticleSummary } from '../../shared/model/article';

const context = { profiles: [], sectionName: (slug: string) => slug, timeZone: 'Asia/Ho_Chi_Minh', now: new Date('2026-11-29T00:00:00Z') } as unknown as QueryContext;

const summary = (id: string, updatedAt: string, dueAt: string | null = null): ArticleSummary => ({
  id,
  slug: id,
  headline: id,
  section: 'thoi-su',
  status: 'draft',
  assignee: '',
  dueAt,
  updatedAt,
  wordCount: 1,
  tags: [],
  publishedAt: null,
  revision: 1,
  trashedAt: null,
});

describe('the library’s order by time', () => {
  it('is the order of the times themselves, whether written as Newsdesk writes them or with an offset', () => {
    // Random times, some written with +07:00 (as another program might), some in Newsdesk's own form.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const items = Array.from({ length: 400 }, (_, i) => {
      const at = Date.UTC(2020, 0, 1) + Math.floor(random() * 6 * 365 * 86_400_000);
      const text = i % 3 === 0 ? new Date(at + 7 * 3_600_000).toISOString().replace('Z', '+07:00') : new Date(at).toISOString();
      return summary(`a${i}`, text, i % 5 === 0 ? null : text);
    });
    for (const sort of ['updated', 'due'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const ordered = [...items].sort(comparer(sort, direction, context));
        const times = ordered.map((s) => (sort === 'updated' ? s.updatedAt : s.dueAt)).filter((t): t is string => t !== null).map((t) => Date.parse(t));
        const expected = [...times].sort((x, y) => (direction === 'asc' ? x - y : y - x));
        expect(times).toEqual(expected);
        // No deadline comes last either way.
        if (sort === 'due') expect(ordered.slice(-80).every((s) => s.dueAt === null)).toBe(true);
      }
    }
  });
});
