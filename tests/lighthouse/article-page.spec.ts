import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
// chrome-launcher is Lighthouse's own launcher (a dependency of lighthouse, imported as its CLI does).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { generateReport, type Result as LighthouseResult } from 'lighthouse';
import type { BodyDoc } from '../../shared/model/body';
import { articlePath } from '../../shared/publish/renderArticlePage';
import { LibraryService } from '../../electron/library/LibraryService';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { cameraPhoto } from '../helpers/cameraPhotos';
import { serveFolder, type ServedFolder } from '../helpers/serveFolder';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { moveTo } from '../helpers/workflow';

/**
 * The quality gate of issue 9 ("Photos for the web"): a realistic article page of a city daily,
 * with a featured photo and two photos in the body straight from a camera (4000×3000 JPEGs of
 * 2–4 MB with EXIF), exported by the real library service and served as a web host would, must
 * score in Lighthouse (default mobile config: emulated phone, simulated slow 4G, 4× CPU slowdown)
 * at least 0.95 for performance and SEO and 1 for accessibility, and pass the image audits.
 *
 * Runs alone (the "lighthouse" project, after e2e), since the score depends on the CPU's speed.
 */

const THRESHOLDS = { performance: 0.95, accessibility: 1, seo: 0.95 } as const;
const IMAGE_AUDITS = ['unsized-images', 'uses-responsive-images', 'modern-image-formats'] as const;
/** The categories run and printed; best-practices is not asserted. */
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

// Debian's Chromium through chrome-launcher: the new headless mode (the old one is gone from
// current Chromium), no sandbox (containers) and nothing that talks to Google in the background.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

const paragraph = (text: string): BodyDoc['content'][number] => ({ type: 'paragraph', content: [{ type: 'text', text }] });

const PARAGRAPHS = [
  'Sáng 27/11, UBND quận Ninh Kiều phối hợp với Sở Giao thông vận tải TP Cần Thơ tổ chức lễ khánh thành tuyến kè chống sạt lở bờ sông Cần Thơ, đoạn từ cầu Cái Sơn đến rạch Ông Tường, dài hơn 1,8 km. Công trình được khởi công từ tháng 3/2025 với tổng vốn đầu tư khoảng 420 tỷ đồng từ ngân sách trung ương và thành phố.',
  'Theo Ban Quản lý dự án đầu tư xây dựng thành phố, tuyến kè được thiết kế với kết cấu cọc bê tông ly tâm ứng suất trước, tường chắn bê tông cốt thép và hệ thống thoát nước đồng bộ. Phía trên kè là đường đi bộ rộng 6 m, có cây xanh, đèn chiếu sáng và các điểm dừng chân hướng ra sông.',
  'Trước đây, đoạn bờ sông này thường xuyên bị sạt lở vào mùa nước nổi, nhiều hộ dân phải di dời khẩn cấp. Riêng năm 2023, khu vực đã xảy ra 4 vụ sạt lở, làm hư hỏng 12 căn nhà và gần 300 m đường giao thông nông thôn.',
  'Bà Nguyễn Thị Hồng, 62 tuổi, sống ven rạch Ông Tường hơn 40 năm, cho biết: “Mấy năm trước, mùa nước lên là cả xóm thức trắng canh bờ sông. Giờ có kè rồi, người dân yên tâm làm ăn, tối lại có chỗ cho con cháu đi dạo”.',
  'Phát biểu tại buổi lễ, lãnh đạo UBND thành phố đánh giá công trình không chỉ bảo vệ an toàn tính mạng, tài sản của khoảng 1.500 hộ dân mà còn tạo cảnh quan đô thị mới, góp phần phát triển du lịch đường sông gắn với chợ nổi Cái Răng và bến Ninh Kiều.',
  'Thành phố cũng yêu cầu các đơn vị liên quan sớm bàn giao công trình cho địa phương quản lý, bảo trì; đồng thời tiếp tục rà soát các điểm có nguy cơ sạt lở cao trên địa bàn để đề xuất đầu tư trong giai đoạn 2026-2030.',
  'Hiện nay, TP Cần Thơ có 48 điểm sạt lở với tổng chiều dài gần 30 km, trong đó 9 điểm được xếp vào mức đặc biệt nguy hiểm. Thành phố đã bố trí hơn 1.200 tỷ đồng để xây dựng 15 công trình kè trong 5 năm qua.',
  'Cũng trong dịp này, quận Ninh Kiều phát động phong trào “Giữ sạch dòng sông quê hương”, vận động người dân không xả rác, không lấn chiếm hành lang bảo vệ bờ sông và cùng chăm sóc hàng cây dọc tuyến kè mới.',
];

