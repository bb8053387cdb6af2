import { useCallback, useEffect, useState } from 'react';

/** `run`: the website export starts as soon as the view opens (the one click after publishing). */
export type Route =
  | { view: 'library' }
  | { view: 'settings' }
  | { view: 'publish'; run?: boolean }
  | { view: 'editor'; id: string }
  /** A kept revision, read-only. */
  | { view: 'revision'; id: string; revision: number }
  /** Two versions side by side: kept revisions, or a kept one and the article as it is saved now ('current'). */
  | { view: 'compare'; id: string; from: number; to: number | 'current' }
  /** A sync conflict's versions, to choose which to keep (renderer/components/SyncConflictView.tsx). */
  | { view: 'conflict'; id: string };

export function parseRoute(hash: string): Route {
  if (hash === '#/settings') return { view: 'settings' };
  if (hash === '#/publish') return { view: 'publish' };
  if (hash === '#/publish?run') return { view: 'publish', run: true };
  const revision = /^#\/article\/([a-z0-9-]+)\/revision\/([1-9][0-9]*)$/.exec(hash);
  if (revision) return { view: 'revision', id: revision[1]!, revision: Number(revision[2]) };
  const compare = /^#\/article\/([a-z0-9-]+)\/compare\/([1-9][0-9]*)\/([1-9][0-9]*|current)$/.exec(hash);
  if (compare) return { view: 'compare', id: compare[1]!, from: Number(compare[2]), to: compare[3] === 'current' ? 'current' : Number(compare[3]) };
  const conflict = /^#\/article\/([a-z0-9-]+)\/conflict$/.exec(hash);
  if (conflict) return { view: 'conflict', id: conflict[1]! };
  const match = /^#\/article\/([a-z0-9-]+)$/.exec(hash);
  return match ? { view: 'editor', id: match[1]! } : { view: 'library' };
}

export function routeHash(route: Route): string {
  if (route.view === 'publish' && route.run) return '#/publish?run';
  switch (route.view) {
    case 'editor':
      return `#/article/${route.id}`;
    case 'revision':
      return `#/article/${route.id}/revision/${route.revision}`;
    case 'compare':
      return `#/article/${route.id}/compare/${route.from}/${route.to}`;
    case 'conflict':
      return `#/article/${route.id}/conflict`;
    case 'library':
      return '#/';
    default:
      return `#/${route.view}`;
  }
}

/** The current view lives in the address fragment, so a reload reopens it. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeHash(next);
  }, []);
  return [route, navigate];
}
