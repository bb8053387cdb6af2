import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SearchDoc, SlotHit } from './searchIndex';

/**
 * The full-text index (./searchIndex.ts) in a thread of its own (./searchWorker.ts, bundled as
 * dist/electron/searchWorker.cjs): what it costs — loading the saved index at open, building it,
 * indexing every save, searching — no longer holds up the library's answers to the screen.
 *
 * This side keeps what the library needs to know at once (which revision of each article is
 * indexed, whether anything changed since the last save) and sends the rest; the thread handles
 * requests in the order they were sent. Articles are numbered here (their slots in the index), so
 * that a search's answer is a list of numbers handed over without copying, and the ids it stands
 * for are the same strings every time (found in the catalog without hashing them again).
 */

export type SearchRequest = { id: number } & (
  | { op: 'load'; path: string }
  /** Articles' text, each with its slot number. */
  | { op: 'add'; docs: SearchDoc[]; slots: number[] }
  | { op: 'remove'; ids: string[] }
  /** Article files to read and index: [id, path, slot number]. */
  | { op: 'read'; files: Array<[string, string, number]> }
  | { op: 'search'; text: string }
  | { op: 'save'; path: string }
);

export interface SearchReply {
  id: number;
  result?: null | SlotHit | { ids: string[]; revisions: number[] } | { added: Array<[string, number]>; unread: string[] };
  error?: string;
}

type Payload<Op extends SearchRequest['op']> = Omit<Extract<SearchRequest, { op: Op }>, 'id'>;

const WORKER_FILE = 'searchWorker.cjs';

/**
 * Where the index's thread is: beside the running bundle (dist/electron, also inside the packaged
 * app's asar), or in the project's dist/electron for the benchmarks' bundles and the tests
 * (tests/setup builds it there).
 */
export function searchWorkerFile(): string {
  const here = typeof __dirname === 'string' ? __dirname : null;
  const places = [
    ...(here ? [join(here, WORKER_FILE), join(here, '..', 'electron', WORKER_FILE), join(here, '..', '..', 'dist', 'electron', WORKER_FILE)] : []),
    join(process.cwd(), 'dist', 'electron', WORKER_FILE),
  ];
  const found = places.find((place) => existsSync(place));
  if (!found) throw new Error(`The search index's thread (${WORKER_FILE}) was not found: run \`npm run build\`. Looked in: ${places.join(', ')}`);
  return found;
}

export class SearchThread {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: SearchReply['result']) => void; reject: (error: Error) => void }>();
  /** The revision indexed of each article (as the thread will have it once it has read what was sent). */
  private readonly revisions = new Map<string, number>();
  /** Slot number → article id ('' where none), and back: numbered here, the thread told which. */
  private ids: string[] = [];
  private readonly slots = new Map<string, number>();
  /** Set when the thread stopped by itself (crashed, out of memory): every request then fails. */
  private stopped: Error | null = null;
  /** Changed since loaded or saved. */
  dirty = false;
  /** Saves and removals made while the saved index loads: sent once it is loaded (numbered as it numbers them). */
  private held: Array<() => void> | null = null;

  constructor(file = searchWorkerFile(), private readonly onStopped: (error: Error) => void = () => undefined) {
    this.worker = new Worker(file, { name: 'newsdesk-search' });
    // The library's own close ends the thread; a process leaving without closing does not wait for it.
    this.worker.unref();
    this.worker.on('message', (reply: SearchReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.error !== undefined) waiter.reject(new Error(reply.error));
      else waiter.resolve(reply.result);
    });
    const stop = (error: Error) => {
      if (this.stopped) return;
      this.stopped = error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
      this.onStopped(error);
    };
    this.worker.on('error', stop);
    this.worker.on('exit', (code) => stop(new Error(`The search index's thread stopped (exit code ${code}).`)));
  }

  revisionOf(id: string): number | undefined {
    return this.revisions.get(id);
  }

  indexedIds(): IterableIterator<string> {
    return this.revisions.keys();
  }

  private request<Op extends SearchRequest['op']>(op: Op, payload: Omit<Payload<Op>, 'op'>): Promise<SearchReply['result']> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...payload });
    });
  }

  /** Loads the index saved at `path` (false when missing, damaged or of another version: the thread's index stays as it was). */
  async load(path: string): Promise<boolean> {
    this.held = [];
    let loaded: { ids: string[]; revisions: number[] } | null = null;
    try {
      loaded = (await this.request('load', { path })) as typeof loaded;
    } finally {
      const held = this.held;
      this.held = null;
      if (loaded) this.mirror(loaded);
      for (const change of held) change();
    }
    return loaded !== null;
  }

  private mirror(loaded: { ids: string[]; revisions: number[] }): void {
    this.revisions.clear();
    this.slots.clear();
    this.ids = loaded.ids;
    loaded.ids.forEach((id, slot) => {
      if (!id) return;
      this.slots.set(id, slot);
      this.revisions.set(id, loaded.revisions[slot]!);
    });
  }

  /** Indexes articles' text (an older revision than the one indexed is ignored). */
  add(docs: readonly SearchDoc[]): void {
    if (this.held) return void this.held.push(() => this.add(docs));
    const newer = docs.filter((doc) => !((this.revisions.get(doc.id) ?? -1) > doc.revision));
    if (newer.length === 0) return;
    for (const doc of newer) this.revisions.set(doc.id, doc.revision);
    this.dirty = true;
    this.request('add', { docs: newer, slots: newer.map((doc) => this.slotFor(doc.id)) }).catch(() => undefined);
  }

  remove(ids: readonly string[]): void {
    if (this.held) return void this.held.push(() => this.remove(ids));
    const known = ids.filter((id) => this.revisions.delete(id));
    if (known.length === 0) return;
    for (const id of known) {
      const slot = this.slots.get(id)!;
      this.slots.delete(id);
      this.ids[slot] = '';
    }
    this.dirty = true;
    this.request('remove', { ids: known }).catch(() => undefined);
  }

  /** Reads article files and indexes them; answers the ids whose file is of an older form (to be read the checked way and added). */
  async read(files: Array<[string, string]>): Promise<string[]> {
    const numbered = files.map(([id, path]): [string, string, number] => [id, path, this.slotFor(id)]);
    const { added, unread } = (await this.request('read', { files: numbered })) as { added: Array<[string, number]>; unread: string[] };
    for (const [id, revision] of added) if (!((this.revisions.get(id) ?? -1) > revision)) this.revisions.set(id, revision);
    if (added.length) this.dirty = true;
    return unread;
  }

  /** The articles a query finds by slot number (see idOf), best first. */
  async search(text: string): Promise<SlotHit> {
    return (await this.request('search', { text })) as SlotHit;
  }

  /** The article of a slot number ('' where none); the numbers stay the same until the next load(). */
  idOf(slot: number): string {
    return this.ids[slot] ?? '';
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  /** How many slot numbers were given. */
  get slotCount(): number {
    return this.ids.length;
  }

  /** An article's slot number, a new one the first time (the thread numbers it so when told). */
  private slotFor(id: string): number {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.ids.push(id);
      this.slots.set(id, slot);
    }
    return slot;
  }

  async save(path: string): Promise<void> {
    this.dirty = false;
    await this.request('save', { path });
  }

  /** Ends the thread (after what was sent before). */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = new Error('The search index is closed.');
    for (const waiter of this.waiting.values()) waiter.reject(this.stopped);
    this.waiting.clear();
    await this.worker.terminate();
  }
}
