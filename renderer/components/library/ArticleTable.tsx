import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { formatShortDateTime } from '../../../shared/text/dates';
import { useSettings } from '../../hooks/useSettings';
import { ArticleRow, type RowActions } from './ArticleRow';
import type { SortColumn, SortDirection } from './libraryState';
import type { Row } from './pageStore';

/** performance.mark set once a page load's first library row is on screen (for `npm run bench`). */
export const FIRST_ROW_MARK = 'newsdesk:library-first-row';
let firstRowMarked = false;

/**
 * Rows have fixed heights (CSS says the same), so nothing is measured: measuring rows makes the
 * virtualiser recount every row's place after each, which at 100,000 rows costs more than the rest
 * of the first paint. While searching a row has room for a snippet of two lines.
 */
export const ROW_HEIGHT = 41;
export const ROW_WITH_SNIPPET = 84;
/** The user's text size against the 16 px the heights above are for: a larger text makes taller rows. */
const textScale = () => parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;
const OVERSCAN = 12;
const MIN_HEIGHT = 280;
/** Below the list: the main area's own padding. */
const BOTTOM_GAP = 24;

const COLUMNS: readonly { column: SortColumn; labelKey: string; className?: string }[] = [
  { column: 'headline', labelKey: 'library.colHeadline', className: 'headline-col' },
  { column: 'section', labelKey: 'library.colSection' },
  { column: 'status', labelKey: 'library.colStatus' },
  { column: 'assignee', labelKey: 'library.colAssignee' },
  { column: 'due', labelKey: 'library.colDue' },
  { column: 'updated', labelKey: 'library.colUpdated' },
  { column: 'words', labelKey: 'library.colWords', className: 'num' },
];

export interface TableProps {
  total: number;
  rowAt: (index: number) => Row | undefined;
  want: (first: number, last: number) => void;
  /** Changes with the question asked (view, search, filters, order): the table goes back to its top. */
  listKey: string;
  busy: boolean;
  searching: boolean;
  trash: boolean;
  selected: ReadonlySet<string>;
  /** The header's checkbox: every matching article chosen, some, or none. */
  allState: 'all' | 'some' | 'none';
  onToggleAll: () => void;
  onSelectAll: () => void;
  /** Adds the rows between two indexes (both included) to the selection. */
  onSelectRange: (from: number, to: number) => void;
  sort: { column: SortColumn | null; direction: SortDirection };
  onSort: (column: SortColumn) => void;
  actions: RowActions;
  labelledBy: string;
}

/**
 * The library as a table whose rows exist only around what is on screen (@tanstack/react-virtual),
 * however many articles match. One row at a time is in the Tab order (its headline, checkbox and
 * action); arrows, Home/End and Page Up/Down move between rows, Enter opens, Space chooses,
 * Shift with an arrow chooses as it goes.
 */
