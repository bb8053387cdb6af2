import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionEntry } from '../../shared/review/history';
import { formatShortDateTime } from '../../shared/text/dates';
import { errorText, useApi } from '../api/ApiContext';
import { routeHash } from '../hooks/useHashRoute';
import type { ApiError } from '../../shared/api/contract';

/**
 * The article's kept versions beside the editor, newest first: when, who, why, its name and its
 * length. A version can be named here (a save by hand with a name), opened read-only, compared
 * with the article now or with another version, and brought back (as a new version: nothing is
 * overwritten).
 */
export function HistoryPanel({
  articleId,
  revision,
  refresh,
  timeZone,
  onSaveVersion,
  onRestore,
}: {
  articleId: string;
  /** The article's revision now: the list is read again when it changes. */
  revision: number;
  /** Changes when a version was kept without a new revision (an export). */
  refresh: number;
  timeZone: string;
  onSaveVersion: (label: string) => Promise<void>;
  onRestore: (revision: number) => Promise<ApiError | null>;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [entries, setEntries] = useState<RevisionEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [label, setLabel] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void api.listRevisions({ id: articleId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setEntries(result.value.entries);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [api, articleId, revision, refresh]);

  // Two versions are compared; choosing a third lets go of the first chosen.
  const toggle = (n: number) => setSelected((chosen) => (chosen.includes(n) ? chosen.filter((x) => x !== n) : [...chosen, n].slice(-2)));
  const [older, newer] = [...selected].sort((a, b) => a - b);

  const saveVersion = async () => {
    setBusy(true);
    try {
      await onSaveVersion(label.trim());
      setLabel('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="history-panel side-box" aria-labelledby={`${ids}-title`} data-testid="history-panel">
      <h2 id={`${ids}-title`}>{t('history.title')}</h2>
      <form
        className="history-name"
        onSubmit={(event) => {
          event.preventDefault();
          void saveVersion();
        }}
      >
        <label htmlFor={`${ids}-label`}>{t('history.nameLabel')}</label>
        <div className="inline-form">
          <input id={`${ids}-label`} value={label} maxLength={200} placeholder={t('history.namePlaceholder')} onChange={(event) => setLabel(event.target.value)} data-testid="version-name" />
          <button type="submit" disabled={busy} data-testid="save-version">
            {t('history.saveVersion')}
          </button>
        </div>
      </form>
      <div className="history-compare">
        {older !== undefined && newer !== undefined ? (
          <a className="button" href={routeHash({ view: 'compare', id: articleId, from: older, to: newer })} data-testid="compare-selected">
            {t('history.compareSelected', { from: older, to: newer })}
          </a>
        ) : (
          <p className="muted">{t('history.compareHint')}</p>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {entries === null && !error && (
        <p className="muted" role="status">
          {t('history.loading')}
        </p>
      )}
      {entries?.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {entries && entries.length > 0 && (
        <ol className="history-list" aria-label={t('history.listLabel')}>
          {entries.map((entry, index) => {
            const head = `${ids}-entry-${index}`;
            return (
              <li key={`${entry.revision}-${entry.kind}-${entry.at}`} data-testid="history-entry" data-revision={entry.revision} data-kind={entry.kind}>
                <p className="history-head" id={head}>
                  <time dateTime={entry.at}>{formatShortDateTime(entry.at, timeZone)}</time>
                  <span className={`history-kind kind-${entry.kind}`}>{t(`history.kinds.${entry.kind}`, { from: entry.restoredFrom ?? '' })}</span>
                </p>
                {entry.label && <p className="history-label">{entry.label}</p>}
                <p className="history-meta">
                  {[entry.by || t('history.unknownAuthor'), t(`status.${entry.status}`), t('history.words', { count: entry.words }), t('history.revision', { n: entry.revision })].join(' · ')}
                </p>
                <div className="history-actions">
                  <label className="check">
                    <input type="checkbox" checked={selected.includes(entry.revision)} onChange={() => toggle(entry.revision)} aria-describedby={head} />
                    {t('history.select')}
                  </label>
                  <a href={routeHash({ view: 'revision', id: articleId, revision: entry.revision })} aria-describedby={head}>
                    {t('history.open')}
                  </a>
                  <a href={routeHash({ view: 'compare', id: articleId, from: entry.revision, to: 'current' })} aria-describedby={head}>
                    {t('history.compareCurrent')}
                  </a>
                  <button type="button" onClick={() => void onRestore(entry.revision).then((failure) => failure && setError(failure))} aria-describedby={head}>
                    {t('history.restore')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}
