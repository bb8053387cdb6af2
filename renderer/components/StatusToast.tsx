import { useEffect } from 'react';
import type { Notice } from '../hooks/useNotice';

const VISIBLE_MS = 6000;
const VISIBLE_WITH_ACTION_MS = 12000;

/** The status area: always in the page so screen readers announce what appears in it. */
export function StatusToast({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  useEffect(() => {
    if (!notice || notice.tone === 'error') return;
    const timer = setTimeout(onClose, notice.action ? VISIBLE_WITH_ACTION_MS : VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, onClose]);
  return (
    <div className="status-area" role="status" aria-live="polite">
      {notice && (
        <div className={`toast toast-${notice.tone ?? 'info'}`}>
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              onClick={() => {
                notice.action?.run();
                onClose();
              }}
            >
              {notice.action.label}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
