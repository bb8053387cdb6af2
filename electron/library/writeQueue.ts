import { fail } from './errors';

/**
 * One writer, one write at a time: each task starts after every earlier one has finished
 * (whether it succeeded or not). `idle()` resolves once nothing is queued or running.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => {
      if (this.closed) fail('internal', 'The library is closed.');
      return task();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Refuses every later task (those already queued still run). */
  close(): void {
    this.closed = true;
  }

  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }
}
