import type { LibraryQuery } from '../../../shared/api/contract';
import { librarySorts, libraryViews, NATURAL_DIRECTION, type LibrarySort, type LibraryViewName } from '../../../shared/api/libraryTerms';
import type { ArticleStatus } from '../../../shared/model/article';
import { articleStatuses } from '../../../shared/model/statuses';

export type SortDirection = 'asc' | 'desc';
export type DateField = 'updated' | 'due' | 'published';
/** The columns a reader can sort by (relevance has no column: it is the search's own order). */
export type SortColumn = Exclude<LibrarySort, 'relevance'>;

export interface LibraryFilters {
  statuses: ArticleStatus[];
  sections: string[];
  tags: string[];
  /** Profile ids; '' for articles assigned to no one. */
  assignees: string[];
  dateField: DateField;
  /** 'YYYY-MM-DD' or ''. */
  from: string;
  to: string;
}

/** What the library shows: kept for the session (sessionStorage), so coming back from an article finds it as it was left. */
export interface LibraryState {
  view: LibraryViewName;
  query: string;
  filters: LibraryFilters;
  /** null: the natural order (best match first while searching, else the latest updated first). */
  sort: SortColumn | null;
  direction: SortDirection;
}

export const NO_FILTERS: LibraryFilters = { statuses: [], sections: [], tags: [], assignees: [], dateField: 'updated', from: '', to: '' };
export const INITIAL_STATE: LibraryState = { view: 'active', query: '', filters: NO_FILTERS, sort: null, direction: 'desc' };

/** Each column's first direction when chosen (the service's natural one). */
export const FIRST_DIRECTION: Record<SortColumn, SortDirection> = NATURAL_DIRECTION;

const STORAGE_KEY = 'newsdesk.library';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 200) : []);

/** The state kept for this session, each part checked (a stale or hand-edited entry falls back to the defaults). */
export function loadLibraryState(): LibraryState {
  let raw: unknown;
  try {
    raw = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    raw = null;
  }
  if (!raw || typeof raw !== 'object') return INITIAL_STATE;
  const value = raw as Record<string, unknown>;
  const filters = (value.filters && typeof value.filters === 'object' ? value.filters : {}) as Record<string, unknown>;
  const statuses = strings(filters.statuses).filter((s): s is ArticleStatus => (articleStatuses as readonly string[]).includes(s));
  const sort = (librarySorts as readonly unknown[]).includes(value.sort) && value.sort !== 'relevance' ? (value.sort as SortColumn) : null;
  return {
    view: (libraryViews as readonly unknown[]).includes(value.view) ? (value.view as LibraryViewName) : 'active',
    query: typeof value.query === 'string' ? value.query.slice(0, 200) : '',
    filters: {
      statuses,
      sections: strings(filters.sections),
      tags: strings(filters.tags).slice(0, 50),
      assignees: strings(filters.assignees),
      dateField: filters.dateField === 'due' || filters.dateField === 'published' ? filters.dateField : 'updated',
      from: typeof filters.from === 'string' && DAY.test(filters.from) ? filters.from : '',
      to: typeof filters.to === 'string' && DAY.test(filters.to) ? filters.to : '',
    },
    sort,
    direction: value.direction === 'asc' ? 'asc' : 'desc',
  };
}

export function saveLibraryState(state: LibraryState): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Storage full or refused: the state simply is not kept.
  }
}

export function activeFilterCount(filters: LibraryFilters): number {
  return filters.statuses.length + filters.sections.length + filters.tags.length + filters.assignees.length + (filters.from || filters.to ? 1 : 0);
}

/** The listing's question to the service (the same for listArticles and listArticleIds). */
export function libraryQuery(state: LibraryState): LibraryQuery {
  const { filters } = state;
  const query = state.query.trim();
  return {
    view: state.view,
    ...(query ? { query } : {}),
    ...(filters.statuses.length ? { statuses: filters.statuses } : {}),
    ...(filters.sections.length ? { sections: filters.sections } : {}),
    ...(filters.tags.length ? { tags: filters.tags } : {}),
    ...(filters.assignees.length ? { assignees: filters.assignees } : {}),
    ...(filters.from || filters.to
      ? { dates: { field: filters.dateField, ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) } }
      : {}),
  };
}

/** The order asked for: a chosen column, else the best match while searching, else the latest updated. */
export function effectiveSort(state: LibraryState): { sort: LibrarySort; direction: SortDirection } {
  if (state.sort) return { sort: state.sort, direction: state.direction };
  return state.query.trim() ? { sort: 'relevance', direction: 'desc' } : { sort: 'updated', direction: 'desc' };
}