export function ArticleTable(props: TableProps) {
  const { total, rowAt, want, listKey, trash, selected, sort, actions } = props;
  const { t } = useTranslation();
  const settings = useSettings();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const activeRef = useRef(active);
  activeRef.current = active;
  const shown = useRef<[number, number]>([0, 0]);
  const pendingFocus = useRef<number | null>(null);
  const scale = textScale();
  const rowHeight = Math.round((props.searching ? ROW_WITH_SNIPPET : ROW_HEIGHT) * scale);

  const rangeExtractor = useCallback((range: Range) => {
    shown.current = [Math.max(0, range.startIndex - range.overscan), Math.min(range.count - 1, range.endIndex + range.overscan)];
    const indexes = defaultRangeExtractor(range);
    // The row with the keyboard stays in the page while scrolled away, so focus is never lost.
    const keep = activeRef.current;
    if (keep < range.count && !indexes.includes(keep)) {
      indexes.push(keep);
      indexes.sort((a, b) => a - b);
    }
    return indexes;
  }, []);

  // TanStack Virtual hands back functions the React Compiler cannot memoise: this component is left uncompiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();

  // The rows on screen are the ones to read.
  const [first, last] = shown.current;
  useEffect(() => {
    if (total > 0) want(first, last);
  }, [want, first, last, total]);

  // A new question starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setActive(0);
    virtualizer.measure();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [listKey, props.searching, scale]);
  // A shorter list keeps the row within it. (An update of the row, not a value: when a new question
  // came in the same render, its move to the top, queued just before, is what this sees.)
  useEffect(() => {
    if (total > 0) setActive((row) => (row >= total ? total - 1 : row));
  }, [active, total]);

  const firstRow = rowAt(0);
  useEffect(() => {
    if (firstRowMarked || !firstRow) return;
    firstRowMarked = true;
    requestAnimationFrame(() => performance.mark(FIRST_ROW_MARK));
  }, [firstRow]);

  // Focus follows the keyboard: once the row moved to is in the page, its headline takes it.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const target = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${index}"] [data-focus-target]`);
    if (target) {
      pendingFocus.current = null;
      target.focus({ preventScroll: true });
    }
  });

  // The list fills the window below what stands above it (which may wrap, or gain the selection's toolbar).
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const fit = () => {
      const height = `${Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - box.getBoundingClientRect().top - window.scrollY - BOTTOM_GAP))}px`;
      if (box.style.height !== height) box.style.height = height;
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  });

  const moveTo = (index: number, extend: boolean) => {
    const next = Math.max(0, Math.min(total - 1, index));
    if (extend) props.onSelectRange(Math.min(activeRef.current, next), Math.max(activeRef.current, next));
    setActive(next);
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.altKey || total === 0) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / rowHeight) - 1);
    const current = activeRef.current;
    const mod = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(current + 1, event.shiftKey);
        break;
      case 'ArrowUp':
        moveTo(current - 1, event.shiftKey);
        break;
      case 'PageDown':
        moveTo(current + page, event.shiftKey);
        break;
      case 'PageUp':
        moveTo(current - page, event.shiftKey);
        break;
      case 'Home':
        moveTo(0, event.shiftKey);
        break;
      case 'End':
        moveTo(total - 1, event.shiftKey);
        break;
      case ' ': {
        if ((event.target as HTMLElement).matches('input[type="checkbox"], button')) return;
        const row = rowAt(current);
        if (row) props.actions.onToggle(current, row.summary.id, event.shiftKey);
        break;
      }
      case 'a':
        if (!mod) return;
        props.onSelectAll();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const today = formatShortDateTime(new Date().toISOString(), settings.timeZone);
  const ariaSort = (column: SortColumn) =>
    sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;

  return (
    <div className="library-scroll" ref={scroller} data-testid="library-scroll">
      <table className="article-table" role="table" aria-labelledby={props.labelledBy} aria-rowcount={total + 1} aria-busy={props.busy}>
        <thead role="rowgroup">
          <tr role="row" aria-rowindex={1}>
            <th role="columnheader" scope="col" className="select-cell">
              <input
                type="checkbox"
                checked={props.allState === 'all'}
                ref={(box) => {
                  if (box) box.indeterminate = props.allState === 'some';
                }}
                disabled={total === 0}
                onChange={props.onToggleAll}
                aria-label={t('library.selectAll', { count: total })}
              />
            </th>
            {COLUMNS.map(({ column, labelKey, className }) => (
              <th key={column} role="columnheader" scope="col" className={className} aria-sort={ariaSort(column)}>
                <button type="button" className="sort" onClick={() => props.onSort(column)} data-testid={`sort-${column}`}>
                  {t(labelKey)}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
          onFocus={(event) => {
            const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
            if (row) setActive(Number(row.dataset.index));
          }}
        >
          {items.map((item) => (
            <ArticleRow
              key={item.index}
              index={item.index}
              row={rowAt(item.index)}
              start={item.start}
              trash={trash}
              selected={(() => {
                const id = rowAt(item.index)?.summary.id;
                return id !== undefined && selected.has(id);
              })()}
              active={item.index === active}
              settings={settings}
              today={today}
              actions={actions}
              height={rowHeight}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
