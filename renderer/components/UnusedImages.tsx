import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/api/contract';
import { formatFileSize } from '../../shared/text/fileSize';
import { errorText, useApi } from '../api/ApiContext';
import { useNotify } from '../hooks/useNotice';

/**
 * "Dọn ảnh không dùng": finds the library's images that no article, no kept version and not the
 * logo shows, says how many and how large, and removes them only when asked again.
 */
export function UnusedImages() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const [found, setFound] = useState<MethodOutput<'listUnusedImages'> | null>(null);
  const [busy, setBusy] = useState(false);
  const size = (bytes: number) => formatFileSize(bytes, i18n.language);

  const look = async () => {
    setBusy(true);
    const result = await api.listUnusedImages({});
    setBusy(false);
    if (!result.ok) return notify({ text: errorText(t, result.error), tone: 'error' });
    setFound(result.value);
  };
  const remove = async () => {
    if (!found) return;
    setBusy(true);
    const result = await api.removeUnusedImages({ assetIds: found.images.map((image) => image.assetId) });
    setBusy(false);
    setFound(null);
    if (!result.ok) return notify({ text: errorText(t, result.error), tone: 'error' });
    notify({ text: t('unusedImages.removed', { count: result.value.removed, size: size(result.value.bytes) }) });
  };

  return (
    <div className="field unused-images" data-testid="unused-images">
      <button type="button" onClick={() => void look()} disabled={busy}>
        {t('unusedImages.find')}
      </button>
      {busy && (
        <span role="status" className="muted">
          {t('unusedImages.working')}
        </span>
      )}
      {found && !busy && (
        <div role="status">
          {found.images.length === 0 ? (
            <p>{t('unusedImages.none')}</p>
          ) : (
            <>
              <p>{t('unusedImages.found', { count: found.images.length, size: size(found.bytes) })}</p>
              <button type="button" className="primary" onClick={() => void remove()}>
                {t('unusedImages.remove', { count: found.images.length })}
              </button>{' '}
              <button type="button" onClick={() => setFound(null)}>
                {t('unusedImages.cancel')}
              </button>
            </>
          )}
        </div>
      )}
      <small>{t('unusedImages.hint')}</small>
    </div>
  );
}
