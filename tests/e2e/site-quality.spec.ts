import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { test as base, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';
import { serveFolder } from '../helpers/serveFolder';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { seedLibrary } from '../helpers/seedLibrary';
import { vnuErrors } from '../helpers/vnu';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const test = base.extend<object, { site: { dir: string; dataDir: string; pages: string[] } }>({
  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = await makeTempDir('newsdesk-site-');
      const dataDir = join(dir, 'library');
      await seedLibrary(dataDir, 52);
      await run(process.execPath, [join(root, 'dist/electron/export.cjs'), '--data-dir', dataDir, '--out', join(dir, 'site')]);
      const pages: string[] = [];
      const walk = async (folder: string) => {
        for (const entry of await readdir(folder, { withFileTypes: true })) {
          if (entry.isDirectory()) await walk(join(folder, entry.name));
          else if (entry.name.endsWith('.html')) pages.push(join(folder, entry.name));
        }
      };
      await walk(join(dir, 'site'));
      await use({ dir: join(dir, 'site'), dataDir, pages: pages.sort() });
      await removeDir(dir);
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test.describe.configure({ mode: 'serial' });

test('the exported site has every kind of page, sitemap.xml, RSS, the news sitemap and robots.txt', async ({ site }) => {
  const names = site.pages.map((p) => relative(site.dir, p));
  expect(names.filter((n) => !n.includes('/') && n !== 'index.html').length).toBe(51); // 51 published, 1 in review
  expect(names).toContain('index.html');
  expect(names.filter((n) => n.startsWith('chuyen-muc/')).length).toBe(6);
  expect(names.some((n) => n.startsWith('tu-khoa/'))).toBe(true);
  const sitemap = await readFile(join(site.dir, 'sitemap.xml'), 'utf8');
  expect(sitemap).toContain('<loc>https://baocantho.example/index.html</loc>');
  const rss = await readFile(join(site.dir, 'rss.xml'), 'utf8');
  expect(rss).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0" xmlns:atom="http:\/\/www.w3.org\/2005\/Atom">/);
  expect((rss.match(/<item>/g) ?? []).length).toBe(50);
  // Every article in the sitemap says when it last changed; Google News has its own sitemap, and robots.txt names both.
  expect((sitemap.match(/<lastmod>/g) ?? []).length).toBeGreaterThanOrEqual(51);
  const news = await readFile(join(site.dir, 'sitemap-news.xml'), 'utf8');
  expect(news).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
  // Every published article (51: the seeded library leaves its last one in review) came out in the
  // last two days (the seeded clock starts a day ago): all listed.
  expect(news.match(/<news:news>/g)).toHaveLength(51);
  expect(await readFile(join(site.dir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://baocantho.example/sitemap-news.xml');
});

test('every page passes the Nu HTML Checker with zero errors', async ({ site }) => {
  test.setTimeout(180_000);
  expect(await vnuErrors(site.pages, site.dir)).toEqual([]);
});

test('every internal link and image resolves, and nothing points outside the site but real web addresses', async ({ site }) => {
  const broken: string[] = [];
  for (const page of site.pages) {
    const html = await readFile(page, 'utf8');
    // Every address: href, src, and each candidate of a srcset.
    const urls = [
      ...[...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((match) => match[1]!),
      ...[...html.matchAll(/srcset="([^"]*)"/g)].flatMap((match) => match[1]!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!)),
    ];
    // A page with photos offers their web copies (never an original).
    if (html.includes('<img')) expect(urls.some((url) => /assets\/[0-9a-f]{64}-\d+\.webp$/.test(url)), relative(site.dir, page)).toBe(true);
    expect(urls.filter((url) => /assets\/[0-9a-f]{64}\.(jpg|png|webp|gif)$/.test(url)), relative(site.dir, page)).toEqual([]);
    for (const url of urls) {
      const target = url.replace(/&amp;/g, '&');
      // (The page's icon is empty on purpose: no request for /favicon.ico, which the site may not have.)
      if (/^(https?:|mailto:|tel:)/.test(target) || target === 'data:,') continue;
      if (target === '') broken.push(`${relative(site.dir, page)} → (empty)`);
      else if (target.startsWith('#')) {
        if (!html.includes(`id="${target.slice(1)}"`)) broken.push(`${relative(site.dir, page)} → ${target}`);
      } else {
        const path = resolve(dirname(page), target.split('#')[0]!);
        if (!path.startsWith(site.dir) || !existsSync(path)) broken.push(`${relative(site.dir, page)} → ${target}`);
      }
    }
    const css = html.match(/url\(([^)]+)\)/g) ?? [];
    for (const entry of css) {
      const target = entry.slice(4, -1).replace(/^["']|["']$/g, '');
      if (!existsSync(resolve(dirname(page), target))) broken.push(`${relative(site.dir, page)} → ${target}`);
    }
  }
  expect(broken).toEqual([]);
});

test('every page has zero axe violations (WCAG 2 A and AA)', async ({ site, page }) => {
  test.setTimeout(300_000);
  for (const file of site.pages) {
    await page.goto(pathToFileURL(file).href);
    await expectNoAxeViolations(page).catch((error: Error) => {
      throw new Error(`${relative(site.dir, file)}: ${error.message}`);
    });
  }
});

test('a second export writes only what changed', async ({ site }) => {
  const { stdout } = await run(process.execPath, [join(root, 'dist/electron/export.cjs'), '--data-dir', site.dataDir, '--out', site.dir]);
  expect(stdout).toMatch(/: 0 written, \d+ unchanged, 0 removed\./);
});

test('the bundled font draws every Vietnamese letter itself (no fallback font)', async ({ site, page }) => {
  // Served as readers get it, from a web host: the pages preload their fonts (font-display:
  // optional), which browsers refuse for a page opened from disk. The second page read is the
  // one looked at, as with every page a reader opens after the first: the fonts come from the cache.
  const server = await serveFolder(site.dir);
  try {
    const [first, second] = site.pages.filter((p) => /bai-\d+\.html$/.test(p)).map((p) => `${server.origin}/${relative(site.dir, p)}`);
    // Every preload is used (a preload the page's own request does not match is fetched twice).
    const messages: string[] = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    await page.goto(first!);
    await page.evaluate(() => document.fonts.ready);
    expect(messages, 'console on the first page').toEqual([]);
    await page.goto(second!);
    await expectBundledFontDrawsEveryLetter(page);
  } finally {
    await server.close();
  }
});

async function expectBundledFontDrawsEveryLetter(page: Page): Promise<void> {
  const sample = 'ỳ ỵ ỷ ỹ Ỹ ằ ẵ ặ đ Đ ơ ư Ơ Ư ả ẫ ệ ộ ự';
  await page.evaluate((text) => {
    for (const [id, css] of [['regular', ''], ['bold', 'font-weight:700'], ['italic', 'font-style:italic']]) {
      const probe = document.createElement('p');
      probe.id = `probe-${id}`;
      probe.setAttribute('style', css!);
      probe.textContent = text;
      document.querySelector('main')!.append(probe);
    }
  }, sample);
  await page.evaluate(() => document.fonts.ready);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  for (const id of ['regular', 'bold', 'italic']) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#probe-${id}` });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((f) => f.familyName), id).toEqual(['Noto Serif']);
    expect(fonts.every((f) => f.isCustomFont), id).toBe(true);
  }
}
