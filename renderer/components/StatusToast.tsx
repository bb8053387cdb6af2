import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../hooks/useNotice';

const VISIBLE_MS = 6000;
const VISIBLE_WITH_ACTION_MS = 12000;

/**
 * Short messages at the bottom of the window. The two regions are always in the page so screen
 * readers announce what appears: information politely, errors at once. Errors stay until closed.
 */
export function StatusToast({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  const { t } = useTranslation();
  const actionButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!notice || notice.tone === 'error') return;
    const timer = setTimeout(onClose, notice.action ? VISIBLE_WITH_ACTION_MS : VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, onClose]);
  useEffect(() => {
    // An offered action (Undo) takes the focus the removed item had.
    if (notice?.action && notice.focusAction) actionButton.current?.focus();
  }, [notice]);

  const body = notice && (
    <div className={`toast toast-${notice.tone ?? 'info'}`}>
      <span>{notice.text}</span>
      {notice.action && (
        <button
          ref={actionButton}
          type="button"
          onClick={() => {
            notice.action?.run();
            onClose();
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label={t('notice.close')} onClick={onClose}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
  return (
    <div className="status-area" data-testid="notice">
      <div role="status" aria-live="polite">
        {notice?.tone !== 'error' && body}
      </div>
      <div role="alert">{notice?.tone === 'error' && body}</div>
    </div>
  );
}
