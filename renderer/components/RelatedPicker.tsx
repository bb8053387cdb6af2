import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../shared/model/article';
import { useApi } from '../api/ApiContext';

const MAX_RELATED = 12;

/**
 * "Tin liên quan" chosen by hand: search the library by headline and pick articles; when none are
 * chosen, the page suggests related articles by shared tags and section.
 */
export function RelatedPicker({ articleId, value, onChange }: { articleId: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ArticleSummary[]>([]);
  const [known, setKnown] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = query.trim() ? await api.listArticles({ query: query.trim(), limit: 8 }) : null;
      if (!cancelled) setFound(result?.ok ? result.value.items.filter((s) => s.id !== articleId) : []);
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, query, articleId]);

  // Headlines of the chosen articles (looked up once).
  useEffect(() => {
    const missing = value.filter((id) => !known.has(id));
    if (!missing.length) return;
    void Promise.all(missing.map((id) => api.getArticle({ id }))).then((results) => {
      const next = new Map(known);
      results.forEach((r, i) => next.set(missing[i]!, r.ok ? r.value.headline : t('editor.relatedMissing')));
      setKnown(next);
    });
  }, [api, value, known, t]);

  return (
    <fieldset className="related-picker">
      <legend>{t('editor.related')}</legend>
      <small>{t('editor.relatedHint')}</small>
      {value.length > 0 && (
        <ol className="related-list" aria-label={t('editor.relatedChosen')}>
          {value.map((id) => (
            <li key={id}>
              <span>{known.get(id) ?? '…'}</span>
              <button type="button" className="quiet" aria-label={t('editor.removeRelated', { headline: known.get(id) ?? '' })} onClick={() => onChange(value.filter((v) => v !== id))}>
                {t('settings.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <label htmlFor={`${ids}-search`}>{t('editor.relatedSearch')}</label>
      <input id={`${ids}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="related-search" />
      {found.length > 0 && (
        <ul className="related-found">
          {found.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className="quiet"
                disabled={value.includes(s.id) || value.length >= MAX_RELATED}
                onClick={() => {
                  onChange([...value, s.id]);
                  setKnown(new Map(known).set(s.id, s.headline));
                  setQuery('');
                }}
              >
                {t('editor.addRelated', { headline: s.headline || t('library.untitled') })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
