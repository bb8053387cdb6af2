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

/** Newest first (by publication, else last change); articles of the same minute in id order, so every sort agrees. */
const newestFirst = (a: Pick<ArticleSummary, 'id' | 'publishedAt' | 'updatedAt'>, b: Pick<ArticleSummary, 'id' | 'publishedAt' | 'updatedAt'>) => {
  const [x, y] = [a.publishedAt ?? a.updatedAt, b.publishedAt ?? b.updatedAt];
  return x !== y ? (y > x ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/**
 * Published articles by section and by (folded) tag, each newest first: for exporting many pages.
 * Tags are kept as positions in `published` (newest first), so that scoring the candidates of a
 * page costs a few array additions rather than a sort of every article sharing a tag.
 */
export interface NeighbourIndex {
  published: readonly ArticleSummary[];
  bySection: Map<string, ArticleSummary[]>;
  /** Positions in `published` of each section's articles, in order. */
  sectionPositions: Map<string, number[]>;
  /** Positions in `published` of each folded tag's articles, in order. */
  byTag: Map<string, number[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `foldedTags` gives a summary's tags folded, when the caller already has them (the site export keeps them). */
export function neighbourIndex(published: readonly ArticleSummary[], foldedTags: (summary: ArticleSummary) => readonly string[] = (s) => s.tags.map(fold)): NeighbourIndex {
  const bySection = new Map<string, ArticleSummary[]>();
  const sectionPositions = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  published.forEach((summary, position) => {
    if (summary.section) {
      push(bySection, summary.section, summary);
      push(sectionPositions, summary.section, position);
    }
    for (const tag of new Set(foldedTags(summary))) push(byTag, tag, position);
  });
  return { published, bySection, sectionPositions, byTag };
}

/** Scores by position in `published`, reused from page to page (zeroed after each). */
let scratch = new Uint8Array(0);

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
  /** (`folded`: the tags already folded, when the caller keeps them.) */
  article: { id: string; section: string; tags: string[]; related: string[]; folded?: readonly string[] },
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
    const { published: list } = index;
    if (scratch.length < list.length) scratch = new Uint8Array(Math.max(list.length, 2 * scratch.length));
    const scores = scratch;
    const touched: number[] = [];
    let top = 0;
    const add = (position: number, points: number) => {
      if (scores[position] === 0) touched.push(position);
      const score = scores[position]! + points;
      scores[position] = score;
      if (score > top) top = score;
    };
    for (const tag of new Set(article.folded ?? article.tags.map(fold))) for (const position of index.byTag.get(tag) ?? []) add(position, 2);
    const sectionPositions = article.section ? (index.sectionPositions.get(article.section) ?? []) : [];
    for (let i = 0; i < Math.min(50, sectionPositions.length); i++) add(sectionPositions[i]!, 1);
    // The section's candidates, counted only as far as the cap can bind (2·count).
    let inSection = 0;
    for (const candidate of sameSection) {
      if (inSection === 2 * count) break;
      if (usable(candidate)) inSection++;
    }
    let sectionQuota = Math.floor(inSection / 2);
    // Ranked by score, then newest first (by position in `published`): the best score first, its
    // candidates in position order, and so on down (scores no candidate has are skipped), stopping
    // as soon as the block is full. The candidates' positions are sorted when they are few, else
    // every position is passed over (a typed array: cheaper than sorting thousands).
    const present = new Uint8Array(top + 1);
    for (const position of touched) present[scores[position]!] = 1;
    const order = touched.length * 16 < list.length ? Int32Array.from(touched).sort() : null;
    const end = order ? order.length : list.length;
    for (let score = top; score > 0 && related.length < count; score--) {
      if (!present[score]) continue;
      for (let i = 0; i < end && related.length < count; i++) {
        const position = order ? order[i]! : i;
        if (scores[position] !== score) continue;
        const candidate = list[position]!;
        if (!usable(candidate)) continue;
        const fromSection = !!article.section && candidate.section === article.section;
        if (fromSection && sectionQuota === 0) continue;
        if (fromSection) sectionQuota--;
        related.push(candidate);
        shown.add(candidate.id);
      }
    }
    for (const position of touched) scores[position] = 0;
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
