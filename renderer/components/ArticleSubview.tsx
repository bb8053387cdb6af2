import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/contract';
import { errorText } from '../api/ApiContext';
import { routeHash } from '../hooks/useHashRoute';

/**
 * What a view of one article's versions (a kept revision, a comparison) shows before it has them:
 * why it cannot, with the way back to the article, or that it is loading.
 */
export function ArticleSubviewPending({ id, error, className }: { id: string; error: ApiError | null; className: string }) {
  const { t } = useTranslation();
  if (!error) {
    return (
      <p className="loading" role="status">
        {t('compare.loading')}
      </p>
    );
  }
  return (
    <div className={className}>
      <p className="error" role="alert">
        {errorText(t, error)}
      </p>
      <a href={routeHash({ view: 'editor', id })}>{t('compare.backToArticle')}</a>
    </div>
  );
}
