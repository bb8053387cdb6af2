// The storage benchmark: libraries of 1,000, 10,000 and 100,000 articles, and bundles of 1,000.
// Each measurement runs in a process of its own (./storageWorker.mjs) so its peak memory is its
// own, and each is paired with its baseline measured in the same run, alternately, on the same
// files: opening to a usable list against reading and parsing library.json alone; autosave (p50,
// p95) against a bare atomic write of the same article, serialised to the same bytes; the
// single-file lowdb library at 1,000 and 10,000; sending 1,000 articles as a bundle against yazl
// zipping the same files, and receiving it against yauzl unzipping it into a folder. The full-text
// index: its build (time, file size, peak memory) and 20 searches (p50, p95) against the headline
// scan it replaced.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundleForBench } from './bundle.mjs';
import { QUERIES } from './searchQueries.mjs';

const run = promisify(execFile);
const WORKER = fileURLToPath(new URL('./storageWorker.mjs', import.meta.url));

/** Library sizes measured (BENCH_ARTICLES=1000,10000 for a shorter run). */
const SIZES = (process.env.BENCH_ARTICLES ?? '1000,10000,100000').split(',').map(Number);
const BUNDLE_ARTICLES = Number(process.env.BENCH_BUNDLE_ARTICLES ?? 1000);
/** Opening and bundling are measured this many times (alternating with their baselines); the medians are kept. */
const ROUNDS = 3;
const SAVES = 100;
/** Each search is timed this many times (the medians and 95th percentiles are over all of them). */
const SEARCH_ROUNDS = 5;
/** The single-file baseline is not run at 100,000 (a file of several hundred MB, rewritten per save). */
const SINGLE_FILE_UP_TO = 10_000;

async function measure(task) {
  const { stdout } = await run(process.execPath, [WORKER, JSON.stringify(task)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The median time of several rounds, and the largest peak memory among them. */
const summary = (results) => ({ ...results[0], ms: median(results.map((r) => r.ms)), peakRss: Math.max(...results.map((r) => r.peakRss)) });

async function rounds(pairs) {
  const out = pairs.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, pair] of pairs.entries()) out[i].push(await measure(await pair()));
  }
  return out.map(summary);
}

const STORAGE_BUNDLE = {
  'electron/library/LibraryService': ['LibraryService'],
  'electron/library/atomicFile': ['writeJsonAtomic', 'jsonText'],
  'shared/model/article': ['summarize'],
  'shared/model/settings': ['defaultSettings'],
  'shared/model/articleUpdates': ['newArticle'],
  'electron/library/libraryFile': ['LIBRARY_SCHEMA_VERSION'],
};

/** A library of `articles` articles written into `dir`, as the storage benchmark seeds them, with one profile (for ./library.mjs). */
export async function seedForBench(dir, articles, profile) {
  await bundleForBench('storage', STORAGE_BUNDLE);
  await measure({ phase: 'seed', dir, articles, profile });
}

export async function runStorageBench({ progress = () => undefined } = {}) {
  await bundleForBench('storage', STORAGE_BUNDLE);
  const libraries = [];
  for (const articles of SIZES) {
    progress(`${articles.toLocaleString('en')} articles`);
    const dir = await mkdtemp(join(tmpdir(), `newsdesk-bench-storage-${articles}-`));
    try {
      await measure({ phase: 'seed', dir, articles });
      // The full-text index first (built as at a first open, then searched), so that opening and
      // saving below run as they do every day: with a saved index, loaded in the background.
      const searchBuilt = await measure({ phase: 'searchBuild', dir });
      const search = await measure({ phase: 'searchQueries', dir, rounds: SEARCH_ROUNDS });
      const [catalog, open] = await rounds([() => ({ phase: 'catalogAlone', dir }), () => ({ phase: 'openToList', dir })]);
      const autosave = await measure({ phase: 'autosave', dir, saves: SAVES });
      const single = articles <= SINGLE_FILE_UP_TO ? await measure({ phase: 'singleFile', dir, saves: 5 }) : null;
      libraries.push({ articles, catalog, open, autosave, single, searchBuilt, search });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  progress(`a bundle of ${BUNDLE_ARTICLES.toLocaleString('en')} articles`);
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-bench-bundle-'));
  try {
    let n = 0;
    // Every round sends from a library that has sent nothing yet and receives into an empty one.
    const fresh = async () => {
      const dir = join(root, `from-${n++}`);
      await measure({ phase: 'seed', dir, articles: BUNDLE_ARTICLES, prefix: 'b' });
      return dir;
    };
    const bundle = join(root, 'library.newsdesk');
    const [zip, out] = await rounds([async () => ({ phase: 'zipAlone', dir: await fresh() }), async () => ({ phase: 'bundleOut', dir: await fresh(), out: bundle })]);
    const [unzip, into] = await rounds([() => ({ phase: 'unzipAlone', dir: join(root, `unzipped-${n++}`), bundle }), () => ({ phase: 'bundleIn', dir: join(root, `to-${n++}`), bundle })]);
    return { libraries, searchQueries: QUERIES.length, searchRounds: SEARCH_ROUNDS, bundle: { articles: BUNDLE_ARTICLES, zip, out, unzip, into }, rounds: ROUNDS, saves: SAVES };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
