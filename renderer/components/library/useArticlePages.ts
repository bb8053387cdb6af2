import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiError } from '../../../shared/api/contract';
import { useApi } from '../../api/ApiContext';
import { PageStore, requestKey, type ListRequest, type PagesSnapshot } from './pageStore';

/**
 * The rows of `request`, read page by page as the table asks for them (`want`); `reloadKey`
 * changing reads the rows on screen again.
 */
export function useArticlePages(request: ListRequest, reloadKey: number, onError: (error: ApiError) => void): PagesSnapshot & { want: (first: number, last: number) => void } {
  const api = useApi();
  const [store] = useState(() => new PageStore(api));
  useEffect(() => store.setErrorHandler(onError), [store, onError]);
  useEffect(() => store.ask(request), [store, request]);
  useEffect(() => store.reload(reloadKey), [store, reloadKey]);
  useEffect(() => () => store.dispose(), [store]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [want] = useState(() => (first: number, last: number) => store.want(first, last));
  // Settled only once the store has been told of this render's question and reload (the effects
  // above run after the render that changed them, which would otherwise show the last answer as settled).
  const settled = snapshot.settled && snapshot.asked === requestKey(request) && snapshot.reloaded === reloadKey;
  return { ...snapshot, settled, want };
}
