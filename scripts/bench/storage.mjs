// Autosave cost in a large library: one save through LibraryService, beside (a) a bare atomic
// write of the same bytes and (b) keeping the whole library in a single lowdb file. Also the time
// to open the library to a usable list.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForBench } from './bundle.mjs';
import { bodyOf, paragraphs, seededRandom } from './vietnameseText.mjs';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const SAVES = 100;

/** The TypeScript service, bundled for Node so the benchmark runs the real code. */
const loadService = () =>
  bundleForBench('library', {
    'electron/library/LibraryService': ['LibraryService'],
    'electron/library/atomicFile': ['writeJsonAtomic'],
    'shared/model/article': ['summarize'],
    'shared/model/settings': ['defaultSettings'],
    'shared/model/articleUpdates': ['newArticle'],
    'electron/library/libraryFile': ['LIBRARY_SCHEMA_VERSION'],
  });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** An article of the generated library, made as the service makes one. */
function articleOf(newArticle, i, body, at) {
  return newArticle(
    {
      id: `a${String(i).padStart(6, '0')}`,
      slug: `bai-${i}`,
      fields: { headline: `Tin số ${i}: thành phố Cần Thơ đẩy mạnh học tập`, sapo: 'Sapo của bài viết.', byline: 'Phóng viên', section: 'thoi-su', body },
    },
    { at, by: 'Phóng viên' },
  );
}

export async function runStorageBench() {
  const { LibraryService, writeJsonAtomic, summarize, defaultSettings, newArticle, LIBRARY_SCHEMA_VERSION } = await loadService();
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-storage-'));
  try {
    // A library of ARTICLES realistic articles, written directly (fast, no fsync) for the setup.
    const random = seededRandom();
    await mkdir(join(dir, 'articles'), { recursive: true });
    const at = new Date('2026-11-27T01:00:00Z').toISOString();
    const sharedBody = bodyOf(paragraphs(300, random));
    const catalog = [];
    const all = [];
    for (let i = 0; i < ARTICLES; i += 500) {
      const batch = [];
      for (let j = i; j < Math.min(ARTICLES, i + 500); j++) {
        const article = articleOf(newArticle, j, sharedBody, at);
        catalog.push(summarize(article));
        all.push(article);
        batch.push(writeFile(join(dir, 'articles', `${article.id}.json`), JSON.stringify(article)));
      }
      await Promise.all(batch);
    }
    await writeFile(join(dir, 'library.json'), JSON.stringify({ schemaVersion: LIBRARY_SCHEMA_VERSION, settings: defaultSettings(), catalog }));

    // Opening to a usable list (the catalog and the first page of summaries).
    const openStart = performance.now();
    const library = await LibraryService.open({ dataDir: dir });
    await library.listArticles({});
    const openMs = performance.now() - openStart;

    // Autosaves of one article (about 1,000 syllables), each on top of the last, interleaved with
    // baseline 1 (a bare atomic write of the same bytes into the same folder) so that whatever
    // else the machine is doing weighs on both alike.
    const id = all[0].id;
    const edited = bodyOf(paragraphs(1000, random));
    let revision = (await library.getArticle({ id })).revision;
    const bytes = JSON.stringify(await library.getArticle({ id }), null, 2);
    const autosave = [];
    const bare = [];
    for (let i = 0; i < SAVES; i++) {
      let start = performance.now();
      const saved = await library.saveArticle({ id, baseRevision: revision, changes: { sapo: `Lần lưu ${i}`, body: edited } });
      autosave.push(performance.now() - start);
      revision = saved.revision;
      start = performance.now();
      await writeJsonAtomic(join(dir, 'articles', 'bare-baseline.json'), JSON.parse(bytes));
      bare.push(performance.now() - start);
    }
    await library.dispose();

    // Baseline 2: the whole library in one lowdb file, rewritten on every save.
    const { Low } = await import('lowdb');
    const { JSONFile } = await import('lowdb/node');
    const db = new Low(new JSONFile(join(dir, 'single.json')), { articles: all });
    const single = [];
    for (let i = 0; i < 3; i++) {
      db.data.articles[0] = { ...db.data.articles[0], sapo: `Lần lưu ${i}`, body: edited };
      const start = performance.now();
      await db.write();
      single.push(performance.now() - start);
    }
    return { articles: ARTICLES, saves: SAVES, autosave: median(autosave), bareWrite: median(bare), singleFile: median(single), openMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