function articleBody(photos: { assetId: string }[]): BodyDoc {
  const [, second, third] = photos;
  return {
    type: 'doc',
    content: [
      paragraph(PARAGRAPHS[0]!),
      paragraph(PARAGRAPHS[1]!),
      {
        type: 'figure',
        attrs: {
          assetId: second!.assetId,
          alt: 'Đường đi bộ lát gạch đỏ chạy dọc tuyến kè mới, bên phải là hàng lan can và dòng sông Cần Thơ',
          caption: 'Đường đi bộ rộng 6 m trên mặt kè, đoạn gần cầu Cái Sơn.',
          credit: 'Ảnh: Minh Thư',
        },
      },
      paragraph(PARAGRAPHS[2]!),
      paragraph(PARAGRAPHS[3]!),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Cảnh quan mới cho du lịch đường sông' }] },
      paragraph(PARAGRAPHS[4]!),
      paragraph(PARAGRAPHS[5]!),
      {
        type: 'figure',
        attrs: {
          assetId: third!.assetId,
          alt: 'Ghe du lịch chở khách chạy trên sông Cần Thơ, phía sau là dãy nhà phố ven bờ',
          caption: 'Ghe du lịch qua đoạn sông vừa được kè, hướng về chợ nổi Cái Răng.',
          credit: 'Ảnh: Quốc Huy',
        },
      },
      paragraph(PARAGRAPHS[6]!),
      paragraph(PARAGRAPHS[7]!),
    ],
  };
}

/** Writes the library and exports the site into `siteDir`, with `baseUrl` as the site's address; returns the article page's path. */
async function publishArticleSite(dataDir: string, siteDir: string, baseUrl: string): Promise<string> {
  const library = await LibraryService.open({ dataDir });
  try {
    await library.saveSettings({
      changes: {
        paperName: 'Báo Cần Thơ Mới',
        tagline: 'Tin tức Cần Thơ mỗi ngày',
        baseUrl,
        feedbackEmail: 'toasoan@baocantho.example',
        websiteLinks: [{ name: 'Cổng thông tin thành phố', url: 'https://cantho.gov.vn' }],
        footerText: 'Báo Cần Thơ Mới - Giấy phép số 00/GP-BTTTT. Địa chỉ: Ninh Kiều, Cần Thơ.',
      },
    });
    const photos = [];
    for (const seed of [11, 12, 13]) {
      const bytes = await cameraPhoto({ seed });
      expect(bytes.length, `camera photo ${seed} weighs like a real one`).toBeGreaterThan(2_000_000);
      photos.push(await library.importAsset({ fileName: `IMG_${4700 + seed}.JPG`, dataBase64: bytes.toString('base64') }));
    }
    const created = await library.createArticle({
      headline: 'Cần Thơ khánh thành tuyến kè chống sạt lở bờ sông dài gần 2 km',
      section: 'thoi-su',
    });
    const saved = await library.saveArticle({
      id: created.id,
      baseRevision: created.revision,
      changes: {
        sapo: 'Tuyến kè bờ sông Cần Thơ đoạn từ cầu Cái Sơn đến rạch Ông Tường hoàn thành sau 20 tháng thi công, bảo vệ an toàn cho khoảng 1.500 hộ dân và tạo thêm không gian đi bộ ven sông.',
        byline: 'Minh Thư - Quốc Huy',
        tags: ['Cần Thơ', 'Sạt lở', 'Giao thông', 'Du lịch'],
        featuredImage: {
          assetId: photos[0]!.assetId,
          alt: 'Toàn cảnh tuyến kè mới bên sông Cần Thơ lúc sáng sớm, dãy nhà cao tầng phía xa',
          caption: 'Tuyến kè bờ sông Cần Thơ nhìn từ phía cầu Cái Sơn sáng 27/11.',
          credit: 'Ảnh: Minh Thư',
        },
        body: articleBody(photos),
      },
    });
    const published = await moveTo(library, saved, 'published');
    const result = await library.exportSite({ outDir: siteDir });
    if (result.notes.length) console.log(`Export notes:\n  ${result.notes.join('\n  ')}`);
    return articlePath(published.slug);
  } finally {
    await library.dispose();
  }
}

