// Team sync figures (issue 15, CouchDB), each beside a baseline measured in the same run, against
// pouchdb-server on loopback (tests/helpers/syncServer.ts: the newsroom's design document, its
// _security and users, and its mend of pouchdb-validation), one fresh database per measure:
// - the first sync of a 10,000-article library (seeded as the storage benchmark seeds them) to an
//   empty database: time, and the peak memory of the process that syncs (what it adds to the open
//   library), against the same documents read from their files and posted with plain `_bulk_docs`
//   (500 at a time) straight to a database set up the same way;
// - a sync with nothing new, in the same session (against one `_changes` request to the server),
//   and the first sync after opening the library again (every file is looked at once: against
//   reading and parsing the 10,000 files alone);
// - 100 photos of about 5 MB imported into a library, each the featured photo of an article, its
//   first sync, and the sync that receives them (with their articles) into an empty library: time and the memory the sync adds, against the same bytes PUT /
//   GET as attachments one at a time.
// Every library is opened, synced and measured in a child process of its own (this file,
// `node sync.mjs --child <mode> '<json>'`), so that a peak belongs to that sync alone; the server
// is another process.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { root } from './bundle.mjs';
import { bodyOf, paragraphs, seededRandom, topicWords } from './vietnameseText.mjs';

const bundlePath = join(root, 'dist/bench/sync.mjs');
const serverBundlePath = join(root, 'dist/bench/syncServer.mjs');
const ARTICLES = Number(process.env.BENCH_SYNC_ARTICLES ?? 10_000);
const PHOTOS = Number(process.env.BENCH_SYNC_PHOTOS ?? 100);
/** Noise at JPEG quality 95: about one byte a pixel, so some 5 MB a photo. */
const PHOTO = { width: 2600, height: 1950, quality: 95 };
/** Documents per `_bulk_docs` of the baseline. */
const BULK = 500;
const LONG = 3_600_000;

/**
 * The library's service and the test server's helper, bundled for Node as ./bundle.mjs does, with
 * pouchdb-adapter-leveldb outside too (its LevelDB binding is found from its own folder, as in the
 * app's build: scripts/build.mjs `native`). The server's helper makes its own `require`, which
 * the banner for CommonJS dependencies would declare a second time: it is bundled apart.
 */
