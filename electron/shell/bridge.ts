import type { NewsdeskBridge } from '../../shared/api/bridge';
import {
  COMMAND_CHANNEL,
  FLUSH_DONE_CHANNEL,
  FLUSH_REQUEST_CHANNEL,
  ipcChannel,
  methodNames,
} from '../../shared/api/methods';
import { isCommandId } from '../../shared/commands';

/** The slice of ipcRenderer the bridge needs; the page never sees ipcRenderer itself. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Builds `window.newsdesk` mechanically from the method list: one function per method, each an
 * invoke on its own channel. Event callbacks are wrapped so the IPC event object never reaches
 * the page.
 */
export function createBridge(ipc: RendererIpc): NewsdeskBridge {
  const api = Object.fromEntries(
    methodNames.map((method) => [method, (input: unknown) => ipc.invoke(ipcChannel(method), input)]),
  ) as unknown as NewsdeskBridge;

  api.onDidRequestCommand = (listener) => {
    const wrapped = (_event: unknown, id: unknown) => {
      if (isCommandId(id)) listener(id);
    };
    ipc.on(COMMAND_CHANNEL, wrapped);
    return () => void ipc.removeListener(COMMAND_CHANNEL, wrapped);
  };

  api.onWillClose = (save) => {
    const wrapped = () => {
      save()
        .catch(() => undefined)
        .finally(() => ipc.send(FLUSH_DONE_CHANNEL));
    };
    ipc.on(FLUSH_REQUEST_CHANNEL, wrapped);
    return () => void ipc.removeListener(FLUSH_REQUEST_CHANNEL, wrapped);
  };
  return api;
}
