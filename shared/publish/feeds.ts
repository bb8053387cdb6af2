import type { Settings } from '../model/settings';
import { escapeHtml } from './html';
import { articlePath, siteAddress } from './renderArticlePage';
import type { SiteEntry, SiteModel } from './site';

/**
 * What the site offers feed readers and search engines, written when the site's address is set
 * (their links must be absolute): sitemap.xml (every page, with `lastmod`), rss.xml (the newest
 * articles, each with its sapo as the description and its featured photo as an enclosure),
 * sitemap-news.xml (Google News: the articles of the last two days) and robots.txt (naming both
 * sitemaps).
 */

/** XML text: escaped, and without the characters XML does not allow (escapeHtml drops them). */
const xml = (text: string) => escapeHtml(text);

const base = (settings: Pick<Settings, 'baseUrl'>) => settings.baseUrl.replace(/\/+$/, '');
const when = (entry: Pick<SiteEntry, 'publishedAt' | 'updatedAt'>) => entry.publishedAt ?? entry.updatedAt;

export const RSS_ITEMS = 50;
/** Google News takes the articles of the last two days, at most 1,000 in one sitemap. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_MAX = 1000;
export const FEED_FILES = ['sitemap.xml', 'rss.xml', 'sitemap-news.xml', 'robots.txt'] as const;

/** A page for the sitemap: its path and when it last changed (an ISO time; null when unknown, e.g. an empty list). */
export interface SitemapPage {
  path: string;
  lastmod: string | null;
}

export function renderSitemap(settings: Pick<Settings, 'baseUrl'>, pages: readonly SitemapPage[]): string {
  const root = base(settings);
  const urls = pages.map(({ path, lastmod }) => `<url><loc>${xml(`${root}/${path}`)}</loc>${lastmod ? `<lastmod>${xml(lastmod)}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** When a list of articles last changed: the newest change of any article in it. */
export function lastChanged(items: readonly Pick<SiteEntry, 'updatedAt'>[]): string | null {
  let newest: string | null = null;
  for (const item of items) if (newest === null || item.updatedAt > newest) newest = item.updatedAt;
  return newest;
}

/** A photo attached to a feed item: where it is on the site, its size in bytes and its type. */
export interface Enclosure {
  url: string;
  length: number;
  type: string;
}

/** The articles the feed lists: the newest. */
export const rssEntries = (site: SiteModel) => site.entries.slice(0, RSS_ITEMS);

export function renderRss(site: SiteModel, enclosure: (entry: SiteEntry) => Enclosure | null): string {
  const { settings } = site;
  const root = base(settings);
  const section = (slug: string) => settings.sections.find((s) => s.slug === slug)?.name ?? '';
  const items = rssEntries(site).map((entry) => {
    const link = xml(`${root}/${articlePath(entry.slug)}`);
    const photo = enclosure(entry);
    return [
      `<item><title>${xml(entry.headline)}</title><link>${link}</link><guid isPermaLink="true">${link}</guid>`,
      `<pubDate>${new Date(when(entry)).toUTCString()}</pubDate>`,
      entry.sapo ? `<description>${xml(entry.sapo)}</description>` : '',
      section(entry.section) ? `<category>${xml(section(entry.section))}</category>` : '',
      photo ? `<enclosure url="${xml(photo.url)}" length="${photo.length}" type="${xml(photo.type)}"/>` : '',
      '</item>',
    ].join('');
  });
  const newest = lastChanged(site.entries.slice(0, RSS_ITEMS));
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
    `<title>${xml(settings.paperName)}</title><link>${xml(`${root}/index.html`)}</link>` +
    `<atom:link href="${xml(`${root}/rss.xml`)}" rel="self" type="application/rss+xml"/>` +
    `<description>${xml(settings.tagline || settings.paperName)}</description><language>vi</language>` +
    `${newest ? `<lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>` : ''}\n${items.join('\n')}\n</channel></rss>\n`
  );
}

/** The articles Google News is offered: published in the two days before `now` (newest first, at most NEWS_MAX). */
export function newsEntries(site: SiteModel, now: Date): SiteEntry[] {
  const from = now.getTime() - NEWS_WINDOW_MS;
  const picked: SiteEntry[] = [];
  // Newest first: the first older than the window ends it (articles dated in the future are left for later).
  for (const entry of site.entries) {
    const at = Date.parse(when(entry));
    if (at < from || picked.length === NEWS_MAX) break;
    if (at <= now.getTime()) picked.push(entry);
  }
  return picked;
}

export function renderNewsSitemap(site: SiteModel, now: Date): string {
  const { settings } = site;
  const root = base(settings);
  const urls = newsEntries(site, now).map(
    (entry) =>
      `<url><loc>${xml(`${root}/${articlePath(entry.slug)}`)}</loc><news:news><news:publication><news:name>${xml(settings.paperName)}</news:name><news:language>vi</news:language></news:publication>` +
      `<news:publication_date>${xml(when(entry))}</news:publication_date><news:title>${xml(entry.headline)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}${urls.length ? '\n' : ''}</urlset>\n`;
}

/** robots.txt: every page may be read, and where the two sitemaps are. */
export function renderRobots(settings: Pick<Settings, 'baseUrl'>): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${siteAddress(settings, 'sitemap.xml')}\nSitemap: ${siteAddress(settings, 'sitemap-news.xml')}\n`;
}
