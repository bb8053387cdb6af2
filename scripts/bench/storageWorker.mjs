// One measurement of the storage benchmark (./storage.mjs), run in a process of its own so that
// its peak memory (maxRSS) is its own: `node storageWorker.mjs '<json task>'` prints one JSON line.
// The library code is the real TypeScript service, bundled for Node by ./storage.mjs beforehand.
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { root } from './bundle.mjs';
import { QUERIES } from './searchQueries.mjs';
import { bodyOf, paragraphs, seededRandom, topicWords } from './vietnameseText.mjs';

const task = JSON.parse(process.argv[2]);
const lib = await import(join(root, 'dist/bench/storage.mjs'));

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const median = (values) => percentile(values, 50);
/**
 * This process's peak resident memory. On Linux from /proc (VmHWM): getrusage's maxRSS would
 * also count the parent's memory at the fork that started this process.
 */
function peakRss() {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Bodies of about `syllables` syllables, each on a topic of its own (a few dozen of the words), shared by the articles. */
function bodies(count, syllables, seed) {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => bodyOf(paragraphs(syllables, random, topicWords(random))));
}

const PLACES = ['Ninh Kiều', 'Bình Thủy', 'Cái Răng', 'Ô Môn', 'Thốt Nốt', 'Phong Điền', 'Cờ Đỏ', 'Vĩnh Thạnh', 'Thới Lai'];
const TOPICS = [
  'đẩy mạnh học tập suốt đời',
  'giá lúa tăng mạnh trong tuần',
  'triều cường gây ngập nước',
  'sạt lở bờ sông Hậu',
  'khởi công dự án giao thông',
  'hội đồng nhân dân tiếp xúc cử tri',
  'phát triển kinh tế đô thị',
  'hội nghị tổng kết phong trào thể thao',
];

/** A library of `articles` articles written straight to disk (fast, no flushes), as the service would have written it. */
async function seed({ dir, articles, syllables = 600, prefix = 'a', profile = null }) {
  const { summarize, defaultSettings, newArticle, LIBRARY_SCHEMA_VERSION, jsonText } = lib;
  await mkdir(join(dir, 'articles'), { recursive: true });
  const pool = bodies(200, syllables, articles);
  // Saved at different times over three years, as an archive is (the list is sorted by them).
  const random = seededRandom(articles + 1);
  const from = Date.parse('2023-11-27T01:00:00Z');
  const catalog = [];
  for (let i = 0; i < articles; i += 500) {
    const batch = [];
    for (let j = i; j < Math.min(articles, i + 500); j++) {
      const article = newArticle(
        {
          id: `${prefix}${String(j).padStart(6, '0')}`,
          slug: `tin-${prefix}-${j}`,
          fields: { headline: `${PLACES[j % PLACES.length]}: ${TOPICS[(j * 7) % TOPICS.length]} (tin số ${j})`, sapo: `Quận ${PLACES[(j * 5) % PLACES.length]} cho biết ${TOPICS[(j * 3) % TOPICS.length]}.`, byline: 'Phóng viên', section: 'thoi-su', body: pool[j % pool.length] },
        },
        { at: new Date(from + Math.floor(random() * 3 * 365 * 86_400_000)).toISOString(), by: 'Phóng viên' },
      );
      catalog.push(summarize(article));
      batch.push(writeFile(join(dir, 'articles', `${article.id}.json`), jsonText(article)));
    }
    await Promise.all(batch);
  }
  await writeFile(join(dir, 'library.json'), jsonText({ schemaVersion: LIBRARY_SCHEMA_VERSION, settings: { ...defaultSettings(), profiles: profile ? [profile] : [] }, catalog }));
  return {};
}

/** Baseline for opening: reading and parsing library.json alone. */
async function catalogAlone({ dir }) {
  const start = performance.now();
  const data = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
  return { ms: performance.now() - start, listed: data.catalog.length };
}

/** Opening the library to a usable list: the service opened and its first page of summaries listed. */
async function openToList({ dir }) {
  const start = performance.now();
  const library = await lib.LibraryService.open({ dataDir: dir });
  const page = await library.listArticles({});
  const ms = performance.now() - start;
  await library.dispose();
  return { ms, listed: page.items?.length ?? page.length };
}

/**
 * Autosaves of one article (about 1,000 syllables), each on top of the last, interleaved with a
 * bare atomic write of the same article (serialised to the same bytes) into the same folder, so
 * that whatever else the machine is doing weighs on both alike.
 */
async function autosave({ dir, saves }) {
  const library = await lib.LibraryService.open({ dataDir: dir });
  // (Saves are measured once the full-text index is loaded: as they run all day.)
  await library.whenIdle();
  const [first] = (await library.listArticles({})).items;
  const edited = bodies(1, 1000, 7)[0];
  let revision = (await library.getArticle({ id: first.id })).revision;
  const ours = [];
  const bare = [];
  for (let i = 0; i < saves; i++) {
    let start = performance.now();
    const saved = await library.saveArticle({ id: first.id, baseRevision: revision, changes: { sapo: `Lần lưu ${i}`, body: edited } });
    ours.push(performance.now() - start);
    revision = saved.revision;
    // The same article, serialised as the library serialises it, written atomically: nothing else.
    start = performance.now();
    await lib.writeJsonAtomic(join(dir, 'articles', 'bare-baseline.json.bak'), saved);
    bare.push(performance.now() - start);
  }
  await library.dispose();
  await rm(join(dir, 'articles', 'bare-baseline.json.bak'), { force: true });
  return { p50: median(ours), p95: percentile(ours, 95), bareP50: median(bare), bareP95: percentile(bare, 95) };
}

