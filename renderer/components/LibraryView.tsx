import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../shared/model/article';
import { formatShortDateTime } from '../../shared/text/dates';
import { errorText, useApi } from '../api/ApiContext';
import { LIBRARY_CHANGED, sendArticles } from '../api/bundles';
import { useCommand } from '../commands';
import { useLatest } from '../hooks/useLatest';
import { useNotify } from '../hooks/useNotice';
import { useSettings } from '../hooks/useSettings';
import { useProfile } from '../hooks/useProfile';

type LibraryTab = 'active' | 'mine' | 'overdue' | 'trash';
const TABS: readonly LibraryTab[] = ['active', 'mine', 'overdue', 'trash'];

interface Listing {
  total: number;
  items: ArticleSummary[];
}

const SEARCH_DELAY_MS = 150;

export function LibraryView() {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const settings = useSettings();
  const searchId = useId();
  const [tab, setTab] = useState<LibraryTab>('active');
  const [query, setQuery] = useState('');
  const [listing, setListing] = useState<Listing | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const latestT = useLatest(t);

  // “Của tôi” is the profile's own: read again when the profile changes.
  const profileId = useProfile().profile?.id;
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      async () => {
        const result = await api.listArticles({ view: tab, query: query.trim() || undefined });
        if (cancelled) return;
        if (result.ok) setListing(result.value);
        else notify({ text: errorText(latestT.current, result.error), tone: 'error' });
      },
      query ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, notify, latestT, tab, query, reloadKey, profileId]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  // Articles received from a bundle: the list reads itself again.
  useEffect(() => {
    window.addEventListener(LIBRARY_CHANGED, reload);
    return () => window.removeEventListener(LIBRARY_CHANGED, reload);
  }, [reload]);

  /** The articles ticked for sending (kept while the list changes; only those still listed are sent). */
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const chosen = (listing?.items ?? []).filter((summary) => selected.has(summary.id)).map((summary) => summary.id);
  const send = () => sendArticles(api, t, notify, chosen.length ? chosen : undefined);
  useCommand('bundle.send', send);

  const setTrashed = async (summary: ArticleSummary, trashed: boolean) => {
    const headline = summary.headline || t('library.untitled');
    const result = trashed ? await api.trashArticle({ id: summary.id }) : await api.restoreArticle({ id: summary.id });
    if (!result.ok) return notify({ text: errorText(t, result.error), tone: 'error' });
    reload();
    notify(
      trashed
        ? {
            text: t('library.trashed', { headline }),
            focusAction: true,
            action: {
              label: t('library.undo'),
              run: () => void setTrashed(result.value, false),
            },
          }
        : { text: t('library.restored', { headline }) },
    );
  };

  const sectionName = (slug: string) => settings.sections.find((s) => s.slug === slug)?.name ?? '';

  return (
    <div className="library">
      <div className="library-head">
        <h1>{t('library.title')}</h1>
        <div className="library-tools">
          <div role="group" aria-label={t('library.views')} className="segmented">
            {TABS.map((value) => (
              <button key={value} type="button" aria-pressed={tab === value} onClick={() => setTab(value)} data-testid={`view-${value}`}>
                {t(`library.tabs.${value}`)}
              </button>
            ))}
          </div>
          <div className="search">
            <label htmlFor={searchId}>{t('library.search')}</label>
            <input
              id={searchId}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              aria-describedby={`${searchId}-hint`}
            />
            <small id={`${searchId}-hint`}>{t('library.searchHint')}</small>
          </div>
        </div>
      </div>

      {listing === null ? (
        <p className="loading" role="status">
          {t('library.loading')}
        </p>
      ) : listing.items.length === 0 ? (
        <p className="empty">
          {query.trim() ? t('library.noMatch', { query }) : t(`library.emptyTabs.${tab}`)}
        </p>
      ) : (
        <>
          <div className="library-selection">
            <p className="count">{t('library.count', { count: listing.total })}</p>
            {tab !== 'trash' && (
              <>
                {chosen.length > 0 && (
                  <span role="status" data-testid="selection-count">
                    {t('bundle.selected', { count: chosen.length })}
                  </span>
                )}
                <button type="button" onClick={() => void send()} data-testid="send-articles">
                  {chosen.length ? t('bundle.sendSelected', { count: chosen.length }) : t('bundle.sendAll')}
                </button>
                {chosen.length > 0 && (
                  <button type="button" className="quiet" onClick={() => setSelected(new Set())}>
                    {t('bundle.clearSelection')}
                  </button>
                )}
              </>
            )}
          </div>
          <table className="article-table">
            <thead>
              <tr>
                {tab !== 'trash' && (
                  <th scope="col">
                    <span className="visually-hidden">{t('bundle.colSelect')}</span>
                  </th>
                )}
                <th scope="col" className="headline-col">
                  {t('library.colHeadline')}
                </th>
                <th scope="col">{t('library.colSection')}</th>
                <th scope="col">{t('library.colStatus')}</th>
                <th scope="col">{t('library.colUpdated')}</th>
                <th scope="col" className="num">
                  {t('library.colWords')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('library.colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {listing.items.map((summary) => {
                const headline = summary.headline || t('library.untitled');
                return (
                  <tr key={summary.id} data-testid="article-row">
                    {tab !== 'trash' && (
                      <td className="select-cell">
                        <input type="checkbox" checked={selected.has(summary.id)} onChange={() => toggle(summary.id)} aria-label={t('bundle.selectLabel', { headline })} />
                      </td>
                    )}
                    <td className="headline-cell">
                      {tab !== 'trash' ? <a href={`#/article/${summary.id}`}>{headline}</a> : <span>{headline}</span>}
                    </td>
                    <td>{sectionName(summary.section)}</td>
                    <td>
                      <span className={`badge badge-${summary.status}`}>{t(`status.${summary.status}`)}</span>
                    </td>
                    <td>
                      <time dateTime={summary.updatedAt}>{formatShortDateTime(summary.updatedAt, settings.timeZone)}</time>
                    </td>
                    <td className="num">{summary.wordCount}</td>
                    <td className="actions">
                      {tab !== 'trash' ? (
                        <button
                          type="button"
                          className="quiet"
                          aria-label={t('library.trashLabel', { headline })}
                          onClick={() => void setTrashed(summary, true)}
                        >
                          {t('library.trash')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="quiet"
                          aria-label={t('library.restoreLabel', { headline })}
                          onClick={() => void setTrashed(summary, false)}
                        >
                          {t('library.restore')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
