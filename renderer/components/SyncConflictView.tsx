import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MethodOutput } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import { diffArticles } from '../../shared/review/diff';
import { formatShortDateTime } from '../../shared/text/dates';
import { errorText, useApi } from '../api/ApiContext';
import { routeHash } from '../hooks/useHashRoute';
import { useNotify } from '../hooks/useNotice';
import { useSettings } from '../hooks/useSettings';
import { DiffContent, type DiffMode, type VersionLabel } from '../review/DiffContent';
import { SyncMergeForm } from './sync/SyncMergeForm';
import { useSyncStatus } from './sync/syncStatus';
import '../review/diff.css';
import './sync/sync.css';

type Conflict = MethodOutput<'getSyncConflict'>;
type SyncVersion = Conflict['winner'];
type Basis = 'winner' | 'common';
const MODE_KEY = 'newsdesk.compareMode';

/**
 * A sync conflict (electron/sync): the server's version (the one CouchDB picked, by whom and
 * when), each other version compared with it (or, when still known, each compared with the last
 * version they shared), through the comparison's own diff view. Nothing is resolved until the
 * user picks: keep one version, keep one and the others as new articles, or merge by hand
 * (./sync/SyncMergeForm: headline and sapo edited, the body merged block by block). Then back to
 * the article.
 */