/** Baseline: the whole library in one lowdb file, rewritten on every save. */
async function singleFile({ dir, saves }) {
  const { Low } = await import('lowdb');
  const { JSONFile } = await import('lowdb/node');
  const articles = [];
  for (const name of await readdir(join(dir, 'articles'))) articles.push(JSON.parse(await readFile(join(dir, 'articles', name), 'utf8')));
  const db = new Low(new JSONFile(join(dir, 'single.json')), { articles });
  const times = [];
  for (let i = 0; i < saves; i++) {
    db.data.articles[0] = { ...db.data.articles[0], sapo: `Lần lưu ${i}` };
    const start = performance.now();
    await db.write();
    times.push(performance.now() - start);
  }
  await rm(join(dir, 'single.json'), { force: true });
  return { p50: median(times) };
}

/** Sending the whole library as one bundle, written to `out`. */
async function bundleOut({ dir, out }) {
  const library = await lib.LibraryService.open({ dataDir: dir });
  await library.whenIdle();
  const start = performance.now();
  const { bytes, articles } = await library.bundleBytes(undefined);
  const ms = performance.now() - start;
  await library.dispose();
  await writeFile(out, bytes);
  return { ms, articles, bytes: bytes.length };
}

/** Baseline: yazl zipping the same article files, read from disk, compressed, in memory. */
async function zipAlone({ dir }) {
  const start = performance.now();
  const zip = new yazl.ZipFile();
  for (const name of await readdir(join(dir, 'articles'))) zip.addBuffer(await readFile(join(dir, 'articles', name)), `articles/${name}`, { compress: true });
  zip.end();
  const chunks = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk);
  const bytes = Buffer.concat(chunks).length;
  return { ms: performance.now() - start, bytes };
}

/** Receiving that bundle into an empty library. */
async function bundleIn({ dir, bundle }) {
  const bytes = await readFile(bundle);
  const library = await lib.LibraryService.open({ dataDir: dir });
  await library.whenIdle();
  const start = performance.now();
  const summary = await library.importBundleBytes(bytes);
  const ms = performance.now() - start;
  await library.dispose();
  return { ms, added: summary.added.length };
}

/** Baseline: yauzl unzipping the same bundle, every entry written to its file in an empty folder (as unzip does). */
async function unzipAlone({ dir, bundle }) {
  const bytes = await readFile(bundle);
  const start = performance.now();
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  let files = 0;
  await new Promise((resolve, reject) => {
    zip.on('entry', (entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('end', () => {
          const path = join(dir, entry.fileName);
          mkdir(dirname(path), { recursive: true })
            .then(() => writeFile(path, Buffer.concat(chunks)))
            .then(() => {
              files++;
              zip.readEntry();
            }, reject);
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return { ms: performance.now() - start, files };
}

const SEARCH_FILE = 'search-index.json';

/** Building the full-text index from every article file (as at the first open), saved beside the library. */
async function searchBuild({ dir }) {
  await rm(join(dir, SEARCH_FILE), { force: true });
  const start = performance.now();
  const library = await lib.LibraryService.open({ dataDir: dir });
  await library.whenIdle();
  const ms = performance.now() - start;
  const status = await library.getSearchStatus({});
  await library.dispose();
  const bytes = (await stat(join(dir, SEARCH_FILE))).size;
  return { ms, bytes, indexed: status.total };
}


/**
 * Searching a library whose index was saved: opening it (the index loaded in the background), then
 * each query several times — the search alone (every matching id) and the first page of 100 rows
 * with snippets, as the library shows it. Baseline: the search it replaced, a folded substring
 * scan of every headline in the catalog.
 */
async function searchQueries({ dir, rounds }) {
  const start = performance.now();
  const library = await lib.LibraryService.open({ dataDir: dir });
  await library.whenIdle();
  const loadMs = performance.now() - start;
  const search = [];
  const page = [];
  const scan = [];
  const summaries = (await library.listArticleIds({})).ids.length;
  const catalog = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).catalog;
  const fold = (text) => text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐÐ]/g, 'd').toLowerCase();
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    for (const query of QUERIES) {
      let t = performance.now();
      const { ids } = await library.listArticleIds({ query });
      search.push(performance.now() - t);
      found += ids.length;
      t = performance.now();
      await library.listArticles({ query, limit: 100 });
      page.push(performance.now() - t);
      t = performance.now();
      const needle = fold(query.replace(/"/g, ''));
      catalog.filter((s) => fold(s.headline).includes(needle));
      scan.push(performance.now() - t);
    }
  }
  await library.dispose();
  return {
    loadMs,
    summaries,
    averageHits: Math.round(found / (rounds * QUERIES.length)),
    searchP50: median(search),
    searchP95: percentile(search, 95),
    pageP50: median(page),
    pageP95: percentile(page, 95),
    scanP50: median(scan),
  };
}

const phases = { seed, catalogAlone, openToList, autosave, singleFile, bundleOut, zipAlone, bundleIn, unzipAlone, searchBuild, searchQueries };
const result = await phases[task.phase](task);
process.stdout.write(`${JSON.stringify({ ...result, peakRss: peakRss() })}\n`);
