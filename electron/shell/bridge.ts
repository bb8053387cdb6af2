import type { NewsdeskBridge } from '../../shared/api/bridge';
import type { OpenedBundle } from '../../shared/api/bridge';
import {
  BUNDLES_WAITING_CHANNEL,
  CHOOSE_FOLDER_CHANNEL,
  COMMAND_CHANNEL,
  FLUSH_DONE_CHANNEL,
  FLUSH_REQUEST_CHANNEL,
  ipcChannel,
  methodNames,
  TAKE_BUNDLES_CHANNEL,
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
    methodNames.map((method) => [method, (input: unknown, context?: unknown) => ipc.invoke(ipcChannel(method), input, context)]),
  ) as unknown as NewsdeskBridge;

  api.onDidRequestCommand = (listener) => {
    const wrapped = (_event: unknown, id: unknown) => {
      if (isCommandId(id)) listener(id);
    };
    ipc.on(COMMAND_CHANNEL, wrapped);
    return () => void ipc.removeListener(COMMAND_CHANNEL, wrapped);
  };

  // The window is closing: run every registered save, then tell the main process it may close
  // (at once when nothing is registered).
  const savers = new Set<() => Promise<void>>();
  ipc.on(FLUSH_REQUEST_CHANNEL, () => {
    void Promise.allSettled([...savers].map((save) => save())).then(() => ipc.send(FLUSH_DONE_CHANNEL));
  });
  api.onWillClose = (save) => {
    savers.add(save);
    return () => void savers.delete(save);
  };
  api.chooseFolder = async ({ title, defaultPath }) => {
    const chosen = await ipc.invoke(CHOOSE_FOLDER_CHANNEL, { title: String(title), ...(defaultPath ? { defaultPath: String(defaultPath) } : {}) });
    return typeof chosen === 'string' ? chosen : null;
  };
  api.onDidOpenBundles = (listener) => {
    const wrapped = () => listener();
    ipc.on(BUNDLES_WAITING_CHANNEL, wrapped);
    return () => void ipc.removeListener(BUNDLES_WAITING_CHANNEL, wrapped);
  };
  api.takeOpenedBundles = async () => {
    const taken = await ipc.invoke(TAKE_BUNDLES_CHANNEL);
    return Array.isArray(taken) ? (taken as OpenedBundle[]) : [];
  };
  return api;
}
