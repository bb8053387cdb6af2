import { useCallback } from 'react';
import type { ApiError } from '../../shared/api/contract';
import { useApi } from '../api/ApiContext';
import { routeHash } from './useHashRoute';

/**
 * Brings back a kept revision from a view that is not the editor (the read-only view, the
 * comparison): based on the article as it is saved now, then opens it in the editor. Null when
 * done, else why not.
 */
export function useRestoreRevision(id: string): (revision: number) => Promise<ApiError | null> {
  const api = useApi();
  return useCallback(
    async (revision: number) => {
      const current = await api.getArticle({ id });
      if (!current.ok) return current.error;
      const result = await api.restoreRevision({ id, baseRevision: current.value.revision, revision });
      if (!result.ok) return result.error;
      window.location.hash = routeHash({ view: 'editor', id });
      return null;
    },
    [api, id],
  );
}
