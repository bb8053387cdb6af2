import { NATURAL_DIRECTION, type LibraryQuery, type LibrarySort } from '../../shared/api/contract';
import { articleStatuses, type ArticleSummary } from '../../shared/model/article';
import type { Profile } from '../../shared/review/people';
import { isOverdue } from '../../shared/review/workflow';
import { toZonedIso } from '../../shared/text/dates';
import { compareVietnamese } from '../../shared/text/vietnamese';

/**
 * What the library lists (listArticles, listArticleIds): the saved views, the filters and the
 * orders, over the catalog's summaries. Pure: the service gives it the summaries, the time, the
 * time zone and the profiles.
 */

export interface QueryContext {
  now: Date;
  timeZone: string;
  /** The calling profile's id ("Của tôi"); undefined when none. */
  me: string | undefined;
  profiles: readonly Profile[];
  /** Section slug → name (sections sort by name). */
  sectionName: (slug: string) => string;
}

const DAY_MS = 86_400_000;

/** When a day (YYYY-MM-DD) begins in a time zone, in ms since the epoch. */
export function dayStart(day: string, timeZone: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, date);
  const zoned = toZonedIso(new Date(guess).toISOString(), timeZone);
  const offset = /([+-])(\d\d):(\d\d)$/.exec(zoned);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return guess - minutes * 60_000;
}

/** Today (YYYY-MM-DD) in a time zone. */
export function today(now: Date, timeZone: string): string {
  return toZonedIso(now.toISOString(), timeZone).slice(0, 10);
}

const dateOf = (summary: ArticleSummary, field: 'updated' | 'due' | 'published') =>
  field === 'updated' ? summary.updatedAt : field === 'due' ? summary.dueAt : summary.publishedAt;

const within = (iso: string | null, from: number, to: number) => {
  if (iso === null) return false;
  const at = Date.parse(iso);
  return at >= from && at < to;
};

/** A test of whether a summary is listed by a query's view and filters (the search aside). */
export function matcher(query: LibraryQuery, context: QueryContext): (summary: ArticleSummary) => boolean {
  const tests: Array<(summary: ArticleSummary) => boolean> = [];
  const view = query.view ?? 'active';
  tests.push(view === 'trash' ? (s) => s.trashedAt !== null : (s) => s.trashedAt === null);
  if (view === 'mine') {
    const me = context.me;
    tests.push(me ? (s) => s.assignee === me : () => false);
  } else if (view === 'waiting') {
    tests.push((s) => s.status === 'submitted' || s.status === 'review');
  } else if (view === 'overdue') {
    tests.push((s) => isOverdue(s, context.now));
  } else if (view === 'today') {
    const from = dayStart(today(context.now, context.timeZone), context.timeZone);
    const to = from + DAY_MS;
    tests.push((s) => within(s.updatedAt, from, to) || within(s.dueAt, from, to));
  }
  if (query.statuses?.length) {
    const statuses = new Set<string>(query.statuses);
    tests.push((s) => statuses.has(s.status));
  }
  if (query.sections?.length) {
    const sections = new Set(query.sections);
    tests.push((s) => sections.has(s.section));
  }
  if (query.assignees?.length) {
    const assignees = new Set(query.assignees);
    tests.push((s) => assignees.has(s.assignee));
  }
  if (query.tags?.length) {
    const tags = new Set(query.tags.map((tag) => tag.toLocaleLowerCase('vi')));
    tests.push((s) => s.tags.some((tag) => tags.has(tag.toLocaleLowerCase('vi'))));
  }
  if (query.dates && (query.dates.from || query.dates.to)) {
    const { field } = query.dates;
    const from = query.dates.from ? dayStart(query.dates.from, context.timeZone) : -Infinity;
    const to = query.dates.to ? dayStart(query.dates.to, context.timeZone) + DAY_MS : Infinity;
    tests.push((s) => within(dateOf(s, field), from, to));
  }
  return (summary) => tests.every((test) => test(summary));
}

type Compare = (a: ArticleSummary, b: ArticleSummary) => number;

const byId: Compare = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byText = (of: (s: ArticleSummary) => string): Compare => {
  // (Collation keys are compared many times in a sort: each text is compared through one collator.)
  return (a, b) => {
    const x = of(a);
    const y = of(b);
    // Empty last, whichever the direction is read.
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return compareVietnamese(x, y);
  };
};
/** A time as Newsdesk writes it (toISOString: UTC, milliseconds, 'Z'), whose text sorts as the time does. */
const isCanonicalInstant = (text: string) => text.length === 24 && text.charCodeAt(23) === 90 /* Z */ && text.charCodeAt(10) === 84; /* T */
const byInstant = (of: (s: ArticleSummary) => string | null): Compare => (a, b) => {
  const x = of(a);
  const y = of(b);
  if (x === null || y === null) return x !== null ? -1 : y !== null ? 1 : 0;
  // Compared as text when both are in Newsdesk's own form (a list of 100,000 is ordered by
  // hundreds of thousands of comparisons; parsing both times each time was most of a first page).
  if (isCanonicalInstant(x) && isCanonicalInstant(y)) return x < y ? -1 : x > y ? 1 : 0;
  return Date.parse(x) - Date.parse(y);
};


/**
 * The order of a column (ties by id, so that every page of a list agrees with the others). Empty
 * values (no deadline, no assignee, no section) come last in either direction.
 */
export function comparer(sort: Exclude<LibrarySort, 'relevance'>, direction: 'asc' | 'desc' | undefined, context: QueryContext): Compare {
  const names = new Map(context.profiles.map((profile) => [profile.id, profile.name]));
  const base: Compare = {
    headline: byText((s) => s.headline),
    section: byText((s) => context.sectionName(s.section)),
    assignee: byText((s) => names.get(s.assignee) ?? ''),
    status: (a: ArticleSummary, b: ArticleSummary) => articleStatuses.indexOf(a.status) - articleStatuses.indexOf(b.status),
    due: byInstant((s) => s.dueAt),
    updated: byInstant((s) => s.updatedAt),
    words: (a: ArticleSummary, b: ArticleSummary) => a.wordCount - b.wordCount,
  }[sort];
  const reversed = (direction ?? NATURAL_DIRECTION[sort]) === 'desc';
  const isEmpty = (s: ArticleSummary) =>
    sort === 'due' ? s.dueAt === null : sort === 'assignee' ? !names.get(s.assignee) : sort === 'section' ? !context.sectionName(s.section) : sort === 'headline' ? !s.headline : false;
  return (a, b) => {
    const emptyA = isEmpty(a);
    const emptyB = isEmpty(b);
    if (emptyA !== emptyB) return emptyA ? 1 : -1;
    const order = base(a, b);
    return (reversed ? -order : order) || byId(a, b);
  };
}
