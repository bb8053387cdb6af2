import type { CommandId } from '../commands';
import type { NewsdeskApi } from './contract';

/** A `.newsdesk` file the system asked Newsdesk to open: its bytes, or why they could not be read. */
export type OpenedBundle = { name: string; dataBase64: string } | { name: string; error: 'too_large' | 'unreadable'; detail?: string };

/** What the Electron preload puts on `window.newsdesk`: the API plus main-process events. */
export interface NewsdeskBridge extends NewsdeskApi {
  /** A menu item asked for a command; returns an unsubscribe function. */
  onDidRequestCommand(listener: (id: CommandId) => void): () => void;
  /** The window is about to close: `save` runs, then the window closes. Returns an unsubscribe function. */
  onWillClose(save: () => Promise<void>): () => void;
  /** The system's folder dialog (a new folder can be made in it): the folder chosen, or null. */
  chooseFolder(options: { title: string; defaultPath?: string }): Promise<string | null>;
  /** `.newsdesk` files opened from the system (double-click, command line) arrived; returns an unsubscribe function. */
  onDidOpenBundles(listener: () => void): () => void;
  /** Hands over the `.newsdesk` files waiting to be received (each once). */
  takeOpenedBundles(): Promise<OpenedBundle[]>;
}
