// Publishing figures: rendering one article page (p50), exporting a 10,000-article site (total and
// pages per second), and exporting again after one edit (in the same run, and as the first export
// after a restart, printed as it is measured). Baselines from the same run: writing the
// same pages' bytes with plain fs.writeFile (no rendering, no atomic rename), and the full export.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleForBench, root } from './bundle.mjs';
import { bodyOf, paragraphs, seededRandom } from './vietnameseText.mjs';

const SITE_ARTICLES = Number(process.env.BENCH_SITE_ARTICLES ?? 10_000);
const RENDERS = 200;

const load = () =>
  bundleForBench('publish', {
    'shared/publish/renderArticlePage': ['renderArticlePage'],
    'shared/publish/images': ['responsiveImages'],
    'electron/publish/siteExporter': ['exportSite'],
    'electron/publish/exportRecord': ['forgetWritten'],
    'shared/model/settings': ['defaultSettings'],
    'shared/model/articleUpdates': ['newArticle', 'changeStatus'],
    'shared/model/article': ['summarize'],
  });

const percentile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

export async function runPublishBench() {
  const { renderArticlePage, responsiveImages, exportSite, forgetWritten, defaultSettings, newArticle, changeStatus, summarize } = await load();
  const random = seededRandom(7);
  const settings = { ...defaultSettings(), baseUrl: 'https://baocantho.example' };
  const sections = settings.sections.map((s) => s.slug);
  const tags = ['Cần Thơ', 'Giáo dục', 'Giao thông', 'Nông nghiệp', 'Du lịch', 'Bóng đá', 'Sức khỏe', 'Kinh tế', 'Văn hóa', 'Môi trường'];
  const sharedBody = bodyOf(paragraphs(700, random));
  const articles = [];
  for (let i = 0; i < SITE_ARTICLES; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    const actor = { at, by: 'Minh Anh' };
    const draft = newArticle(
      {
        id: `a${i}`,
        slug: `tin-so-${i}`,
        fields: {
          headline: `Tin số ${i}: thành phố Cần Thơ đẩy mạnh học tập suốt đời`,
          sapo: 'Quận Bình Thủy triển khai nhiều mô hình học tập suốt đời cho người dân.',
          byline: 'Minh Anh',
          section: sections[i % sections.length],
          tags: [tags[i % tags.length], tags[(i * 7) % tags.length]],
          body: sharedBody,
        },
      },
      actor,
    );
    articles.push(changeStatus(draft, 'published', actor));
  }
  // These articles have no photos: the image lookup knows none, and no derivative is ever asked for.
  const images = () => null;
  const context = { settings, links: null, images: responsiveImages(images, (name) => `assets/${name}`), fontUrl: (f) => `fonts/${f}` };
  const renders = [];
  for (let i = 0; i < RENDERS; i++) {
    const start = performance.now();
    renderArticlePage({ article: articles[i], context });
    renders.push(performance.now() - start);
  }
  const escapes = [];
  for (let i = 0; i < RENDERS; i++) {
    const start = performance.now();
    JSON.stringify(articles[i]).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    escapes.push(performance.now() - start);
  }

  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-site-'));
  try {
    // The library as the export reads it: the catalog's summaries (made before, as the library
    // keeps them) and each article's file, here in memory.
    const byId = new Map(articles.map((a) => [a.id, a]));
    const catalog = articles.map(summarize);
    const out = join(dir, 'site');
    const options = {
      settings,
      catalog,
      read: async (id) => byId.get(id),
      imageInfo: async () => images,
      now: new Date(Date.UTC(2026, 0, 8)),
      outDir: out,
      derivative: async () => null,
      fontsDir: join(root, 'node_modules/@fontsource/noto-serif/files'),
    };
    const heapBefore = process.memoryUsage().heapUsed;
    let peakHeap = heapBefore;
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
    let start = performance.now();
    const first = await exportSite(options);
    const fullMs = performance.now() - start;
    clearInterval(sampler);

    // Baseline: the same pages' bytes written with plain writeFile (no rendering, no temporary file,
    // no flush), each read back from the export first (untimed).
    const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.') && !e.parentPath.includes('assets'));
    let plainMs = 0;
    let bytes = 0;
    for (const file of files) {
      const from = join(file.parentPath, file.name);
      const content = await readFile(from);
      bytes += content.length;
      const to = join(dir, 'plain', from.slice(out.length + 1));
      start = performance.now();
      await mkdir(dirname(to), { recursive: true });
      await writeFile(to, content);
      plainMs += performance.now() - start;
    }

    // One older article's sapo edited (saved: a new revision and time): its page, its section's and
    // tags' pages, the feeds. (Editing the newest article would change every page's "Mới nhất" block.)
    const edit = (sapo, at) => {
      const edited = { ...byId.get(articles[0].id), sapo, revision: byId.get(articles[0].id).revision + 1, updatedAt: new Date(at).toISOString() };
      byId.set(edited.id, edited);
      catalog[0] = summarize(edited);
    };
    edit('Sapo đã sửa.', Date.UTC(2026, 0, 8));
    start = performance.now();
    const again = await exportSite(options);
    const againMs = performance.now() - start;
    // The same again, as the first export after the app started: the record and manifest are read
    // from their files (in the run above, the process still knew what it had written there).
    edit('Sapo sửa lần nữa.', Date.UTC(2026, 0, 8, 1));
    forgetWritten();
    start = performance.now();
    const restarted = await exportSite(options);
    const restartedMs = performance.now() - start;
    process.stdout.write(
      `  export again after one more edit, as the first export after a restart (record read from its file): ${restartedMs.toFixed(2)} ms (${((100 * restartedMs) / fullMs).toFixed(1)}% of the full export), ${restarted.written} files written\n`,
    );
    return {
      articles: SITE_ARTICLES,
      renderP50: percentile(renders, 0.5),
      escapeP50: percentile(escapes, 0.5),
      pages: first.pages,
      files: files.length,
      bytes,
      fullMs,
      plainMs,
      againMs,
      againWritten: again.written,
      restartedMs,
      restartedWritten: restarted.written,
      heapGrowth: peakHeap - heapBefore,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
