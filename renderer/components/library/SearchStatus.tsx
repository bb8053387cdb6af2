import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/api/contract';
import { useApi } from '../../api/ApiContext';

const POLL_MS = 1000;

/**
 * While the full-text index is being built (after it was missing or stale) the search answers from
 * headlines alone: says so, with how far the build has got; `onReady` when it is done.
 */
export function SearchStatus({ onReady }: { onReady: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [status, setStatus] = useState<MethodOutput<'getSearchStatus'> | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let wasBuilding = false;
    const poll = async () => {
      const result = await api.getSearchStatus({});
      if (stopped || !result.ok) return;
      setStatus(result.value);
      if (result.value.state === 'building') {
        wasBuilding = true;
        timer = setTimeout(() => void poll(), POLL_MS);
      } else if (wasBuilding) onReady();
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, onReady]);

  if (status?.state !== 'building') return null;
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <div className="search-status" role="status" data-testid="search-status">
      <label htmlFor={`${ids}-progress`}>{t('library.indexing', { done: number(status.done), total: number(status.total) })}</label>
      <progress id={`${ids}-progress`} value={status.done} max={Math.max(1, status.total)} />
    </div>
  );
}
