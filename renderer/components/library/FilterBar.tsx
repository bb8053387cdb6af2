import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { articleStatuses, type ArticleStatus } from '../../../shared/model/article';
import { useSettings } from '../../hooks/useSettings';
import { activeFilterCount, NO_FILTERS, type DateField, type LibraryFilters } from './libraryState';
import { MultiChoice } from './MultiChoice';

const DATE_FIELDS: readonly DateField[] = ['updated', 'due', 'published'];

/** Filters on the list: status, section, tag, assignee and a range of days on one of the dates. */
export function FilterBar({
  filters,
  tags,
  onWantTags,
  onChange,
}: {
  filters: LibraryFilters;
  /** The library's tags, read when the tag filter is first opened (`onWantTags`). */
  tags: string[];
  onWantTags: () => void;
  onChange: (filters: LibraryFilters) => void;
}) {
  const { t } = useTranslation();
  const settings = useSettings();
  const ids = useId();
  const set = (patch: Partial<LibraryFilters>) => onChange({ ...filters, ...patch });
  const dated = Boolean(filters.from || filters.to);

  return (
    <div className="filter-bar" role="group" aria-label={t('library.filters.title')}>
      <MultiChoice
        label={t('library.filters.status')}
        testId="filter-status"
        choices={articleStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        value={filters.statuses}
        onChange={(statuses) => set({ statuses: statuses as ArticleStatus[] })}
      />
      <MultiChoice
        label={t('library.filters.section')}
        testId="filter-section"
        choices={settings.sections.map((s) => ({ value: s.slug, label: s.name }))}
        value={filters.sections}
        onChange={(sections) => set({ sections })}
      />
      <MultiChoice
        label={t('library.filters.tag')}
        testId="filter-tag"
        searchLabel={t('library.filters.tagSearch')}
        choices={tags.map((tag) => ({ value: tag, label: tag }))}
        onOpen={onWantTags}
        value={filters.tags}
        onChange={(chosen) => set({ tags: chosen })}
      />
      <MultiChoice
        label={t('library.filters.assignee')}
        testId="filter-assignee"
        choices={[{ value: '', label: t('library.unassigned') }, ...settings.profiles.map((p) => ({ value: p.id, label: p.name }))]}
        value={filters.assignees}
        onChange={(assignees) => set({ assignees })}
      />
      <details className="choice" data-testid="filter-dates">
        <summary className={dated ? 'has-value' : undefined}>
          {t('library.filters.dates')}
          {dated && <span className="choice-count"> (1)</span>}
        </summary>
        <div className="choice-panel date-panel">
          <label htmlFor={`${ids}-field`}>{t('library.filters.dateField')}</label>
          <select id={`${ids}-field`} value={filters.dateField} onChange={(event) => set({ dateField: event.target.value as DateField })}>
            {DATE_FIELDS.map((field) => (
              <option key={field} value={field}>
                {t(`library.filters.dateFields.${field}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-from`}>{t('library.filters.from')}</label>
          <input id={`${ids}-from`} type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => set({ from: event.target.value })} />
          <label htmlFor={`${ids}-to`}>{t('library.filters.to')}</label>
          <input id={`${ids}-to`} type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => set({ to: event.target.value })} />
        </div>
      </details>
      {activeFilterCount(filters) > 0 && (
        <button type="button" className="quiet" onClick={() => onChange(NO_FILTERS)} data-testid="clear-filters">
          {t('library.filters.clear')}
        </button>
      )}
    </div>
  );
}
