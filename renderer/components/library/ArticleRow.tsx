import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../shared/model/article';
import type { Settings } from '../../../shared/model/settings';
import { formatShortDateTime } from '../../../shared/text/dates';
import { isOverdue } from '../../../shared/review/workflow';
import type { Row } from './pageStore';
import { Marked, Snippet } from './Snippet';
import { SyncConflictMark } from '../sync/SyncConflictMark';

export interface RowActions {
  onToggle: (index: number, id: string, range: boolean) => void;
  onTrash: (summary: ArticleSummary) => void;
  onRestore: (summary: ArticleSummary) => void;
}

/** The checkbox is handled on click, where Shift can be read. */
const ignoreChange = () => undefined;

/**
 * A date as short as the column allows: the time today, day and month this year, the whole date
 * otherwise (the full date and time in its tooltip).
 */
function shortWhen(iso: string, timeZone: string, today: string): { text: string; full: string } {
  const full = formatShortDateTime(iso, timeZone); // "27/11/2026 08:15"
  const [day, time] = full.split(' ') as [string, string];
  const [todayDay] = today.split(' ') as [string];
  if (day === todayDay) return { text: time, full };
  if (day.slice(6) === todayDay.slice(6)) return { text: `${day.slice(0, 5)} ${time}`, full };
  return { text: day, full };
}

/** One article in the library's table (or the place of one not read yet: `row` undefined). */
export const ArticleRow = memo(function ArticleRow({
  index,
  row,
  start,
  trash,
  selected,
  active,
  settings,
  today,
  actions,
  height,
}: {
  index: number;
  row: Row | undefined;
  start: number;
  trash: boolean;
  selected: boolean;
  active: boolean;
  settings: Settings;
  /** formatShortDateTime of now. */
  today: string;
  actions: RowActions;
  /** Its fixed height in pixels. */
  height: number;
}) {
  const { t, i18n } = useTranslation();
  const tab = active ? 0 : -1;
  const summary = row?.summary;
  const headline = summary ? summary.headline || t('library.untitled') : t('library.rowLoading');
  const section = summary ? (settings.sections.find((s) => s.slug === summary.section)?.name ?? summary.section) : '';
  const assignee = summary?.assignee ? (settings.profiles.find((p) => p.id === summary.assignee)?.name ?? summary.assignee) : '';
  const updated = summary ? shortWhen(summary.updatedAt, settings.timeZone, today) : null;
  const due = summary?.dueAt ? shortWhen(summary.dueAt, settings.timeZone, today) : null;
  const late = summary ? isOverdue(summary, new Date()) : false;
  // A search's hits in the headline are marked in it; the first snippet from elsewhere goes under it.
  const inHeadline = row?.snippets.find((s) => s.field === 'headline' && s.text === summary?.headline);
  const elsewhere = row?.snippets.find((s) => s.field !== 'headline');
  const shownHeadline = inHeadline ? <Marked text={inHeadline.text} hits={inHeadline.hits} /> : headline;
  return (
    <tr
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      className={`${selected ? 'selected ' : ''}${summary ? '' : 'pending'}`}
      style={{ transform: `translateY(${start}px)`, height }}
      data-testid={summary ? 'article-row' : 'article-row-pending'}
      data-id={summary?.id}
    >
      <td role="cell" className="select-cell">
        {summary && (
          <input
            type="checkbox"
            tabIndex={tab}
            checked={selected}
            // The click (a mouse's or Space's) says whether Shift was held: a range from the last one chosen.
            onClick={(event) => actions.onToggle(index, summary.id, event.shiftKey)}
            onChange={ignoreChange}
            aria-label={t('bundle.selectLabel', { headline })}
          />
        )}
      </td>
      <td role="cell" className="headline-cell">
        <div className="headline-line">
          {trash ? (
            <span className="headline-text" tabIndex={tab} data-focus-target="">
              {shownHeadline}
            </span>
          ) : (
            <a href={summary ? `#/article/${summary.id}` : undefined} tabIndex={tab} data-focus-target="">
              {shownHeadline}
            </a>
          )}
          {summary && !trash && <SyncConflictMark id={summary.id} headline={headline} tabIndex={tab} />}
          {summary && (
            <button
              type="button"
              className="quiet row-action"
              tabIndex={tab}
              aria-label={t(trash ? 'library.restoreLabel' : 'library.trashLabel', { headline })}
              onClick={() => (trash ? actions.onRestore(summary) : actions.onTrash(summary))}
            >
              {t(trash ? 'library.restore' : 'library.trash')}
            </button>
          )}
        </div>
        {elsewhere && <Snippet snippet={elsewhere} />}
      </td>
      <td role="cell" className="clip" title={section || undefined}>
        {section}
      </td>
      <td role="cell">{summary && <span className={`badge badge-${summary.status}`}>{t(`status.${summary.status}`)}</span>}</td>
      <td role="cell" className="clip" title={assignee || undefined}>
        {summary && (assignee || <span className="muted">{t('library.unassigned')}</span>)}
      </td>
      <td role="cell" className={late ? 'late' : undefined}>
        {due && summary?.dueAt ? (
          <time dateTime={summary.dueAt} title={due.full}>
            {due.text}
            {late && <span className="visually-hidden"> {t('library.lateMark')}</span>}
          </time>
        ) : summary ? (
          <>
            <span className="muted" aria-hidden="true">
              —
            </span>
            <span className="visually-hidden">{t('library.noDue')}</span>
          </>
        ) : null}
      </td>
      <td role="cell">
        {updated && summary && (
          <time dateTime={summary.updatedAt} title={updated.full}>
            {updated.text}
          </time>
        )}
      </td>
      <td role="cell" className="num">
        {summary?.wordCount.toLocaleString(i18n.language)}
      </td>
    </tr>
  );
});
