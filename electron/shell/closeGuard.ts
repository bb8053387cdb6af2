/**
 * Closing the window and quitting, as plain state machines (main.ts hands them Electron's events).
 *
 * Close: the first close is held back while the page saves what is being typed (it is asked to
 * flush and answers when done); the window then closes, after the answer or after a time limit if
 * the page does not answer. Quit: the library finishes its writes and releases its lock first.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface CloseGuardOptions {
  /** Ask the page to save now (FLUSH_REQUEST_CHANNEL). */
  requestFlush(): void;
  /** Listen for the page's answer (FLUSH_DONE_CHANNEL from this window only); returns the unsubscribe. */
  onFlushed(listener: () => void): () => void;
  /** Close the window for real (the guard lets this close through). */
  close(): void;
  /** After the real close: go on quitting if a quit was under way. */
  afterClose(): void;
  timeoutMs: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** The window's 'close' listener. */
export function createCloseGuard(options: CloseGuardOptions): (event: PreventableEvent) => void {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let flushed = false;
  let waiting = false;
  return (event) => {
    if (flushed) return;
    event.preventDefault();
    // A second close (a click while saving) waits for the same answer.
    if (waiting) return;
    waiting = true;
    const pending: { unsubscribe?: () => void; timer?: unknown } = {};
    const finish = () => {
      if (flushed) return;
      flushed = true;
      pending.unsubscribe?.();
      clearTimer(pending.timer);
      options.close();
      options.afterClose();
    };
    pending.unsubscribe = options.onFlushed(finish);
    pending.timer = setTimer(finish, options.timeoutMs);
    options.requestFlush();
  };
}

/**
 * The app's 'will-quit' listener: when a library is open, quitting waits until it is disposed
 * (writes finished, lock released), then quits again.
 */
export function createQuitGuard(library: () => { dispose(): Promise<void> } | null, quit: () => void): (event: PreventableEvent) => void {
  let state: 'open' | 'disposing' | 'disposed' = 'open';
  return (event) => {
    const service = library();
    if (state === 'disposed' || !service) return;
    event.preventDefault();
    if (state === 'disposing') return;
    state = 'disposing';
    void service.dispose().finally(() => {
      state = 'disposed';
      quit();
    });
  };
}
