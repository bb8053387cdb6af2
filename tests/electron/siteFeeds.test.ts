// @vitest-environment jsdom
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../electron/library/LibraryService';
import { contract } from '../../shared/api/contract';
import type { Article } from '../../shared/model/article';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { moveTo } from '../helpers/workflow';

const PHOTO = join(process.cwd(), 'tests/fixtures/images/cau-can-tho.png');
const SITE = 'https://baocantho.example';
const HOUR = 3_600_000;

let dir: string;
let library: LibraryService;
let now: number;
beforeEach(async () => {
  dir = await makeTempDir();
  now = Date.UTC(2026, 10, 20, 1, 0);
  library = await LibraryService.open({ dataDir: join(dir, 'library'), now: () => new Date(now) });
  await library.saveSettings({ changes: { baseUrl: SITE, paperName: 'Báo Cần Thơ' } });
});
afterEach(async () => {
  await library.dispose();
  await removeDir(dir);
});

async function publish(headline: string, changes: Record<string, unknown> = {}): Promise<Article> {
  const created = await library.createArticle(contract.createArticle.input.parse({ headline, byline: 'Minh Anh' }));
  const saved = await library.saveArticle(contract.saveArticle.input.parse({ id: created.id, baseRevision: 1, changes }));
  return moveTo(library, saved, 'published');
}

const xml = (text: string) => {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
};

describe('feeds for readers and search engines', () => {
  it('RSS: each item with its sapo as the description and its featured photo as an enclosure, read by a feed parser', async () => {
    const { assetId } = await library.importAsset({ fileName: 'a.png', dataBase64: (await readFile(PHOTO)).toString('base64') });
    await publish('Cầu Cần Thơ & <đêm>', { sapo: 'Sapo: cầu "sáng đèn" & <rực rỡ>.', section: 'thoi-su', featuredImage: { assetId, caption: '', credit: '', alt: 'Cầu' } });
    now += HOUR;
    await publish('Tin không ảnh, không sapo');
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });
    const feed = await new Parser().parseString(await readFile(join(out, 'rss.xml'), 'utf8'));
    expect(feed.title).toBe('Báo Cần Thơ');
    expect(feed.items.map((item) => item.title)).toEqual(['Tin không ảnh, không sapo', 'Cầu Cần Thơ & <đêm>']);
    const [plain, photo] = feed.items;
    expect(plain!.enclosure).toBeUndefined();
    expect(plain!.content ?? '').toBe('');
    expect(photo!.content).toBe('Sapo: cầu "sáng đèn" & <rực rỡ>.');
    expect(photo!.categories).toEqual(['Thời sự']);
    expect(photo!.link).toMatch(new RegExp(`^${SITE}/.+\\.html$`));
    // The photo is one of the site's own derivatives (never the original), there, of the stated size.
    const enclosure = photo!.enclosure!;
    const name = enclosure.url.slice(`${SITE}/assets/`.length);
    expect(enclosure.url).toBe(`${SITE}/assets/${name}`);
    // (A photo without transparency: its fallback, which every reader shows, is a JPEG.)
    expect(name).toMatch(new RegExp(`^${assetId.slice(0, 64)}-\\d+\\.jpg$`));
    expect(enclosure.type).toBe('image/jpeg');
    expect(Number(enclosure.length)).toBe((await stat(join(out, 'assets', name))).size);
  });

  it('sitemap.xml: every page with lastmod; sitemap-news.xml: the last two days’ articles for Google News; robots.txt names both', async () => {
    const old = await publish('Tin ba ngày trước');
    now += 2 * 24 * HOUR;
    const yesterday = await publish('Tin hôm qua', { section: 'kinh-te', tags: ['Giá lúa'] });
    now += 24 * HOUR - 60_000;
    const fresh = await publish('Tin <mới> & nóng');
    now += 60_000;
    const out = join(dir, 'out');
    await library.exportSite({ outDir: out });

    const sitemap = xml(await readFile(join(out, 'sitemap.xml'), 'utf8'));
    const urls = new Map([...sitemap.getElementsByTagName('url')].map((url) => [url.getElementsByTagName('loc')[0]!.textContent, url.getElementsByTagName('lastmod')[0]?.textContent ?? null]));
    for (const article of [old, yesterday, fresh]) expect(urls.get(`${SITE}/${article.slug}.html`), article.slug).toBe((await library.getArticle({ id: article.id })).updatedAt);
    // A list changed when its newest article did; an empty section has no lastmod.
    expect(urls.get(`${SITE}/index.html`)).toBe((await library.getArticle({ id: fresh.id })).updatedAt);
    expect(urls.get(`${SITE}/tu-khoa/gia-lua.html`)).toBe((await library.getArticle({ id: yesterday.id })).updatedAt);
    expect(urls.get(`${SITE}/chuyen-muc/the-thao.html`)).toBeNull();

    const news = xml(await readFile(join(out, 'sitemap-news.xml'), 'utf8'));
    const NS = 'http://www.google.com/schemas/sitemap-news/0.9';
    expect(news.documentElement.namespaceURI).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const items = [...news.getElementsByTagNameNS(NS, 'news')].map((item) => ({
      loc: item.parentElement!.getElementsByTagName('loc')[0]!.textContent,
      name: item.getElementsByTagNameNS(NS, 'name')[0]!.textContent,
      language: item.getElementsByTagNameNS(NS, 'language')[0]!.textContent,
      date: item.getElementsByTagNameNS(NS, 'publication_date')[0]!.textContent,
      title: item.getElementsByTagNameNS(NS, 'title')[0]!.textContent,
    }));
    expect(items).toEqual(
      [fresh, yesterday].map((article) => ({ loc: `${SITE}/${article.slug}.html`, name: 'Báo Cần Thơ', language: 'vi', date: article.publishedAt, title: article.headline })),
    );
    expect(items[0]!.title).toBe('Tin <mới> & nóng');

    const robots = await readFile(join(out, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap.xml\n`);
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-news.xml\n`);

    // Two days on, the news sitemap is empty (and still valid); the others are as they were.
    now += 3 * 24 * HOUR;
    await library.exportSite({ outDir: out });
    expect(xml(await readFile(join(out, 'sitemap-news.xml'), 'utf8')).getElementsByTagNameNS(NS, 'news')).toHaveLength(0);
  });

  it('no site address: no feeds, and the export says why', async () => {
    await library.saveSettings({ changes: { baseUrl: '' } });
    await publish('Tin một');
    const out = join(dir, 'out');
    const result = await library.exportSite({ outDir: out });
    expect(result.notes).toContain('no-base-url');
    for (const file of ['sitemap.xml', 'rss.xml', 'sitemap-news.xml', 'robots.txt']) await expect(stat(join(out, file)), file).rejects.toThrow();
  });
});
