import type { Result } from '../../shared/api/contract';
import { ipcChannel, methodNames } from '../../shared/api/methods';
import type { Dispatcher } from './dispatch';

/** The slice of Electron's ipcMain used here (so the registration is testable without Electron). */
export interface MainIpc {
  handle(channel: string, listener: (event: IpcCallEvent, input: unknown, context?: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcCallEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

export const APP_ORIGIN = 'app://newsdesk';

/** Only the app's own top-level page may call: not a subframe, not a page navigated elsewhere. */
export function isTrustedSender(event: IpcCallEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** One handler per method, generated from the method list; returns a function that removes them. */
export function registerIpc(ipc: MainIpc, dispatch: Dispatcher): () => void {
  for (const method of methodNames) {
    ipc.handle(ipcChannel(method), async (event, input, context): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use the Newsdesk API.' } };
      }
      return dispatch(method, input, context);
    });
  }
  return () => {
    for (const method of methodNames) ipc.removeHandler(ipcChannel(method));
  };
}
