/**
 * The library's views and orders as words (no schemas): what a window needs to ask for its first
 * list before the rest of the application has loaded (renderer/components/library/firstPage.ts).
 * The contract (./contract.ts) builds its schemas from these.
 */

/** The library's saved views: all, waiting for review, mine, today's (updated or due today), overdue, and the trash. */
export const libraryViews = ['active', 'waiting', 'mine', 'today', 'overdue', 'trash'] as const;
export type LibraryViewName = (typeof libraryViews)[number];
export const librarySorts = ['relevance', 'headline', 'section', 'status', 'assignee', 'due', 'updated', 'words'] as const;
export type LibrarySort = (typeof librarySorts)[number];
/** Each column's natural direction (the first when chosen): newest, nearest deadline, most syllables first; text A–Z. */
export const NATURAL_DIRECTION: Record<Exclude<LibrarySort, 'relevance'>, 'asc' | 'desc'> = {
  headline: 'asc',
  section: 'asc',
  status: 'asc',
  assignee: 'asc',
  due: 'asc',
  updated: 'desc',
  words: 'desc',
};
