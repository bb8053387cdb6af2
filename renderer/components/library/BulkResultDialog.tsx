import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodes, type ErrorCode, type MethodOutput } from '../../../shared/api/contract';
import { errorText } from '../../api/ApiContext';
import { useModalDialog } from '../../hooks/useModalDialog';

export type BulkResult = MethodOutput<'updateArticles'>;

/** What a bulk action did, with each article it could not change and why, in words. */
export function BulkResultDialog({ title, result, onClose }: { title: string; result: BulkResult; onClose: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const { dialog, close } = useModalDialog();
  return (
    <dialog ref={dialog} className="link-dialog bulk-result" aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-summary`} onClose={onClose} data-testid="bulk-result">
      <h2 id={`${ids}-title`}>{title}</h2>
      <p id={`${ids}-summary`}>{bulkSummary(t, result)}</p>
      {result.failed.length > 0 && (
        <ul className="bulk-failures">
          {result.failed.map((failure) => (
            <li key={failure.id}>
              <strong>“{failure.headline || t('library.untitled')}”</strong>: {failureText(t, failure)}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={() => close()}>
          {t('bundle.close')}
        </button>
      </div>
    </dialog>
  );
}

/** Why an article was not changed, in the user's words (a move the workflow has not is named by its statuses). */
function failureText(t: TFunction, failure: BulkResult['failed'][number]): string {
  const move = /no move from (\w+) to (\w+)/.exec(failure.message);
  if (failure.code === 'invalid_input' && move) return t('library.bulk.noMove', { from: t(`status.${move[1]}`), to: t(`status.${move[2]}`) });
  return errorText(t, { code: asCode(failure.code), message: failure.message });
}

const asCode = (code: string): ErrorCode => ((errorCodes as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal');

/** "3 bài đã đổi, 1 bài vốn đã như vậy, 2 bài không đổi được." */
export function bulkSummary(t: TFunction, result: BulkResult): string {
  const parts = [t('library.bulk.changed', { count: result.changed })];
  if (result.unchanged) parts.push(t('library.bulk.unchanged', { count: result.unchanged }));
  if (result.failed.length) parts.push(t('library.bulk.failed', { count: result.failed.length }));
  return `${parts.join(', ')}.`;
}
