import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleSummary } from '../../shared/api/contract';
import { useModalDialog } from '../hooks/useModalDialog';
import { routeHash } from '../hooks/useHashRoute';

const SECTIONS = ['added', 'updated', 'conflicts', 'renamed', 'unchanged'] as const;

/** What receiving a `.newsdesk` bundle did, article by article, with a way to each (a conflict to its history, to compare). */
export function BundleSummaryDialog({ summary, onClose }: { summary: BundleSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const { dialog, close } = useModalDialog();
  return (
    <dialog ref={dialog} className="bundle-dialog" aria-labelledby={`${ids}-title`} onClose={onClose} data-testid="bundle-summary">
      <h2 id={`${ids}-title`}>{t('bundle.summaryTitle')}</h2>
      <p>
        {t('bundle.summaryLine', {
          added: summary.added.length,
          updated: summary.updated.length,
          conflicts: summary.conflicts.length,
          unchanged: summary.unchanged.length,
          images: summary.images,
        })}
      </p>
      {SECTIONS.map((section) =>
        summary[section].length ? (
          <section key={section} aria-labelledby={`${ids}-${section}`}>
            <h3 id={`${ids}-${section}`}>{t(`bundle.sections.${section}`)}</h3>
            <ul data-testid={`bundle-${section}`}>
              {summary[section].map((ref) => (
                <li key={ref.id}>
                  <a href={routeHash({ view: 'editor', id: ref.id })} onClick={close}>
                    {ref.headline || t('library.untitled')}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {summary.conflicts.length > 0 && <p className="hint">{t('bundle.conflictHint')}</p>}
      <p className="dialog-actions">
        <button type="button" className="primary" onClick={close} autoFocus>
          {t('bundle.close')}
        </button>
      </p>
    </dialog>
  );
}