async function load() {
  const common = { bundle: true, platform: 'node', format: 'esm', logLevel: 'error', stdin: { resolveDir: root, loader: 'ts' } };
  await build({
    ...common,
    stdin: {
      ...common.stdin,
      contents: [
        "export { LibraryService } from './electron/library/LibraryService';",
        "export { memoryPasswords } from './electron/sync/passwords';",
        "export { Pouch } from './electron/sync/pouch';",
        "export { jsonText } from './electron/library/atomicFile';",
        "export { summarize } from './shared/model/article';",
        "export { defaultSettings } from './shared/model/settings';",
        "export { newArticle } from './shared/model/articleUpdates';",
        "export { LIBRARY_SCHEMA_VERSION } from './electron/library/libraryFile';",
      ].join('\n'),
    },
    outfile: bundlePath,
    external: ['sharp', 'pouchdb-adapter-leveldb'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  await build({
    ...common,
    stdin: { ...common.stdin, contents: "export { startSyncServer } from './tests/helpers/syncServer'; export { setupDatabase } from './electron/sync/serverDesign';" },
    outfile: serverBundlePath,
    packages: 'external',
  });
  return import(serverBundlePath);
}

// ---- memory ------------------------------------------------------------------------------------

/** VmHWM (this process's peak RSS, Linux), or null elsewhere. */
async function highWater() {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const hwm = /^VmHWM:\s*(\d+) kB/m.exec(status);
  return hwm ? Number(hwm[1]) * 1024 : null;
}

/**
 * The peak RSS of what runs from now until stop(): Linux's VmHWM reset to the current RSS
 * (`5` into /proc/self/clear_refs), and the RSS sampled every 20 ms besides (the only figure
 * where the reset is not possible).
 */
function peakFromNow() {
  let reset = false;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    reset = true;
  } catch {
    // not Linux, or not allowed: sampling only
  }
  let sampled = process.memoryUsage.rss();
  const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 20);
  return async () => {
    clearInterval(timer);
    sampled = Math.max(sampled, process.memoryUsage.rss());
    const hwm = reset ? await highWater() : null;
    return Math.max(sampled, hwm ?? 0);
  };
}

// ---- child processes ---------------------------------------------------------------------------

const authOf = (task) => ({ authorization: `Basic ${Buffer.from(`${task.user}:${task.password}`, 'utf8').toString('base64')}` });
const dbUrl = (task) => `${task.server}/${encodeURIComponent(task.database)}`;

async function openLibrary(dir) {
  const { LibraryService, memoryPasswords } = await import(bundlePath);
  const library = await LibraryService.open({ dataDir: dir, user: 'Thu Trang', passwords: memoryPasswords(), syncIntervalMs: LONG });
  // (As in a day's work: the full-text index loaded, the photos' derivatives made.)
  await library.whenIdle();
  return library;
}

/** A sync round asked for (the first sets the server up: saveSyncSettings starts the mirror). */
async function syncRound(library, task, first) {
  if (first) await library.saveSyncSettings({ server: task.server, database: task.database, user: task.user, password: task.password });
  const status = await library.syncNow({});
  if (status.error) throw new Error(`sync failed: ${JSON.stringify(status.error)}`);
  return status;
}

const timed = async (work) => {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
};

/**
 * Where a sync's time goes, without touching the service: PouchDB's calls timed by database kind
 * (`mirror` is the LevelDB one, `server` HTTP) and method, the replications (push: mirror to
 * server, pull: back) from start to end, and the article files read through the library's store.
 * Sums of calls that overlap (a replication reads and writes meanwhile) exceed the wall time.
 */
async function watchPhases(library) {
  const { Pouch } = await import(bundlePath);
  const phases = {};
  const add = (key, ms) => {
    const entry = (phases[key] ??= { ms: 0, n: 0 });
    entry.ms += ms;
    entry.n++;
  };
  const undo = [];
  const wrap = (owner, name, keyOf) => {
    const original = owner[name];
    undo.push(() => (owner[name] = original));
    owner[name] = function (...args) {
      const start = performance.now();
      const result = original.apply(this, args);
      if (result && typeof result.then === 'function') {
        const done = () => add(keyOf.call(this, args), performance.now() - start);
        result.then(done, done);
      }
      return result;
    };
  };
  const kind = (db) => (db?.adapter === 'leveldb' ? 'mirror' : 'server');
  // (PouchDB 9 makes most methods in each database's constructor: they are wrapped on each one made.)
  const onDatabase = (db) => {
    for (const method of ['get', 'put', 'bulkDocs', 'changes', 'allDocs', 'info', 'revsDiff', 'bulkGet', 'getAttachment']) {
      if (typeof db[method] === 'function') wrap(db, method, () => `${kind(db)}.${method}`);
    }
  };
  Pouch.on('ref', onDatabase);
  undo.push(() => Pouch.removeListener('ref', onDatabase));
  wrap(Pouch, 'replicate', ([source]) => (kind(source) === 'mirror' ? 'push (replication)' : 'pull (replication)'));
  wrap(library.store, 'read', () => 'article files read');
  // The steps of a round (SyncService runCycle, one after another), each with the highest RSS
  // sampled while it ran: the files into the mirror, the push, the pull, what came into the files.
  const stages = {};
  let stage = null;
  const sampler = setInterval(() => {
    if (stage) stage.peakRss = Math.max(stage.peakRss, process.memoryUsage.rss());
  }, 20);
  const sync = library.sync;
  for (const [method, name] of [
    ['sendAll', 'files into the mirror'],
    ['push', 'push'],
    ['replicate', 'pull'],
    ['applyReceived', 'received into the files'],
  ]) {
    const original = sync[method];
    sync[method] = async function (...args) {
      // (The push replicates through `replicate` too: counted as the push.)
      if (stage) return original.apply(this, args);
      const entry = (stages[name] ??= { ms: 0, n: 0, peakRss: 0 });
      stage = entry;
      const start = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        entry.ms += performance.now() - start;
        entry.n++;
        entry.peakRss = Math.max(entry.peakRss, process.memoryUsage.rss());
        stage = null;
      }
    };
    undo.push(() => delete sync[method]);
  }
  return () => {
    clearInterval(sampler);
    for (const restore of undo) restore();
    return { stages, calls: Object.fromEntries(Object.entries(phases).sort(([, a], [, b]) => b.ms - a.ms)) };
  };
}

