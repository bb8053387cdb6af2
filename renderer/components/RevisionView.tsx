import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import { useApi } from '../api/ApiContext';
import { draftOf } from '../hooks/useArticleDraft';
import { routeHash } from '../hooks/useHashRoute';
import { useNotify } from '../hooks/useNotice';
import { usePreviewHtml } from '../hooks/usePreviewHtml';
import { useRestoreRevision } from '../hooks/useRestoreRevision';
import { useSettings } from '../hooks/useSettings';
import { ArticleSubviewPending } from './ArticleSubview';
import { entryOf, versionLabel } from '../review/versions';
import type { RevisionEntry } from '../../shared/review/history';
import { PreviewPane } from './PreviewPane';

/** A kept revision, read-only: as the site would show it, with who kept it, when and why; it can be compared or brought back. */
export function RevisionView({ id, revision }: { id: string; revision: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const settings = useSettings();
  const notify = useNotify();
  const restore = useRestoreRevision(id);
  const [loaded, setLoaded] = useState<{ article: Article; entry: RevisionEntry | null } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([api.getRevision({ id, revision }), api.listRevisions({ id })]).then(([article, history]) => {
      if (!live) return;
      if (!article.ok) return setError(article.error);
      setLoaded({ article: article.value, entry: history.ok ? entryOf(history.value.entries, revision) : null });
    });
    return () => {
      live = false;
    };
  }, [api, id, revision]);

  const article = loaded?.article ?? null;
  const html = usePreviewHtml(article !== null, article, article && draftOf(article), settings, () => article?.body ?? null, 0);

  if (error || !loaded || !article) return <ArticleSubviewPending id={id} error={error} className="revision-view" />;
  const label = versionLabel(t, { article, entry: loaded.entry ?? { revision, kind: 'named', label: '', at: article.updatedAt, by: '', words: 0, status: article.status } }, settings.timeZone);
  return (
    <div className="revision-view" data-testid="revision-view">
      <div className="compare-head">
        <a href={routeHash({ view: 'editor', id })} className="back">
          {t('compare.backToArticle')}
        </a>
        <h1>{t('revision.title', { title: label.title })}</h1>
      </div>
      <p className="muted">
        {label.detail} · {t('revision.readOnly')}
      </p>
      <div className="compare-actions">
        <a className="button" href={routeHash({ view: 'compare', id, from: revision, to: 'current' })}>
          {t('history.compareCurrent')}
        </a>
        <button type="button" onClick={() => void restore(revision).then((failure) => (failure ? setError(failure) : notify({ text: t('history.restored', { revision }) })))}>
          {t('history.restore')}
        </button>
      </div>
      <div className="revision-preview">
        <PreviewPane html={html} />
      </div>
    </div>
  );
}
