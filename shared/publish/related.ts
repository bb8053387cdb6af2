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
 * published articles with a slug are ever offered, and no article is listed twice on a page (in
 * two blocks, or twice in one). `published` must be sorted newest first.
 *
 * How the candidates are shared out, so that each block shows whenever it has something of its own:
 *  - Related articles chosen by hand come first, all of them, in the order chosen (duplicates
 *    dropped); the other blocks take what is left.
 *  - Otherwise related articles are suggested: two points per shared tag, one for the same
 *    section, newest first among equals, at most `count`. Suggestions outside the section take
 *    nothing from "Các tin khác"; but of the section's own n candidates, the suggestions take at
 *    most half (⌊n/2⌋), so that "Các tin khác" keeps the rest: a section of 3 articles gives the
 *    other two one each (related, others), of 2 gives its one other article to "Các tin khác".
 *    With 2·count or more candidates in the section the cap never binds (5 related, 5 others).
 *  - "Các tin khác": the section's newest not already listed, at most `count`.
 *  - "Mới nhất": the newest of all not already listed, at most `count` (on a small site where every
 *    article is already listed above, it has nothing left and is not shown).
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
  const shown = new Set([article.id]);
  const related: ArticleSummary[] = [];
  for (const candidate of article.related.map((id) => byId.get(id))) {
    if (usable(candidate) && !shown.has(candidate.id)) {
      related.push(candidate);
      shown.add(candidate.id);
    }
  }
  if (related.length === 0 && (article.tags.length || article.section)) {
    const tags = new Set(article.tags.map(fold));
    const scores = new Map<ArticleSummary, number>();
    for (const tag of tags) for (const candidate of index.byTag.get(tag) ?? []) scores.set(candidate, (scores.get(candidate) ?? 0) + 2);
    for (const candidate of sameSection.slice(0, 50)) scores.set(candidate, (scores.get(candidate) ?? 0) + 1);
    // The section's candidates, counted only as far as the cap can bind (2·count).
    let inSection = 0;
    for (const candidate of sameSection) {
      if (inSection === 2 * count) break;
      if (usable(candidate)) inSection++;
    }
    let sectionQuota = Math.floor(inSection / 2);
    const ranked = [...scores].filter(([candidate]) => usable(candidate)).sort((a, b) => b[1] - a[1] || newestFirst(a[0], b[0]));
    for (const [candidate] of ranked) {
      if (related.length === count) break;
      const fromSection = !!article.section && candidate.section === article.section;
      if (fromSection && sectionQuota === 0) continue;
      if (fromSection) sectionQuota--;
      related.push(candidate);
      shown.add(candidate.id);
    }
  }
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