const PLACES = ['Ninh Kiều', 'Bình Thủy', 'Cái Răng', 'Ô Môn', 'Thốt Nốt', 'Phong Điền', 'Cờ Đỏ', 'Vĩnh Thạnh', 'Thới Lai'];
const TOPICS = ['đẩy mạnh học tập suốt đời', 'giá lúa tăng mạnh trong tuần', 'triều cường gây ngập nước', 'sạt lở bờ sông Hậu', 'khởi công dự án giao thông', 'hội đồng nhân dân tiếp xúc cử tri'];

const childModes = {
  /**
   * A library of `articles` articles of about 600 syllables written straight to disk, as the
   * storage benchmark seeds them (./storageWorker.mjs): 200 bodies on topics of their own, saved
   * at times spread over three years.
   */
  async seed({ dir, articles }) {
    const { summarize, defaultSettings, newArticle, LIBRARY_SCHEMA_VERSION, jsonText } = await import(bundlePath);
    await mkdir(join(dir, 'articles'), { recursive: true });
    const random = seededRandom(articles);
    const pool = Array.from({ length: 200 }, () => bodyOf(paragraphs(600, random, topicWords(random))));
    const from = Date.parse('2023-11-27T01:00:00Z');
    const catalog = [];
    for (let i = 0; i < articles; i += 500) {
      const batch = [];
      for (let j = i; j < Math.min(articles, i + 500); j++) {
        const place = PLACES[j % PLACES.length];
        const article = newArticle(
          {
            id: `s${String(j).padStart(6, '0')}`,
            slug: `tin-dong-bo-${j}`,
            fields: { headline: `${place}: ${TOPICS[(j * 7) % TOPICS.length]} (tin số ${j})`, sapo: `Quận ${PLACES[(j * 5) % PLACES.length]} cho biết ${TOPICS[(j * 3) % TOPICS.length]}.`, byline: 'Phóng viên', section: 'thoi-su', body: pool[j % pool.length] },
          },
          { at: new Date(from + Math.floor(random() * 3 * 365 * 86_400_000)).toISOString(), by: 'Phóng viên' },
        );
        catalog.push(summarize(article));
        batch.push(writeFile(join(dir, 'articles', `${article.id}.json`), jsonText(article)));
      }
      await Promise.all(batch);
    }
    await writeFile(join(dir, 'library.json'), jsonText({ schemaVersion: LIBRARY_SCHEMA_VERSION, settings: { ...defaultSettings(), profiles: [] }, catalog }));
    return {};
  },

  /** Opens a library once (its full-text index built and saved), as it is every day. */
  async prepare(task) {
    const library = await openLibrary(task.dir);
    await library.dispose();
    return {};
  },

  /**
   * A library's first sync (saveSyncSettings + syncNow) to an empty database, then (`again`) a
   * round with nothing new in the same session, beside one `_changes` request to the server.
   */
  async sync(task) {
    const library = await openLibrary(task.dir);
    try {
      const before = process.memoryUsage.rss();
      const phases = await watchPhases(library);
      const peak = peakFromNow();
      const first = await timed(() => syncRound(library, task, true));
      const peakRss = await peak();
      const out = {
        ms: first.ms,
        before,
        peakRss,
        pending: first.value.pending,
        conflicts: first.value.conflicts.length,
        articles: (await library.listArticles({})).total,
        photos: library.assets.all().length,
        ...phases(),
      };
      if (task.again) {
        const again = [];
        const ask = [];
        for (let i = 0; i < 3; i++) {
          again.push((await timed(() => syncRound(library, task, false))).ms);
          ask.push(
            (
              await timed(async () => {
                const response = await fetch(`${dbUrl(task)}/_changes?since=now`, { headers: authOf(task) });
                await response.json();
              })
            ).ms,
          );
        }
        out.againMs = median(again);
        out.askMs = median(ask);
      }
      return out;
    } finally {
      await library.dispose();
    }
  },

  /** The first round after opening the library again (the password given again, as at a start). */
  async reopen(task) {
    const library = await openLibrary(task.dir);
    try {
      const round = await timed(() => syncRound(library, task, true));
      return { ms: round.ms, pending: round.value.pending };
    } finally {
      await library.dispose();
    }
  },

  /** Baseline: reading and parsing every article file alone (what a sync must look at, at least). */
  async readAll(task) {
    const dir = join(task.dir, 'articles');
    const names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
    const { ms } = await timed(() => Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')))));
    return { ms, files: names.length };
  },

  /**
   * Baseline of the first sync: every article file read, parsed and wrapped as the sync's
   * document, posted with `_bulk_docs` (BULK at a time) straight to a database set up as the
   * newsroom's (the same validation runs).
   */
  async bulkDocs(task) {
    const dir = join(task.dir, 'articles');
    const names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
    const before = process.memoryUsage.rss();
    const peak = peakFromNow();
    let readMs = 0;
    const start = performance.now();
    for (let i = 0; i < names.length; i += BULK) {
      const t = performance.now();
      const docs = await Promise.all(
        names.slice(i, i + BULK).map(async (name) => {
          const article = JSON.parse(await readFile(join(dir, name), 'utf8'));
          return { _id: `article:${article.id}`, type: 'article', author: task.user, assignee: article.assignee ?? '', published: false, by: task.user, at: new Date().toISOString(), article };
        }),
      );
      readMs += performance.now() - t;
      const response = await fetch(`${dbUrl(task)}/_bulk_docs`, { method: 'POST', headers: { ...authOf(task), 'content-type': 'application/json' }, body: JSON.stringify({ docs }) });
      const result = await response.json();
      const failed = Array.isArray(result) ? result.filter((row) => row.error) : [result];
      if (!response.ok || failed.length) throw new Error(`_bulk_docs: ${response.status} ${JSON.stringify(failed[0])}`);
    }
    const ms = performance.now() - start;
    return { ms, readMs, before, peakRss: await peak(), docs: names.length };
  },

  /**
   * Imports the photos into a library, each with an article that shows it (not measured: the
   * library the photo sync starts from).
   * Their web copies are not waited for: closing stops them, and they are made when next needed
   * (some 5 s a photo of noise: minutes the sync does not depend on).
   */
  async importPhotos(task) {
    const library = await openLibrary(task.dir);
    try {
      // Each the featured photo of an article of its own, as in the newsroom: a library receives
      // the photos its articles show.
      for (const [index, path] of task.photos.entries()) {
        const { assetId } = await library.importAsset({ fileName: path.slice(path.lastIndexOf('/') + 1), dataBase64: (await readFile(path)).toString('base64') });
        await library.createArticle({ headline: `Ảnh số ${index + 1}`, featuredImage: { assetId, caption: `Chú thích ảnh ${index + 1}`, credit: '', alt: `Ảnh số ${index + 1}` } }, {});
      }
      return {};
    } finally {
      await library.dispose();
    }
  },

  /** Baseline: each photo read and PUT as an asset document with its attachment, one at a time. */
  async putPhotos(task) {
    const before = process.memoryUsage.rss();
    const peak = peakFromNow();
    const start = performance.now();
    for (const path of task.photos) {
      const bytes = await readFile(path);
      const assetId = `${createHash('sha256').update(bytes).digest('hex')}.jpg`;
      const docUrl = `${dbUrl(task)}/${encodeURIComponent(`asset:${assetId}`)}`;
      const response = await fetch(docUrl, {
        method: 'PUT',
        headers: { ...authOf(task), 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'asset', assetId, _attachments: { data: { content_type: 'image/jpeg', data: bytes.toString('base64') } } }),
      });
      await response.json();
      if (!response.ok) throw new Error(`PUT ${assetId}: ${response.status}`);
    }
    return { ms: performance.now() - start, before, peakRss: await peak() };
  },

  /** Baseline: each photo's attachment fetched from the server and written to a file, one at a time. */
  async getPhotos(task) {
    await mkdir(task.dir, { recursive: true });
    const before = process.memoryUsage.rss();
    const peak = peakFromNow();
    const start = performance.now();
    const response = await fetch(`${dbUrl(task)}/_all_docs?startkey=%22asset%3A%22&endkey=%22asset%3A%EF%BF%B0%22`, { headers: authOf(task) });
    const { rows } = await response.json();
    for (const row of rows) {
      const got = await fetch(`${dbUrl(task)}/${encodeURIComponent(row.id)}/data`, { headers: authOf(task) });
      await writeFile(join(task.dir, row.id.slice('asset:'.length)), Buffer.from(await got.arrayBuffer()));
    }
    return { ms: performance.now() - start, before, peakRss: await peak(), photos: rows.length };
  },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const thisFile = fileURLToPath(import.meta.url);
if (process.argv[2] === '--child' && resolve(process.argv[1] ?? '') === thisFile) {
  const result = await childModes[process.argv[3]](JSON.parse(process.argv[4]));
  process.stdout.write(`${JSON.stringify({ ...result, peakOfProcess: await highWater() })}\n`);
}

const run = promisify(execFile);
async function inChild(mode, task) {
  const { stdout } = await run(process.execPath, [...(process.env.BENCH_SYNC_NODE_OPTIONS ?? '').split(' ').filter(Boolean), thisFile, '--child', mode, JSON.stringify(task)], {
    cwd: root,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

/** `count` distinct photos of about 5 MB (random noise, JPEG quality 95) written into `dir`. */
async function makePhotos(dir, count) {
  const { default: sharp } = await import('sharp');
  await mkdir(dir, { recursive: true });
  const paths = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const { width, height, quality } = PHOTO;
    const jpeg = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
      .jpeg({ quality })
      .toBuffer();
    const path = join(dir, `IMG_${String(1000 + i)}.JPG`);
    await writeFile(path, jpeg);
    paths.push(path);
    bytes += jpeg.length;
  }
  return { paths, bytes };
}

export async function runSyncBench({ progress = () => undefined } = {}) {
  const { startSyncServer, setupDatabase } = await load();
  const work = await mkdtemp(join(tmpdir(), 'newsdesk-bench-sync-'));
  const server = await startSyncServer();
  try {
    const editor = server.users.editor;
    let databases = 0;
    /** A fresh database on the server, set up as the newsroom's, for one measure. */
    const freshDatabase = async () => {
      const database = `newsdesk_bench_${databases++}`;
      await setupDatabase({ server: server.url, database, admin: server.admin });
      return { server: server.url, database, user: editor.name, password: editor.password };
    };

    progress(`seeding a ${ARTICLES.toLocaleString('en')}-article library`);
    const dir = join(work, 'articles');
    await inChild('seed', { dir, articles: ARTICLES });
    await inChild('prepare', { dir });
    progress('its first sync, and the baseline _bulk_docs');
    const bulk = await inChild('bulkDocs', { dir, ...(await freshDatabase()) });
    const target = await freshDatabase();
    const first = await inChild('sync', { dir, ...target, again: true });
    progress('a sync after opening it again');
    const reopen = await inChild('reopen', { dir, ...target });
    const readAll = await inChild('readAll', { dir });

    progress(`${PHOTOS} photos of about 5 MB: made, imported, synced, received`);
    const photos = await makePhotos(join(work, 'photos'), PHOTOS);
    const sender = join(work, 'photos-sender');
    await inChild('importPhotos', { dir: sender, photos: photos.paths });
    const putPhotos = await inChild('putPhotos', { photos: photos.paths, ...(await freshDatabase()) });
    const photoDb = await freshDatabase();
    const send = await inChild('sync', { dir: sender, ...photoDb });
    const getPhotos = await inChild('getPhotos', { dir: join(work, 'photos-got'), ...photoDb });
    const receive = await inChild('sync', { dir: join(work, 'photos-receiver'), ...photoDb });
    return {
      articles: ARTICLES,
      bulkSize: BULK,
      bulk,
      first,
      reopen,
      readAll,
      photos: { count: PHOTOS, bytes: photos.bytes, put: putPhotos, send, get: getPhotos, receive },
    };
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}
