// Publishing figures: rendering one article page (p50), exporting a 10,000-article site (total and
// pages per second), and exporting again after one edit. Baselines from the same run: writing the
// same pages' bytes with plain fs.writeFile (no rendering, no atomic rename), and the full export.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleForBench, root } from './bundle.mjs';
import { bodyOf, paragraphs, seededRandom } from './vietnameseText.mjs';

const SITE_ARTICLES = Number(process.env.BENCH_SITE_ARTICLES ?? 10_000);
const RENDERS = 200;

const load = () =>
  bundleForBench('publish', {
    'shared/publish/renderArticlePage': ['renderArticlePage'],
    'shared/publish/site': ['planSite'],
    'shared/publish/images': ['responsiveImages'],
    'electron/publish/siteExporter': ['exportSite'],
    'shared/model/settings': ['defaultSettings'],
    'shared/model/articleUpdates': ['newArticle', 'changeStatus'],
  });

const percentile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

export async function runPublishBench() {
  const { renderArticlePage, planSite, responsiveImages, exportSite, defaultSettings, newArticle, changeStatus } = await load();
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
    const options = {
      settings,
      articles,
      images,
      outDir: join(dir, 'site'),
      derivative: async () => null,
      fontsDir: join(root, 'node_modules/@fontsource/noto-serif/files'),
    };
    let start = performance.now();
    const first = await exportSite(options);
    const fullMs = performance.now() - start;

    // Baseline: the same pages' bytes written with plain writeFile (no rendering).
    const plan = planSite(settings, articles, images);
    start = performance.now();
    for (const [path, content] of plan.pages) {
      const target = join(dir, 'plain', path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    const plainMs = performance.now() - start;

    // One older article's text edited: only its page (and pages listing it) are written again.
    // (Editing the newest article would change every page's "Mới nhất" block.)
    articles[0] = { ...articles[0], sapo: 'Sapo đã sửa.', revision: 3 };
    start = performance.now();
    const again = await exportSite(options);
    const againMs = performance.now() - start;
    return {
      articles: SITE_ARTICLES,
      renderP50: percentile(renders, 0.5),
      escapeP50: percentile(escapes, 0.5),
      pages: first.pages,
      fullMs,
      plainMs,
      againMs,
      againWritten: again.written,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
