import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/contract';
import { diffArticles } from '../../shared/review/diff';
import { useApi } from '../api/ApiContext';
import { downloadHtml } from '../api/files';
import { routeHash } from '../hooks/useHashRoute';
import { useNotify } from '../hooks/useNotice';
import { useRestoreRevision } from '../hooks/useRestoreRevision';
import { useSettings } from '../hooks/useSettings';
import { ArticleSubviewPending } from './ArticleSubview';
import { DiffContent, type DiffMode } from '../review/DiffContent';
import { diffRecordHtml } from '../review/diffRecord';
import { entryOf, versionLabel, type Version } from '../review/versions';
import '../review/diff.css';

const MODE_KEY = 'newsdesk.compareMode';

/**
 * Two versions of an article compared (shared/review/diff.ts): field by field, then the body
 * block by block and word by word, side by side or inline. The keyboard moves from change to
 * change (N / J next, P / K previous, or Alt+↓ / Alt+↑); the record of the comparison can be
 * exported as one HTML page; the older version can be brought back.
 */
export function CompareView({ id, from, to }: { id: string; from: number; to: number | 'current' }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const settings = useSettings();
  const notify = useNotify();
  const restore = useRestoreRevision(id);
  const [versions, setVersions] = useState<[Version, Version] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [mode, setMode] = useState<DiffMode>(() => (window.localStorage.getItem(MODE_KEY) === 'inline' ? 'inline' : 'side'));
  const [current, setCurrent] = useState(-1);
  const content = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [history, before, after] = await Promise.all([
        api.listRevisions({ id }),
        api.getRevision({ id, revision: from }),
        to === 'current' ? api.getArticle({ id }) : api.getRevision({ id, revision: to }),
      ]);
      if (!live) return;
      const failed = [history, before, after].find((result) => !result.ok);
      if (failed && !failed.ok) return setError(failed.error);
      if (!history.ok || !before.ok || !after.ok) return;
      const entries = history.value.entries;
      setVersions([
        { article: before.value, entry: entryOf(entries, from) },
        { article: after.value, entry: to === 'current' ? null : entryOf(entries, to) },
      ]);
    })();
    return () => {
      live = false;
    };
  }, [api, id, from, to]);

  const diff = useMemo(() => (versions ? diffArticles(versions[0].article, versions[1].article) : null), [versions]);
  const labels = useMemo(() => versions && ([versionLabel(t, versions[0], settings.timeZone), versionLabel(t, versions[1], settings.timeZone)] as const), [versions, t, settings.timeZone]);
  const sectionName = useCallback((slug: string) => settings.sections.find((s) => s.slug === slug)?.name ?? '', [settings.sections]);
  const total = diff?.stats.changes ?? 0;

  const go = useCallback(
    (step: 1 | -1) => {
      if (!total) return;
      const next = current < 0 ? (step === 1 ? 0 : total - 1) : (current + step + total) % total;
      setCurrent(next);
      const element = content.current?.querySelector<HTMLElement>(`[data-change="${next}"]`);
      content.current?.querySelectorAll('[data-current]').forEach((node) => node.removeAttribute('data-current'));
      if (element) {
        element.setAttribute('data-current', 'true');
        element.focus({ preventScroll: true });
        element.scrollIntoView({ block: 'center' });
      }
    },
    [current, total],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (event.ctrlKey || event.metaKey) return;
      const key = event.key.toLowerCase();
      if ((event.altKey && event.key === 'ArrowDown') || (!event.altKey && (key === 'n' || key === 'j'))) {
        event.preventDefault();
        go(1);
      } else if ((event.altKey && event.key === 'ArrowUp') || (!event.altKey && (key === 'p' || key === 'k'))) {
        event.preventDefault();
        go(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const chooseMode = (next: DiffMode) => {
    setMode(next);
    setCurrent(-1);
    window.localStorage.setItem(MODE_KEY, next);
  };

  const exportRecord = async () => {
    if (!versions || !diff || !labels) return;
    const [before, after] = versions;
    // Who made the record (the library's user).
    const info = await api.getAppInfo({});
    const html = diffRecordHtml(t, {
      diff,
      headline: after.article.headline,
      before: labels[0],
      after: labels[1],
      exportedAt: new Date().toISOString(),
      exportedBy: info.ok ? info.value.user : '',
      timeZone: settings.timeZone,
      language: i18n.language,
      sectionName,
    });
    const file = `so-sanh-${after.article.slug || after.article.id}-${before.article.revision}-${after.article.revision}.html`;
    downloadHtml(file, html);
    notify({ text: t('compare.exported', { file }) });
  };

  if (error || !versions || !diff || !labels) return <ArticleSubviewPending id={id} error={error} className="compare-view" />;

  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="compare-head">
        <a href={routeHash({ view: 'editor', id })} className="back">
          {t('compare.backToArticle')}
        </a>
        <h1>{t('compare.title', { headline: versions[1].article.headline || t('library.untitled') })}</h1>
      </div>
      <dl className="compare-versions">
        <div>
          <dt>{labels[0].title}</dt>
          <dd>{labels[0].detail}</dd>
        </div>
        <div>
          <dt>{labels[1].title}</dt>
          <dd>{labels[1].detail}</dd>
        </div>
      </dl>
      <div className="compare-bar">
        <p className="compare-counts" data-testid="compare-counts" data-changes={total} data-insertions={diff.stats.insertions} data-deletions={diff.stats.deletions}>
          {t('compare.counts', { insertions: diff.stats.insertions, deletions: diff.stats.deletions, changes: total })}
        </p>
        <div role="group" aria-label={t('compare.modeLabel')} className="segmented">
          <button type="button" aria-pressed={mode === 'side'} onClick={() => chooseMode('side')}>
            {t('compare.side')}
          </button>
          <button type="button" aria-pressed={mode === 'inline'} onClick={() => chooseMode('inline')} data-testid="mode-inline">
            {t('compare.inline')}
          </button>
        </div>
        <div className="compare-nav">
          <button type="button" onClick={() => go(-1)} disabled={!total} aria-keyshortcuts="P K Alt+ArrowUp">
            {t('compare.previous')}
          </button>
          <span aria-live="polite" data-testid="change-position">
            {total ? t('compare.position', { n: current + 1 > 0 ? current + 1 : '–', total }) : t('compare.noChanges')}
          </span>
          <button type="button" onClick={() => go(1)} disabled={!total} aria-keyshortcuts="N J Alt+ArrowDown" data-testid="next-change">
            {t('compare.next')}
          </button>
        </div>
        <div className="compare-actions">
          <button type="button" onClick={() => void exportRecord()} data-testid="export-record">
            {t('compare.exportRecord')}
          </button>
          <button
            type="button"
            onClick={() => void restore(from).then((failure) => (failure ? setError(failure) : notify({ text: t('history.restored', { revision: from }) })))}
            data-testid="restore-older"
          >
            {t('compare.restoreOlder', { n: from })}
          </button>
        </div>
      </div>
      <p className="muted compare-keys">{t('compare.keysHint')}</p>
      <div ref={content}>
        <DiffContent diff={diff} mode={mode} before={labels[0]} after={labels[1]} sectionName={sectionName} />
      </div>
    </div>
  );
}
