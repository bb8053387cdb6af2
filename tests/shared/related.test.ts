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
  dueAt: null,
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

  it('suggests related articles by shared tags (marks and case ignored) and section, published only, leaving the section some', () => {
    const n = pageNeighbours({ id: 'x', section: 'thoi-su', tags: ['Giáo dục', 'Cần Thơ'], related: [] }, all, byId);
    // The section has two candidates (a, b): related takes the better one, "Các tin khác" the other.
    expect(n.related.map((r) => r.id)).toEqual(['b', 'c']);
    expect(n.others.map((r) => r.id)).toEqual(['a']);
    expect(n.latest.map((r) => r.id)).toEqual(['f', 'd']);
  });

  it('uses related articles chosen by hand, in their order, and never the article itself or drafts', () => {
    const n = pageNeighbours({ id: 'a', section: 'thoi-su', tags: ['Giáo dục'], related: ['f', 'e', 'a', 'c'] }, all, byId);
    expect(n.related.map((r) => r.id)).toEqual(['f', 'c']);
    expect(n.others.map((r) => r.id)).toEqual(['b']);
  });
});

describe('sharing the candidates between the blocks', () => {
  type Article = { id: string; section: string; tags: string[]; related: string[] };
  /** A site: `size` articles in "thoi-su" (t1 the newest; the page's own article is "x", the oldest), and 6 in "kinh-te". */
  function site(size: number, extra: ArticleSummary[] = []) {
    const inSection = Array.from({ length: size - 1 }, (_, i) => summary(`t${i + 1}`, 'thoi-su', [], 50 - i));
    const elsewhere = Array.from({ length: 6 }, (_, i) => summary(`k${i + 1}`, 'kinh-te', [], 30 - i));
    const own = summary('x', 'thoi-su', [], 1);
    const published = [...inSection, ...elsewhere, ...extra, own].sort(newestFirst);
    return { published, byId: new Map(published.map((s) => [s.id, s])) };
  }
  const ids = (refs: Array<{ id: string }>) => refs.map((r) => r.id);
  const blocksFor = (article: Article, { published, byId }: ReturnType<typeof site>) => {
    const n = pageNeighbours(article, published, byId);
    const listed = [...ids(n.related), ...ids(n.others), ...ids(n.latest)];
    expect(new Set(listed).size, `listed twice: ${listed.join(' ')}`).toBe(listed.length);
    expect(listed).not.toContain(article.id);
    return { related: ids(n.related), others: ids(n.others), latest: ids(n.latest) };
  };
  const x = (more: Partial<Article> = {}): Article => ({ id: 'x', section: 'thoi-su', tags: [], related: [], ...more });

  it('a section of 3 articles: one related, one other, and the latest from elsewhere', () => {
    expect(blocksFor(x(), site(3))).toEqual({ related: ['t1'], others: ['t2'], latest: ['k1', 'k2', 'k3', 'k4', 'k5'] });
  });

  it('a section of 1 (the article alone) or 2: what the section has goes to “Các tin khác”', () => {
    expect(blocksFor(x(), site(1))).toEqual({ related: [], others: [], latest: ['k1', 'k2', 'k3', 'k4', 'k5'] });
    expect(blocksFor(x(), site(2))).toEqual({ related: [], others: ['t1'], latest: ['k1', 'k2', 'k3', 'k4', 'k5'] });
  });

  it('a section of 10: related takes the newest half of its 9 candidates, “Các tin khác” the next five', () => {
    expect(blocksFor(x(), site(10))).toEqual({ related: ['t1', 't2', 't3', 't4'], others: ['t5', 't6', 't7', 't8', 't9'], latest: ['k1', 'k2', 'k3', 'k4', 'k5'] });
    // With twice `count` candidates the split is five and five, as it always was.
    expect(blocksFor(x(), site(11))).toEqual({ related: ['t1', 't2', 't3', 't4', 't5'], others: ['t6', 't7', 't8', 't9', 't10'], latest: ['k1', 'k2', 'k3', 'k4', 'k5'] });
  });

  it('a shared tag outside the section is related without taking from the section; one inside counts as the section’s', () => {
    const tagged = site(3, [summary('g', 'giao-duc', ['Học tập'], 5)]);
    expect(blocksFor(x({ tags: ['học tập'] }), tagged)).toEqual({ related: ['g', 't1'], others: ['t2'], latest: ['k1', 'k2', 'k3', 'k4', 'k5'] });
    // The older section article shares the tag: it is the related one, the other stays in the section's block.
    const inside = site(3);
    inside.published.find((s) => s.id === 't2')!.tags.push('Học tập');
    expect(blocksFor(x({ tags: ['học tập'] }), inside)).toEqual({ related: ['t2'], others: ['t1'], latest: ['k1', 'k2', 'k3', 'k4', 'k5'] });
    // The section alone (size 1): tag matches anywhere fill the related block.
    expect(blocksFor(x({ tags: ['học tập'] }), site(1, [summary('g', 'giao-duc', ['Học tập'], 5)]))).toEqual({
      related: ['g'],
      others: [],
      latest: ['k1', 'k2', 'k3', 'k4', 'k5'],
    });
  });

  it('related articles chosen by hand keep their order and come first, even taking the whole section; listed once each', () => {
    const tagged = site(3, [summary('g', 'giao-duc', ['Học tập'], 5)]);
    expect(blocksFor(x({ tags: ['học tập'], related: ['t2', 'k6', 't1', 't2', 'x'] }), tagged)).toEqual({
      related: ['t2', 'k6', 't1'],
      others: [],
      latest: ['k1', 'k2', 'k3', 'k4', 'k5'],
    });
    expect(blocksFor(x({ related: ['k6', 't3'] }), site(5))).toEqual({ related: ['k6', 't3'], others: ['t1', 't2', 't4'], latest: ['k1', 'k2', 'k3', 'k4', 'k5'] });
  });
});
