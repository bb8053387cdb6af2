import { useTranslation } from 'react-i18next';
import type { BulkKind } from './BulkEditDialog';

/**
 * Above the table: how many articles the list holds and, with a selection, what can be done to
 * all of them at once (a group of buttons named for screen readers).
 */
export function SelectionBar({
  total,
  count,
  trash,
  busy,
  searching,
  approximate = false,
  onSelectAll,
  onClear,
  onEdit,
  onExport,
  onSend,
  onTrash,
}: {
  total: number | null;
  count: number;
  trash: boolean;
  /** A bulk action is under way. */
  busy: boolean;
  searching: boolean;
  /** The count is an upper bound (a quoted phrase not yet checked in every candidate). */
  approximate?: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onEdit: (kind: BulkKind) => void;
  onExport: () => void;
  onSend: () => void;
  onTrash: (trashed: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="library-selection">
      <p className="count" data-testid="library-count">
        {total === null ? '' : t(approximate ? 'library.matchCountApprox' : searching ? 'library.matchCount' : 'library.count', { count: total })}
      </p>
      {count > 0 ? (
        <div role="group" aria-label={t('library.bulk.toolbar')} className="bulk-toolbar" aria-busy={busy}>
          <span role="status" data-testid="selection-count" className="selection-count">
            {t('bundle.selected', { count })}
          </span>
          {total !== null && count < total && (
            <button type="button" className="quiet" onClick={onSelectAll} data-testid="select-all-matching">
              {t('library.selectAll', { count: total })}
            </button>
          )}
          <button type="button" className="quiet" onClick={onClear}>
            {t('bundle.clearSelection')}
          </button>
          {trash ? (
            <button type="button" onClick={() => onTrash(false)} disabled={busy} data-testid="bulk-restore">
              {t('library.bulk.restore', { count })}
            </button>
          ) : (
            <>
              <button type="button" onClick={() => onEdit('status')} disabled={busy} data-testid="bulk-status">
                {t('library.bulk.status')}
              </button>
              <button type="button" onClick={() => onEdit('section')} disabled={busy} data-testid="bulk-section">
                {t('library.bulk.section')}
              </button>
              <button type="button" onClick={() => onEdit('tags')} disabled={busy} data-testid="bulk-tags">
                {t('library.bulk.tags')}
              </button>
              <button type="button" onClick={onExport} disabled={busy} data-testid="bulk-export-open">
                {t('library.bulk.export')}
              </button>
              <button type="button" onClick={onSend} disabled={busy} data-testid="send-articles">
                {t('bundle.sendSelected', { count })}
              </button>
              <button type="button" onClick={() => onTrash(true)} disabled={busy} data-testid="bulk-trash">
                {t('library.bulk.trash', { count })}
              </button>
            </>
          )}
        </div>
      ) : (
        !trash && (
          <button type="button" onClick={onSend} data-testid="send-articles">
            {t('bundle.sendAll')}
          </button>
        )
      )}
    </div>
  );
}
