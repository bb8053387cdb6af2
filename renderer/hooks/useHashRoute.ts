import { useCallback, useEffect, useState } from 'react';

/** `run`: the website export starts as soon as the view opens (the one click after publishing). */
export type Route = { view: 'library' } | { view: 'settings' } | { view: 'publish'; run?: boolean } | { view: 'editor'; id: string };

export function parseRoute(hash: string): Route {
  if (hash === '#/settings') return { view: 'settings' };
  if (hash === '#/publish') return { view: 'publish' };
  if (hash === '#/publish?run') return { view: 'publish', run: true };
  const match = /^#\/article\/([a-z0-9-]+)$/.exec(hash);
  return match ? { view: 'editor', id: match[1]! } : { view: 'library' };
}

export function routeHash(route: Route): string {
  if (route.view === 'publish' && route.run) return '#/publish?run';
  return route.view === 'editor' ? `#/article/${route.id}` : route.view === 'library' ? '#/' : `#/${route.view}`;
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