type Audit = LighthouseResult['audits'][string];

/** Passing, for an audit whose score is shown: 1 (Lighthouse 12 gives a metric-savings audit 1 with no items, 0.5 with items but no estimated savings, 0 with savings), or not applicable (score null). */
function auditPasses(audit: Audit | undefined): boolean {
  if (!audit) return false;
  if (audit.scoreDisplayMode === 'notApplicable') return true;
  if (audit.scoreDisplayMode === 'error' || audit.scoreDisplayMode === 'manual') return false;
  return audit.score === 1;
}

type DetailItem = Record<string, unknown>;
const itemsOf = (audit: Audit | undefined): DetailItem[] => {
  const details = audit?.details as { items?: DetailItem[] } | undefined;
  return details?.items ?? [];
};

const kib = (bytes: unknown) => (typeof bytes === 'number' ? `${(bytes / 1024).toFixed(1)} KiB` : '?');

function describeItem(item: DetailItem): string {
  const node = item.node as { snippet?: string } | undefined;
  const where = (item.sourceLocation as { url?: string } | undefined)?.url;
  const what =
    typeof item.description === 'string' ? `${item.description}${where ? ` (${where})` : ''}` : typeof item.url === 'string' ? item.url : (node?.snippet ?? JSON.stringify(item).slice(0, 200));
  const parts = [what];
  if (item.totalBytes !== undefined) parts.push(`total ${kib(item.totalBytes)}`);
  if (item.wastedBytes !== undefined) parts.push(`wasted ${kib(item.wastedBytes)}`);
  return parts.join(', ');
}

/**
 * What the test started, stopped after it in afterEach: that runs on a failure and on a timeout
 * too (a `finally` in the test would not run on a timeout, and chrome-launcher starts Chromium in
 * a process group of its own, which would outlive the worker).
 */
const running: { tempDir: string | null; server: ServedFolder | null; chrome: chromeLauncher.LaunchedChrome | null } = { tempDir: null, server: null, chrome: null };

