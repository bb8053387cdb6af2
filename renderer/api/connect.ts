import type { NewsdeskBridge } from '../../shared/api/bridge';
import type { NewsdeskApi } from '../../shared/api/contract';
import { createHttpApi, takeToken } from './httpClient';

declare global {
  interface Window {
    newsdesk?: NewsdeskBridge;
  }
}

export type Connection =
  | { kind: 'electron'; api: NewsdeskApi; bridge: NewsdeskBridge }
  | { kind: 'web'; api: NewsdeskApi; bridge: null }
  | { kind: 'no-token'; api: null; bridge: null };

/** Electron's preload bridge where present, else the web host with this launch's token. */
export function connect(): Connection {
  if (window.newsdesk) return { kind: 'electron', api: window.newsdesk, bridge: window.newsdesk };
  const token = takeToken(window.location, window.history, window.sessionStorage);
  if (!token) return { kind: 'no-token', api: null, bridge: null };
  return { kind: 'web', api: createHttpApi(token), bridge: null };
}
