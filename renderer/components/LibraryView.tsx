import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { libraryViews, type ApiError } from '../../shared/api/contract';
import type { ArticleSummary } from '../../shared/model/article';
import { errorText, useApi } from '../api/ApiContext';
import { LIBRARY_CHANGED, sendArticles } from '../api/bundles';
import { useCommand } from '../commands';
import { useLatest } from '../hooks/useLatest';
import { useNotify } from '../hooks/useNotice';
import { useProfile } from '../hooks/useProfile';
import { ArticleTable } from './library/ArticleTable';
import type { RowActions } from './library/ArticleRow';
import { BulkEditDialog, type BulkChanges, type BulkKind } from './library/BulkEditDialog';
import { BulkExportDialog } from './library/BulkExportDialog';
import { BulkResultDialog, bulkSummary, type BulkResult } from './library/BulkResultDialog';
import { FilterBar } from './library/FilterBar';
import { activeFilterCount, effectiveSort, FIRST_DIRECTION, libraryQuery, loadLibraryState, saveLibraryState, type LibraryState, type SortColumn } from './library/libraryState';
import { SearchStatus } from './library/SearchStatus';
import { SelectionBar } from './library/SelectionBar';
import { useArticlePages } from './library/useArticlePages';
import { useAfterSync, useSyncStatus } from './sync/syncStatus';

const SEARCH_DELAY_MS = 150;

/** Is the keyboard in something that takes text (so `/` is a character there, not a shortcut)? */
const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches('input:not([type="checkbox"]):not([type="radio"]):not([type="button"]), textarea, select'));

/**
 * The library: saved views, a full-text search, filters, and a table of every matching article
 * (read page by page as it scrolls), sortable by any column, with actions on a selection.
 */
