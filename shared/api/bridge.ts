import type { CommandId } from '../commands';
import type { NewsdeskApi } from './contract';

/** What the Electron preload puts on `window.newsdesk`: the API plus main-process events. */
export interface NewsdeskBridge extends NewsdeskApi {
  /** A menu item asked for a command; returns an unsubscribe function. */
  onDidRequestCommand(listener: (id: CommandId) => void): () => void;
  /** The window is about to close: `save` runs, then the window closes. Returns an unsubscribe function. */
  onWillClose(save: () => Promise<void>): () => void;
}
