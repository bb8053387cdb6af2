import { z } from 'zod';
import { articleRefSchema, type ArticleRef, type ArticleSummary } from '../model/article';
import { fold } from '../text/vietnamese';

/** What an article page shows beside the article: related articles, the section's others, the latest. */
export const pageNeighboursSchema = z.strictObject({ related: z.array(articleRefSchema), others: z.array(articleRefSchema), latest: z.array(articleRefSchema) });
export type PageNeighbours = z.infer<typeof pageNeighboursSchema>;

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

/** Published articles by section and by (folded) tag, each newest first: for exporting many pages. */
export interface NeighbourIndex {
  bySection: Map<string, ArticleSummary[]>;
  byTag: Map<string, ArticleSummary[]>;
}

export function neighbourIndex(published: readonly ArticleSummary[]): NeighbourIndex {
  const bySection = new Map<string, ArticleSummary[]>();
  const byTag = new Map<string, ArticleSummary[]>();
  for (const summary of published) {
    if (summary.section) {
      const list = bySection.get(summary.section);
      if (list) list.push(summary);
      else bySection.set(summary.section, [summary]);
    }
    for (const tag of new Set(summary.tags.map(fold))) {
      const list = byTag.get(tag);
      if (list) list.push(summary);
      else byTag.set(tag, [summary]);
    }
  }
  return { bySection, byTag };
}

/**
 * The blocks beside an article: "Tin liên quan" (chosen by hand, or suggested by shared tags and
 * section), "Các tin khác" (the section's newest) and "Mới nhất" (the newest of all). Only
 * published articles with a slug are ever offered. `published` must be sorted newest first.
 */
export function pageNeighbours(
  article: { id: string; section: string; tags: string[]; related: string[] },
  published: readonly ArticleSummary[],
  byId: ReadonlyMap<string, ArticleSummary>,
  index: NeighbourIndex = neighbourIndex(published),
  count = 5,
): PageNeighbours {
  const usable = (s: ArticleSummary | undefined): s is ArticleSummary => !!s && s.id !== article.id && s.status === 'published' && s.trashedAt === null && !!s.slug;
  const sameSection = article.section ? (index.bySection.get(article.section) ?? []) : [];
  let related = article.related.map((id) => byId.get(id)).filter(usable);
  if (related.length === 0 && (article.tags.length || article.section)) {
    const tags = new Set(article.tags.map(fold));
    const scores = new Map<ArticleSummary, number>();
    for (const tag of tags) for (const candidate of index.byTag.get(tag) ?? []) scores.set(candidate, (scores.get(candidate) ?? 0) + 2);
    for (const candidate of sameSection.slice(0, 50)) scores.set(candidate, (scores.get(candidate) ?? 0) + 1);
    related = [...scores]
      .filter(([candidate]) => usable(candidate))
      .sort((a, b) => b[1] - a[1] || newestFirst(a[0], b[0]))
      .slice(0, count)
      .map(([candidate]) => candidate);
  }
  const shown = new Set([article.id, ...related.map((s) => s.id)]);
  const take = (list: readonly ArticleSummary[]) => {
    const picked: ArticleSummary[] = [];
    for (const candidate of list) {
      if (picked.length === count) break;
      if (usable(candidate) && !shown.has(candidate.id)) {
        picked.push(candidate);
        shown.add(candidate.id);
      }
    }
    return picked;
  };
  const others = take(sameSection);
  const latest = take(published);
  return { related: related.map(toRef), others: others.map(toRef), latest: latest.map(toRef) };
}

export { newestFirst };