export function SyncConflictView({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const settings = useSettings();
  const { refresh } = useSyncStatus();
  const ids = useId();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [basis, setBasis] = useState<Basis>('winner');
  const [mode, setMode] = useState<DiffMode>(() => (window.localStorage.getItem(MODE_KEY) === 'inline' ? 'inline' : 'side'));
  const [mergeFrom, setMergeFrom] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.getSyncConflict({ id }).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error);
      setConflict(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, id]);

  const versions = useMemo(() => (conflict ? [conflict.winner, ...conflict.losers] : []), [conflict]);
  const label = useCallback(
    (version: SyncVersion): VersionLabel => {
      const index = conflict?.losers.indexOf(version) ?? -1;
      return {
        title: index < 0 ? t('sync.conflict.winner') : t('sync.conflict.loser', { n: index + 1 }),
        detail: t('sync.conflict.by', { by: version.by || t('sync.conflict.unknownAuthor'), time: formatShortDateTime(version.at, settings.timeZone) }),
      };
    },
    [conflict, t, settings.timeZone],
  );
  const commonLabel = useMemo<VersionLabel | null>(
    () => (conflict?.common ? { title: t('sync.conflict.common'), detail: formatShortDateTime(conflict.common.updatedAt, settings.timeZone) } : null),
    [conflict, t, settings.timeZone],
  );
  const sectionName = useCallback((slug: string) => settings.sections.find((s) => s.slug === slug)?.name ?? '', [settings.sections]);
  const chooseMode = (next: DiffMode) => {
    setMode(next);
    window.localStorage.setItem(MODE_KEY, next);
  };

  const done = useCallback(
    async (text: string) => {
      notify({ text });
      await refresh();
      window.location.hash = routeHash({ view: 'editor', id });
    },
    [notify, refresh, id],
  );
  const resolve = async (input: Parameters<typeof api.resolveSyncConflict>[0], text: (kept: Article) => string) => {
    setBusy(true);
    const result = await api.resolveSyncConflict(input);
    setBusy(false);
    if (!result.ok) return notify({ text: errorText(t, result.error), tone: 'error' });
    await done(text(result.value));
  };
  const headlineOf = (article: Article) => article.headline || t('sync.untitled');
  const keep = (version: SyncVersion, copies: boolean) =>
    resolve({ id, keep: version.rev, ...(copies ? { keepOthersAsCopies: true } : {}) }, (kept) =>
      copies ? t('sync.conflict.resolvedCopies', { headline: headlineOf(kept), count: versions.length - 1 }) : t('sync.conflict.resolved', { headline: headlineOf(kept) }),
    );
  const saveMerge = (from: string, merged: Pick<Article, 'headline' | 'sapo' | 'body'>) =>
    void resolve({ id, keep: from, merged }, (kept) => t('sync.conflict.merged', { headline: headlineOf(kept) }));

  if (error || !conflict) {
    return (
      <div className="sync-conflict-view" data-testid="sync-conflict">
        <a href={routeHash({ view: 'editor', id })} className="back">
          {t('compare.backToArticle')}
        </a>
        {error ? (
          <p className={error.code === 'not_found' ? 'muted' : 'error'} role="alert" data-testid="sync-conflict-none">
            {error.code === 'not_found' ? t('sync.conflict.none') : errorText(t, error)}
          </p>
        ) : (
          <p className="loading" role="status">
            {t('sync.conflict.loading')}
          </p>
        )}
      </div>
    );
  }

  const shownBasis: Basis = basis === 'common' && conflict.common ? 'common' : 'winner';
  return (
    <div className="sync-conflict-view" data-testid="sync-conflict" data-versions={versions.length} aria-busy={busy}>
      <div className="compare-head">
        <a href={routeHash({ view: 'editor', id })} className="back">
          {t('compare.backToArticle')}
        </a>
        <h1>{t('sync.conflict.title', { headline: headlineOf(conflict.winner.article) })}</h1>
      </div>
      <p className="muted">{t('sync.conflict.intro')}</p>
      <div className="compare-bar">
        {conflict.common && (
          <div role="group" aria-label={t('sync.conflict.basis')} className="segmented">
            <button type="button" aria-pressed={shownBasis === 'winner'} onClick={() => setBasis('winner')}>
              {t('sync.conflict.basisWinner')}
            </button>
            <button type="button" aria-pressed={shownBasis === 'common'} onClick={() => setBasis('common')} data-testid="basis-common">
              {t('sync.conflict.basisCommon')}
            </button>
          </div>
        )}
        <div role="group" aria-label={t('compare.modeLabel')} className="segmented">
          <button type="button" aria-pressed={mode === 'side'} onClick={() => chooseMode('side')}>
            {t('compare.side')}
          </button>
          <button type="button" aria-pressed={mode === 'inline'} onClick={() => chooseMode('inline')}>
            {t('compare.inline')}
          </button>
        </div>
      </div>
      {versions.map((version, index) => {
        const own = label(version);
        const before = shownBasis === 'common' && conflict.common && commonLabel ? { article: conflict.common, label: commonLabel } : index > 0 ? { article: conflict.winner.article, label: label(conflict.winner) } : null;
        const diff = before ? diffArticles(before.article, version.article) : null;
        const headingId = `${ids}-v${index}`;
        return (
          <section key={version.rev} className={`sync-version${index === 0 ? ' sync-winner' : ''}`} aria-labelledby={headingId} data-testid="sync-version" data-rev={version.rev}>
            <h2 id={headingId}>
              {own.title} <span className="sync-version-detail">{own.detail}</span>
            </h2>
            <p className="sync-version-headline" data-testid="sync-version-headline">
              {headlineOf(version.article)}
            </p>
            {diff && before ? (
              diff.stats.changes === 0 && shownBasis === 'common' ? (
                <p className="muted">{t('sync.conflict.sameAsCommon')}</p>
              ) : (
                <DiffContent diff={diff} mode={mode} before={before.label} after={own} sectionName={sectionName} headingLevel={3} />
              )
            ) : null}
            <div className="row-actions" role="group" aria-label={t('sync.conflict.versionActions', { version: own.title })}>
              <button type="button" className="primary" disabled={busy} onClick={() => void keep(version, false)} data-testid="keep-version">
                {t('sync.conflict.keepThis')}
              </button>
              <button type="button" disabled={busy} onClick={() => void keep(version, true)} data-testid="keep-all">
                {t('sync.conflict.keepAll')}
              </button>
              <button type="button" disabled={busy} onClick={() => setMergeFrom(version.rev)} data-testid="merge-from">
                {t('sync.conflict.mergeFrom')}
              </button>
            </div>
          </section>
        );
      })}
      {mergeFrom && (
        <SyncMergeForm
          key={mergeFrom}
          versions={versions}
          from={mergeFrom}
          common={conflict.common}
          label={label}
          busy={busy}
          onSave={(merged) => saveMerge(mergeFrom, merged)}
          onCancel={() => setMergeFrom(null)}
        />
      )}
      {busy && (
        <p role="status" className="muted">
          {t('sync.conflict.resolving')}
        </p>
      )}
    </div>
  );
}
