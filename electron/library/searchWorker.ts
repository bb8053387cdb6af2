import { readFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import pMap from 'p-map';
import { SearchIndex, searchDocOfUnchecked } from './searchIndex';
import type { SearchReply, SearchRequest } from './searchThread';

/**
 * The full-text index's own thread (./searchThread.ts starts it): loading the saved index (a
 * 50 MB file at 100,000 articles), reading article files to build it, indexing saves and
 * answering searches all happen here, so that the library's thread stays free to answer the
 * screen. Requests are handled one after the other, in the order they were sent: a save indexed
 * before a search is found by it.
 */

/** How far below the application this thread runs, on Linux (0 the same, 19 the lowest). */
const BACKGROUND_NICENESS = 10;
/** Article files read at a time while building. */
const FILES_AT_ONCE = 16;

let index = new SearchIndex();

// Loading the index of a large library keeps a processor busy for seconds: on Linux (where a
// thread has its own priority) it yields to the window and the library's thread. Elsewhere the
// call would lower the whole application, so it is not made.
if (process.platform === 'linux') {
  try {
    setPriority(BACKGROUND_NICENESS);
  } catch {
    // Not allowed here: the thread runs at the application's priority.
  }
}

async function handle(request: SearchRequest): Promise<SearchReply['result']> {
  switch (request.op) {
    case 'load': {
      const saved = await SearchIndex.load(request.path);
      if (!saved) return null;
      index = saved;
      const ids = index.slotIds();
      return { ids: [...ids], revisions: ids.map((id) => (id ? index.revisionOf(id)! : 0)) };
    }
    case 'add':
      request.docs.forEach((doc, i) => index.add(doc, request.slots[i]));
      return null;
    case 'remove':
      for (const id of request.ids) index.remove(id);
      return null;
    case 'read': {
      // Files read without their checks (see searchDocOfUnchecked): one not of the current form is
      // sent back for the library's thread to read the checked way; one that cannot be read at all is left out.
      const added: Array<[string, number]> = [];
      const unread: string[] = [];
      await pMap(
        request.files,
        async ([id, path, slot]) => {
          let json: unknown;
          try {
            json = JSON.parse(await readFile(path, 'utf8'));
          } catch {
            return;
          }
          const doc = searchDocOfUnchecked(json);
          if (!doc || doc.id !== id) return void unread.push(id);
          index.add(doc, slot);
          added.push([id, index.revisionOf(id)!]);
        },
        { concurrency: FILES_AT_ONCE },
      );
      return { added, unread };
    }
    case 'search': {
      const hit = index.searchSlots(request.text);
      // (The slots' memory is handed over, not copied.)
      // (Made by `new Int32Array(n)`: an ArrayBuffer, never shared.)
      transfer = [hit.slots.buffer as ArrayBuffer];
      return hit;
    }
    case 'save':
      await index.save(request.path);
      return null;
  }
}

/** What the reply being sent hands over rather than copies. */
let transfer: ArrayBuffer[] = [];

let queue: Promise<unknown> = Promise.resolve();
parentPort!.on('message', (request: SearchRequest) => {
  queue = queue.then(async () => {
    try {
      transfer = [];
      const result = await handle(request);
      parentPort!.postMessage({ id: request.id, result } satisfies SearchReply, transfer);
    } catch (error) {
      parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies SearchReply);
    }
  });
});
