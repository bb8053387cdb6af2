import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ArticleStatus } from '../../shared/model/article';
import { authorProfileId } from '../../shared/model/articleUpdates';
import type { Settings } from '../../shared/model/settings';
import { allows } from '../../shared/review/people';
import { isOverdue, nextStatuses } from '../../shared/review/workflow';
import { formatShortDateTime } from '../../shared/text/dates';
import { useProfile } from '../hooks/useProfile';

/** An ISO time as a datetime-local input's value (this computer's time), and back. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

/**
 * Where the article is in the workflow (shared/review/workflow.ts) and what can happen next: the
 * moves this profile may make (the service refuses any other), with a note for the next move; who
 * it is assigned to and by when.
 */
export function WorkflowFields({
  article,
  assignee,
  dueAt,
  settings,
  onMove,
  onChange,
  statusId,
}: {
  article: Article;
  assignee: string;
  dueAt: string | null;
  settings: Settings;
  onMove: (status: ArticleStatus, note: string) => Promise<boolean>;
  onChange: (fields: { assignee?: string; dueAt?: string | null }) => void;
  /** The status select's id (the checklist and the tests find it). */
  statusId: string;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const { profile } = useProfile();
  const [note, setNote] = useState('');
  const moves = nextStatuses(article.status, (permission) => allows(settings, profile, permission, authorProfileId(article)));
  const overdue = isOverdue({ dueAt, status: article.status }, new Date());

  return (
    <div className="workflow">
      <div className="field">
        <label htmlFor={statusId}>{t('editor.status')}</label>
        <select
          id={statusId}
          value={article.status}
          onChange={(event) => {
            const status = event.target.value as ArticleStatus;
            void onMove(status, note).then((moved) => moved && setNote(''));
          }}
          aria-describedby={`${ids}-status-hint`}
          data-testid="status"
        >
          <option value={article.status}>{t(`status.${article.status}`)}</option>
          {moves.map((status) => (
            <option key={status} value={status}>
              {t(`workflow.moveTo.${status}`)}
            </option>
          ))}
        </select>
        <small id={`${ids}-status-hint`}>{article.status === 'published' ? t('publish.meaning') : moves.length ? t('workflow.hint') : t('workflow.noMoves')}</small>
      </div>
      {moves.length > 0 && (
        <div className="field">
          <label htmlFor={`${ids}-note`}>{t('workflow.note')}</label>
          <input id={`${ids}-note`} value={note} maxLength={1000} placeholder={t('workflow.notePlaceholder')} onChange={(event) => setNote(event.target.value)} data-testid="status-note" />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${ids}-assignee`}>{t('workflow.assignee')}</label>
        <select id={`${ids}-assignee`} value={assignee} onChange={(event) => onChange({ assignee: event.target.value })} data-testid="assignee">
          <option value="">{t('workflow.nobody')}</option>
          {settings.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          {assignee && !settings.profiles.some((p) => p.id === assignee) && <option value={assignee}>{assignee}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-due`}>{t('workflow.due')}</label>
        <input
          id={`${ids}-due`}
          type="datetime-local"
          value={toLocalInput(dueAt)}
          onChange={(event) => onChange({ dueAt: fromLocalInput(event.target.value) })}
          aria-describedby={overdue ? `${ids}-overdue` : undefined}
          data-testid="due"
        />
        {overdue && (
          <small id={`${ids}-overdue`} className="over">
            {t('workflow.overdue')}
          </small>
        )}
      </div>
    </div>
  );
}

/** The article's timeline, newest first: who created it, and each move with who, when and the note. */
export function Timeline({ article, settings }: { article: Article; settings: Settings }) {
  const { t } = useTranslation();
  const ids = useId();
  const nameOf = (id: string) => settings.profiles.find((p) => p.id === id)?.name ?? id;
  return (
    <section className="timeline" aria-labelledby={`${ids}-timeline`}>
      <h3 id={`${ids}-timeline`}>{t('workflow.timeline')}</h3>
      <ol data-testid="timeline">
        {[...article.history].reverse().map((event, index) => (
          <li key={index} data-kind={event.kind} data-to={event.to ?? ''}>
            <time dateTime={event.at}>{formatShortDateTime(event.at, settings.timeZone)}</time>{' '}
            <span>
              {t(`workflow.events.${event.kind}`, {
                who: event.profileId ? nameOf(event.profileId) : event.by || t('history.unknownAuthor'),
                from: event.from ? t(`status.${event.from}`) : '',
                to: event.to ? t(`status.${event.to}`) : '',
              })}
            </span>
            {event.note && <q className="timeline-note">{event.note}</q>}
          </li>
        ))}
      </ol>
    </section>
  );
}
