import { useTranslation } from 'react-i18next';
import { routeHash } from '../../hooks/useHashRoute';
import { useSyncConflictIds } from './syncStatus';

/** In the library's row of an article in a sync conflict: a mark (icon and words) that opens the conflict. */
export function SyncConflictMark({ id, headline, tabIndex }: { id: string; headline: string; tabIndex: number }) {
  const { t } = useTranslation();
  const conflicts = useSyncConflictIds();
  if (!conflicts.has(id)) return null;
  return (
    <a
      href={routeHash({ view: 'conflict', id })}
      className="sync-conflict-mark"
      tabIndex={tabIndex}
      aria-label={t('sync.conflictMarkLabel', { headline })}
      title={t('sync.conflictMark')}
      data-testid="sync-conflict-mark"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <path d="M8 1.5 15 14H1z M8 6v4 M8 11.5v1" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
      <span className="sync-conflict-text">{t('sync.conflictMark')}</span>
    </a>
  );
}
