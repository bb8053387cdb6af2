import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../shared/model/article';
import { newestFirst, pageNeighbours } from '../../shared/publish/related';

const summary = (id: string, section: string, tags: string[], minute: number, status: ArticleSummary['status'] = 'published'): ArticleSummary => ({
  id,
  slug: `bai-${id}`,
  headline: `Bài ${id}`,
  section,
  status,
  assignee: '',
  updatedAt: `2026-11-27T01:${String(minute).padStart(2, '0')}:00.000Z`,
  publishedAt: `2026-11-27T01:${String(minute).padStart(2, '0')}:00.000Z`,
  wordCount: 10,
  tags,
  revision: 1,
  trashedAt: null,
});

describe('the blocks beside an article', () => {
  const all = [
    summary('a', 'thoi-su', ['Giáo dục'], 1),
    summary('b', 'thoi-su', ['giao duc', 'Cần Thơ'], 2),
    summary('c', 'kinh-te', ['Cần Thơ'], 3),
    summary('d', 'kinh-te', [], 4),
    summary('e', 'thoi-su', [], 5, 'draft'),
    summary('f', 'the-thao', ['Bóng đá'], 6),
  ].sort(newestFirst);
  const byId = new Map(all.map((s) => [s.id, s]));

  it('suggests related articles by shared tags (marks and case ignored) and section, published only', () => {
    const n = pageNeighbours({ id: 'x', section: 'thoi-su', tags: ['Giáo dục', 'Cần Thơ'], related: [] }, all, byId);
    expect(n.related.map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(n.others.map((r) => r.id)).toEqual([]);
    expect(n.latest.map((r) => r.id)).toEqual(['f', 'd']);
  });

  it('uses related articles chosen by hand, in their order, and never the article itself or drafts', () => {
    const n = pageNeighbours({ id: 'a', section: 'thoi-su', tags: ['Giáo dục'], related: ['f', 'e', 'a', 'c'] }, all, byId);
    expect(n.related.map((r) => r.id)).toEqual(['f', 'c']);
    expect(n.others.map((r) => r.id)).toEqual(['b']);
  });
});
