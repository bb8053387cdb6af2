// `.newsdesk` bundles of 1,000 articles: sending (the whole library to one file) and receiving it
// into an empty library, each beside the zip library alone doing the same files: yazl zipping the
// article files as they are on disk, and yauzl reading every entry of the bundle.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { bundleForBench } from './bundle.mjs';
import { bodyOf, paragraphs, seededRandom } from './vietnameseText.mjs';

const ARTICLES = Number(process.env.BENCH_BUNDLE_ARTICLES ?? 1000);

const load = () =>
  bundleForBench('bundles', {
    'electron/library/LibraryService': ['LibraryService'],
    'shared/model/article': ['summarize'],
    'shared/model/settings': ['defaultSettings'],
    'shared/model/articleUpdates': ['newArticle'],
    'electron/library/libraryFile': ['LIBRARY_SCHEMA_VERSION'],
  });

async function zipAlone(dir) {
  const zip = new yazl.ZipFile();
  for (const name of await readdir(join(dir, 'articles'))) zip.addBuffer(await readFile(join(dir, 'articles', name)), `articles/${name}`, { compress: true });
  zip.end();
  const chunks = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function unzipAlone(bytes) {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  let total = 0;
  await new Promise((resolve, reject) => {
    zip.on('entry', (entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        stream.on('data', (chunk) => (total += chunk.length));
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return total;
}

export async function runBundlesBench() {
  const { LibraryService, summarize, defaultSettings, newArticle, LIBRARY_SCHEMA_VERSION } = await load();
  const root = await mkdtemp(join(tmpdir(), 'newsdesk-bench-bundles-'));
  const from = join(root, 'from');
  const to = join(root, 'to');
  try {
    const random = seededRandom(3);
    await mkdir(join(from, 'articles'), { recursive: true });
    const at = new Date('2026-11-27T01:00:00Z').toISOString();
    const catalog = [];
    for (let i = 0; i < ARTICLES; i++) {
      const article = newArticle(
        { id: `b${String(i).padStart(5, '0')}`, slug: `tin-${i}`, fields: { headline: `Tin số ${i}`, sapo: 'Sapo.', byline: 'Phóng viên', section: 'thoi-su', body: bodyOf(paragraphs(600, random)) } },
        { at, by: 'Phóng viên' },
      );
      catalog.push(summarize(article));
      await writeFile(join(from, 'articles', `${article.id}.json`), JSON.stringify(article));
    }
    await writeFile(join(from, 'library.json'), JSON.stringify({ schemaVersion: LIBRARY_SCHEMA_VERSION, settings: defaultSettings(), catalog }));

    let start = performance.now();
    const plainZip = await zipAlone(from);
    const zipMs = performance.now() - start;

    const sender = await LibraryService.open({ dataDir: from });
    start = performance.now();
    const { bytes } = await sender.bundleBytes(undefined);
    const exportMs = performance.now() - start;
    await sender.dispose();

    start = performance.now();
    await unzipAlone(bytes);
    const unzipMs = performance.now() - start;

    const receiver = await LibraryService.open({ dataDir: to });
    start = performance.now();
    const summary = await receiver.importBundleBytes(bytes);
    const importMs = performance.now() - start;
    await receiver.dispose();
    return { articles: ARTICLES, added: summary.added.length, bytes: bytes.length, plainZipBytes: plainZip.length, exportMs, zipMs, importMs, unzipMs, rss: process.memoryUsage().rss };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