export function LibraryView() {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const ids = useId();
  const searchBox = useRef<HTMLInputElement>(null);

  const [state, setStateRaw] = useState<LibraryState>(loadLibraryState);
  const setState = useCallback((update: (state: LibraryState) => LibraryState) => {
    setStateRaw((current) => {
      const next = update(current);
      saveLibraryState(next);
      return next;
    });
  }, []);
  // The search asks once typing pauses; the box shows every key at once.
  const [query, setQuery] = useState(state.query);
  useEffect(() => {
    if (query === state.query) return;
    const timer = setTimeout(() => setState((s) => ({ ...s, query })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, state.query, setState]);

  const question = useMemo(() => libraryQuery(state), [state]);
  // “Của tôi” is the profile's own: another profile is another question.
  const profileId = useProfile().profile?.id ?? '';
  const request = useMemo(() => ({ query: question, ...effectiveSort(state), profile: profileId }), [question, state, profileId]);
  const searching = Boolean(question.query);

  const [reloadKey, setReloadKey] = useState(0);
  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  useEffect(() => {
    window.addEventListener(LIBRARY_CHANGED, reload);
    return () => window.removeEventListener(LIBRARY_CHANGED, reload);
  }, [reload]);
  // Team sync: its conflicts asked for as the library opens (the rows mark them); the rows read
  // again when a sync has brought something (only while sync is configured).
  const { refresh: refreshSync } = useSyncStatus();
  useEffect(() => {
    void refreshSync();
  }, [refreshSync]);
  useAfterSync(reload);
  const onError = useCallback((error: ApiError) => notify({ text: errorText(t, error), tone: 'error' }), [notify, t]);
  const pages = useArticlePages(request, reloadKey, onError);
  const { total, approximate } = pages;

  // The library's tags, for the tag filter and the bulk tag dialog: read when first wanted (every
  // article is counted for them, which is not the first page's work), and again after changes.
  const [tags, setTags] = useState<string[]>([]);
  const [tagsWanted, setTagsWanted] = useState(false);
  const wantTags = useCallback(() => setTagsWanted(true), []);
  useEffect(() => {
    if (!tagsWanted) return;
    void api.listTags({}).then((result) => result.ok && setTags(result.value.map((entry) => entry.tag)));
  }, [api, reloadKey, tagsWanted]);

  // ---- The selection: ids, kept while the question stays the same -------------------------------
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const questionKey = JSON.stringify(question);
  const lastQuestion = useRef(questionKey);
  useEffect(() => {
    if (lastQuestion.current === questionKey) return;
    lastQuestion.current = questionKey;
    setSelected(new Set());
  }, [questionKey]);
  /** Addresses of articles seen in the list (to name the folders an export makes). */
  const slugs = useRef(new Map<string, string>());
  const anchor = useRef<number | null>(null);
  const rowAt = useLatest(pages.rowAt);
  const addRange = useCallback(
    (from: number, to: number) =>
      setSelected((current) => {
        const next = new Set(current);
        for (let i = from; i <= to; i++) {
          const row = rowAt.current(i);
          if (row) {
            next.add(row.summary.id);
            slugs.current.set(row.summary.id, row.summary.slug);
          }
        }
        return next;
      }),
    [rowAt],
  );
  const selectAll = useCallback(async () => {
    notify({ text: t('library.selecting') });
    const result = await api.listArticleIds(question);
    if (!result.ok) return onError(result.error);
    setSelected(new Set(result.value.ids));
    // The selection's count (a status region) says how many now.
    notify(null);
  }, [api, question, notify, t, onError]);
  const allState = selected.size === 0 ? 'none' : total !== null && selected.size >= total ? 'all' : 'some';

  // ---- What can be done: one article, or the selection ------------------------------------------
  const [bulkBusy, setBulkBusy] = useState(false);
  const [editing, setEditing] = useState<BulkKind | null>(null);
  const [exporting, setExporting] = useState<string[] | null>(null);
  const [report, setReport] = useState<{ title: string; result: BulkResult } | null>(null);

  const restore = useCallback(
    async (summary: ArticleSummary) => {
      const result = await api.restoreArticle({ id: summary.id });
      if (!result.ok) return onError(result.error);
      reload();
      notify({ text: t('library.restored', { headline: summary.headline || t('library.untitled') }) });
    },
    [api, t, notify, onError, reload],
  );
  const moveToTrash = useCallback(
    async (summary: ArticleSummary) => {
      const result = await api.trashArticle({ id: summary.id });
      if (!result.ok) return onError(result.error);
      reload();
      notify({
        text: t('library.trashed', { headline: summary.headline || t('library.untitled') }),
        focusAction: true,
        action: { label: t('library.undo'), run: () => void restore(result.value) },
      });
    },
    [api, t, notify, onError, reload, restore],
  );

  /** Undoes a bulk move into (or out of) the trash. */
  const undoTrash = useCallback(
    async (ids: string[], trashed: boolean) => {
      const result = await api.updateArticles({ ids, trashed });
      reload();
      if (!result.ok) return onError(result.error);
      notify({ text: `${t(trashed ? 'library.bulk.trashTitle' : 'library.bulk.restoreTitle')}: ${bulkSummary(t, result.value)}` });
    },
    [api, t, notify, onError, reload],
  );

  const bulk = useCallback(
    async (changes: BulkChanges & { trashed?: boolean }, title: string) => {
      const ids = [...selected];
      setBulkBusy(true);
      notify({ text: t('library.bulk.working', { count: ids.length }) });
      const result = await api.updateArticles({ ids, ...changes });
      setBulkBusy(false);
      reload();
      if (!result.ok) return onError(result.error);
      if (changes.trashed !== undefined) setSelected(new Set());
      if (result.value.failed.length) {
        notify(null);
        setReport({ title, result: result.value });
      } else if (changes.trashed !== undefined) {
        const failed = new Set(result.value.failed.map((f) => f.id));
        const back = ids.filter((id) => !failed.has(id));
        notify({
          text: `${title}: ${bulkSummary(t, result.value)}`,
          focusAction: true,
          action: { label: t('library.undo'), run: () => void undoTrash(back, !changes.trashed) },
        });
      } else notify({ text: `${title}: ${bulkSummary(t, result.value)}` });
    },
    [api, t, notify, onError, reload, selected, undoTrash],
  );

  const send = () => sendArticles(api, t, notify, selected.size ? [...selected] : undefined);
  useCommand('bundle.send', send);

  const actions = useMemo<RowActions>(
    () => ({
      onToggle: (index, id, range) => {
        const row = rowAt.current(index);
        if (row) slugs.current.set(id, row.summary.slug);
        if (range && anchor.current !== null) addRange(Math.min(anchor.current, index), Math.max(anchor.current, index));
        else
          setSelected((current) => {
            const next = new Set(current);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            return next;
          });
        anchor.current = index;
      },
      onTrash: (summary) => void moveToTrash(summary),
      onRestore: (summary) => void restore(summary),
    }),
    [addRange, rowAt, moveToTrash, restore],
  );

  // `/` finds, wherever the keyboard is (but in a text field, where it is a character).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      searchBox.current?.focus();
      searchBox.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const onSort = (column: SortColumn) =>
    setState((s) => {
      const current = s.sort ?? (s.query.trim() ? null : 'updated');
      const direction = current === column ? (s.direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[column];
      return { ...s, sort: column, direction };
    });
  const sortShown = { column: state.sort ?? (searching ? null : ('updated' as const)), direction: state.sort ? state.direction : ('desc' as const) };

  const trash = state.view === 'trash';
  const filtered = activeFilterCount(state.filters) > 0;
  const idle = pages.settled && query === state.query && !bulkBusy;

  return (
    <div className="library" data-idle={idle} aria-busy={!idle}>
      <div className="library-head">
        <h1 id={`${ids}-title`}>{t('library.title')}</h1>
        <div className="search">
          <label htmlFor={`${ids}-search`}>{t('library.search')}</label>
          <input
            ref={searchBox}
            id={`${ids}-search`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              // Down from the search goes to the list.
              if (event.key === 'ArrowDown') {
                const first = document.querySelector<HTMLElement>('.article-table tbody [data-focus-target][tabindex="0"]');
                if (first) {
                  event.preventDefault();
                  first.focus();
                }
              }
            }}
            aria-describedby={`${ids}-search-hint`}
            aria-keyshortcuts="/"
            data-testid="library-search"
          />
          <small id={`${ids}-search-hint`}>{t('library.searchHint')}</small>
        </div>
      </div>
      <SearchStatus onReady={reload} />
      <div className="library-bar">
        <div role="group" aria-label={t('library.views')} className="segmented">
          {libraryViews.map((value) => (
            <button key={value} type="button" aria-pressed={state.view === value} onClick={() => setState((s) => ({ ...s, view: value }))} data-testid={`view-${value}`}>
              {t(`library.tabs.${value}`)}
            </button>
          ))}
        </div>
        <FilterBar filters={state.filters} tags={tags} onWantTags={wantTags} onChange={(filters) => setState((s) => ({ ...s, filters }))} />
      </div>
      <SelectionBar
        total={total}
        count={selected.size}
        trash={trash}
        busy={bulkBusy}
        searching={searching || filtered}
        approximate={approximate}
        onSelectAll={() => void selectAll()}
        onClear={() => setSelected(new Set())}
        onEdit={(kind) => {
          if (kind === 'tags') wantTags();
          setEditing(kind);
        }}
        onExport={() => setExporting([...selected])}
        onSend={() => void send()}
        onTrash={(trashed) => void bulk({ trashed }, t(trashed ? 'library.bulk.trashTitle' : 'library.bulk.restoreTitle'))}
      />
      {total === null ? (
        <p className="loading" role="status">
          {t('library.loading')}
        </p>
      ) : total === 0 ? (
        <p className="empty" role="status">
          {searching ? t('library.noMatch', { query: question.query }) : filtered ? t('library.noFilterMatch') : t(`library.emptyTabs.${state.view}`)}
        </p>
      ) : (
        <ArticleTable
          total={total}
          rowAt={pages.rowAt}
          want={pages.want}
          listKey={pages.key}
          busy={!pages.settled}
          searching={searching}
          trash={trash}
          selected={selected}
          allState={allState}
          onToggleAll={() => (allState === 'all' ? setSelected(new Set()) : void selectAll())}
          onSelectAll={() => void selectAll()}
          onSelectRange={addRange}
          sort={sortShown}
          onSort={onSort}
          actions={actions}
          labelledBy={`${ids}-title`}
        />
      )}
      {editing && (
        <BulkEditDialog
          kind={editing}
          count={selected.size}
          knownTags={tags}
          onApply={(changes) => void bulk(changes, t(`library.bulk.${editing}Done`))}
          onClose={() => setEditing(null)}
        />
      )}
      {exporting && <BulkExportDialog ids={exporting} names={(id) => slugs.current.get(id) || id} onClose={() => setExporting(null)} />}
      {report && <BulkResultDialog title={report.title} result={report.result} onClose={() => setReport(null)} />}
    </div>
  );
}
