import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/api/contract';
import { useApi } from '../api/ApiContext';

/** Said (on window) after a photo is added: its web sizes are being made in the background. */
export const IMAGES_QUEUED_EVENT = 'newsdesk:images-queued';
export const announceImagesQueued = () => window.dispatchEvent(new Event(IMAGES_QUEUED_EVENT));

const POLL_MS = 700;

/**
 * "Preparing photos for the web: 3 of 12", with a progress bar, while the library makes the
 * derivatives of photos just added; nothing once they are all made.
 */
export function ImageProgress() {
  const { t } = useTranslation();
  const api = useApi();
  const [progress, setProgress] = useState<MethodOutput<'getImageProgress'> | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      clearTimeout(timer);
      const result = await api.getImageProgress({});
      if (stopped || !result.ok) return;
      const busy = result.value.done < result.value.total;
      setProgress(busy ? result.value : null);
      if (busy) timer = setTimeout(() => void poll(), POLL_MS);
    };
    const start = () => void poll();
    window.addEventListener(IMAGES_QUEUED_EVENT, start);
    start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener(IMAGES_QUEUED_EVENT, start);
    };
  }, [api]);

  if (!progress) return null;
  const label = t('images.preparing', { done: progress.done, total: progress.total });
  return (
    <span className="image-progress" role="status" data-testid="image-progress">
      <progress max={progress.total} value={progress.done} aria-label={label} />
      {label}
    </span>
  );
}
