import type { NewsdeskBridge } from '../../shared/api/bridge';
import { createHttpApi, takeToken } from './httpClient';
import { sequenced, type AppApi } from './sequenced';

declare global {
  interface Window {
    newsdesk?: NewsdeskBridge;
  }
}

export type Connection =
  | { kind: 'electron'; api: AppApi; bridge: NewsdeskBridge }
  | { kind: 'web'; api: AppApi; bridge: null }
  | { kind: 'no-token'; api: null; bridge: null };

/** Electron's preload bridge where present, else the web host with this launch's token. */
export function connect(): Connection {
  if (window.newsdesk) return { kind: 'electron', api: sequenced(window.newsdesk), bridge: window.newsdesk };
  const token = takeToken(window.location, window.history, window.sessionStorage);
  if (!token) return { kind: 'no-token', api: null, bridge: null };
  return { kind: 'web', api: sequenced(createHttpApi(token), createHttpApi(token, { keepalive: true })), bridge: null };
}