test.afterEach(async () => {
  const { chrome, server, tempDir } = running;
  running.chrome = running.server = running.tempDir = null;
  if (chrome) {
    const exited = chrome.process.exitCode !== null || chrome.process.signalCode !== null;
    const closed = exited ? Promise.resolve() : once(chrome.process, 'close');
    chrome.kill(); // SIGKILL to Chromium's process group
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  await server?.close();
  if (tempDir) await removeDir(tempDir);
});

test('the article page with camera photos passes the Lighthouse gate (mobile)', async () => {
  test.setTimeout(240_000);
  const testInfo = test.info();
  const started = Date.now();
  const tempDir = (running.tempDir = await makeTempDir('newsdesk-lighthouse-'));
  const siteDir = join(tempDir, 'site');
  // The server first, so that the site is exported for the address it is served at (its
  // canonical links and og:url then point at the page itself, as on the paper's real host).
  const server = (running.server = await serveFolder(siteDir));
  const pagePath = await publishArticleSite(join(tempDir, 'library'), siteDir, server.origin);
  expect(existsSync(join(siteDir, pagePath)), `${pagePath} exported`).toBe(true);
  const url = `${server.origin}/${pagePath}`;
  const prepared = Date.now();

  // A profile of our own in the temporary folder (chrome-launcher writes its logs there, so it must exist).
  const profileDir = join(tempDir, 'chrome-profile');
  await mkdir(profileDir);
  const chrome = (running.chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROME_FLAGS,
    userDataDir: profileDir,
    logLevel: 'silent',
    handleSIGINT: false,
  }));
  const runner = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  });
  if (!runner) throw new Error('Lighthouse returned no result');
  const lhr = runner.lhr;
  // The full reports, kept in the test's output folder (test-results/playwright/…) and named on failure.
  const htmlReport = testInfo.outputPath('lighthouse-report.html');
  const jsonReport = testInfo.outputPath('lighthouse-report.json');
  await writeFile(htmlReport, generateReport(lhr, 'html'));
  await writeFile(jsonReport, JSON.stringify(lhr, null, 1));
  await testInfo.attach('lighthouse-report.html', { path: htmlReport, contentType: 'text/html' });
  await testInfo.attach('lighthouse-report.json', { path: jsonReport, contentType: 'application/json' });

  // ---- what Lighthouse saw ------------------------------------------------------------------
  const score = (id: string) => lhr.categories[id]?.score ?? null;
  const audit = (id: string): Audit | undefined => lhr.audits[id];
  const lines: string[] = [`Lighthouse ${lhr.lighthouseVersion} on ${lhr.finalDisplayedUrl} (${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling; ${lhr.environment.benchmarkIndex} benchmark index)`];
  lines.push(`Scores: ${CATEGORIES.map((id) => `${id} ${score(id) ?? 'n/a'}`).join(', ')}`);
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'total-byte-weight']) {
    lines.push(`  ${id}: ${audit(id)?.displayValue ?? 'n/a'} (score ${audit(id)?.score ?? 'n/a'})`);
  }
  // (Lighthouse 12: a list of tables, the first holding the element's node.)
  const lcpElement = itemsOf(audit('largest-contentful-paint-element'))
    .flatMap((table) => (Array.isArray(table.items) ? (table.items as DetailItem[]) : []))
    .map((item) => (item.node as { snippet?: string } | undefined)?.snippet)
    .find(Boolean);
  if (lcpElement) lines.push(`  LCP element: ${lcpElement}`);
  const imageRequests = itemsOf(audit('network-requests')).filter((item) => item.resourceType === 'Image');
  lines.push(`Images loaded (${imageRequests.length}):`);
  for (const item of imageRequests) lines.push(`  ${String(item.url).replace(server.origin, '')} ${item.mimeType} ${kib(item.transferSize)}`);
  for (const id of IMAGE_AUDITS) {
    const result = audit(id);
    lines.push(`Audit ${id}: score ${result?.score ?? 'null'} (${result?.scoreDisplayMode ?? 'missing'})${result?.displayValue ? `, ${result.displayValue}` : ''}`);
    for (const item of itemsOf(result)) lines.push(`  - ${describeItem(item)}`);
  }
  // Every audit not passed in the categories, so a failure says why (best-practices: for information).
  const failing: string[] = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const result = lhr.audits[ref.id];
      if (!result || auditPasses(result) || result.scoreDisplayMode === 'informative' || result.scoreDisplayMode === 'manual') continue;
      // A metric scoring 0.9 or more is "good" (green) in Lighthouse's own report.
      if (result.scoreDisplayMode === 'numeric' && result.score !== null && result.score >= 0.9) continue;
      const why = result.errorMessage ? ` [error: ${result.errorMessage}]` : result.explanation ? ` [${result.explanation}]` : '';
      failing.push(`  [${id}] ${ref.id}: score ${result.score} (${result.scoreDisplayMode}, weight ${ref.weight})${result.displayValue ? ` ${result.displayValue}` : ''}: ${result.title}${why}`);
      for (const item of itemsOf(result).slice(0, 5)) failing.push(`      - ${describeItem(item)}`);
    }
  }
  if (failing.length) lines.push('Audits not passed:', ...failing);
  if (lhr.runWarnings.length) lines.push(`Run warnings:\n  ${lhr.runWarnings.join('\n  ')}`);
  lines.push(`Timing: photos, import and export ${((prepared - started) / 1000).toFixed(1)} s; Lighthouse ${((Date.now() - prepared) / 1000).toFixed(1)} s`);
  console.log(lines.join('\n'));

  // ---- the gate ---------------------------------------------------------------------------
  // A valid run of the real page first: an error page or a run error would make the scores meaningless.
  expect(lhr.runtimeError, 'Lighthouse run error').toBeUndefined();
  expect(audit('http-status-code')?.score, 'the article page answers 200').toBe(1);
  // The gate must not pass for want of photos: the featured photo (at least) was loaded.
  expect(imageRequests.length, 'photos loaded by the page').toBeGreaterThan(0);

  const problems: string[] = [];
  for (const [id, minimum] of Object.entries(THRESHOLDS)) {
    const value = score(id);
    if (value === null || value < minimum) problems.push(`${id} score ${value} < ${minimum}`);
  }
  for (const id of IMAGE_AUDITS) {
    const result = audit(id);
    if (!auditPasses(result)) problems.push(`${id}: score ${result?.score ?? 'null'} (${result?.scoreDisplayMode ?? 'missing'}), ${itemsOf(result).length} item(s)`);
  }
  expect(problems, 'Lighthouse gate (details above and in the attached report)').toEqual([]);
});
