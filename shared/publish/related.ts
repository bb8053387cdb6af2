import type { ArticleSummary } from '../model/article';
import { fold } from '../text/vietnamese';
import type { ArticleRef } from './renderArticlePage';

export interface PageNeighbours {
  related: ArticleRef[];
  others: ArticleRef[];
  latest: ArticleRef[];
}

const toRef = (summary: ArticleSummary): ArticleRef => ({
  id: summary.id,
  slug: summary.slug,
  headline: summary.headline,
  sapo: '',
  section: summary.section,
  publishedAt: summary.publishedAt,
  updatedAt: summary.updatedAt,
});

const newestFirst = (a: ArticleSummary, b: ArticleSummary) => ((b.publishedAt ?? b.updatedAt) > (a.publishedAt ?? a.updatedAt) ? 1 : -1);

/**
 * The blocks beside an article: "Tin liên quan" (chosen by hand, or suggested by shared tags and
 * section), "Các tin khác" (the section's newest) and "Mới nhất" (the newest of all). Only
 * published articles with a slug are ever offered. `published` must be sorted newest first.
 */
export function pageNeighbours(
  article: { id: string; section: string; tags: string[]; related: string[] },
  published: readonly ArticleSummary[],
  byId: ReadonlyMap<string, ArticleSummary>,
  count = 5,
): PageNeighbours {
  const usable = (s: ArticleSummary | undefined): s is ArticleSummary => !!s && s.id !== article.id && s.status === 'published' && s.trashedAt === null && !!s.slug;
  let related = article.related.map((id) => byId.get(id)).filter(usable);
  if (related.length === 0 && (article.tags.length || article.section)) {
    const tags = new Set(article.tags.map(fold));
    const scored: Array<[number, ArticleSummary]> = [];
    for (const candidate of published) {
      if (!usable(candidate)) continue;
      const shared = candidate.tags.filter((t) => tags.has(fold(t))).length;
      const score = shared * 2 + (article.section && candidate.section === article.section ? 1 : 0);
      if (score > 0) scored.push([score, candidate]);
    }
    related = scored.sort((a, b) => b[0] - a[0] || newestFirst(a[1], b[1])).slice(0, count).map(([, s]) => s);
  }
  const shown = new Set([article.id, ...related.map((s) => s.id)]);
  const others = article.section ? published.filter((s) => usable(s) && s.section === article.section && !shown.has(s.id)).slice(0, count) : [];
  for (const s of others) shown.add(s.id);
  const latest = published.filter((s) => usable(s) && !shown.has(s.id)).slice(0, count);
  return { related: related.map(toRef), others: others.map(toRef), latest: latest.map(toRef) };
}

export { newestFirst };
