import type { Article, ArticleSummary } from '../model/article';
import { summarize } from '../model/article';
import { bodyAssetIds } from '../model/body';
import type { Settings } from '../model/settings';
import { FONT_FACES } from './fonts';
import { escapeHtml } from './html';
import { neighbourIndex, newestFirst, pageNeighbours, type PageNeighbours } from './related';
import { recordingUrl, responsiveImages, type ImageInfo } from './images';
import { articlePath, renderArticlePage, renderListPage, sectionPath, siteAddress, tagPath, type ArticleRef, type PageContext, type PageLinks } from './renderArticlePage';

/**
 * The whole site as files: article pages, the home page (latest), section pages, tag pages,
 * sitemap.xml and rss.xml (when the site's address is set), the images and fonts they use.
 * Links are relative, so the folder can be copied to any web server.
 */
export interface SitePlan {
  pages: Map<string, string>;
  /** The image derivatives the pages refer to, by name (in assets/); never an original. */
  images: Set<string>;
  fonts: string[];
  notes: string[];
}

const HOME_COUNT = 30;

function linksFrom(depth: number): PageLinks & { prefix: string } {
  const prefix = '../'.repeat(depth);
  return {
    prefix,
    home: `${prefix}index.html`,
    article: (slug) => `${prefix}${articlePath(slug)}`,
    section: (slug) => `${prefix}${sectionPath(slug)}`,
    tag: (tag) => `${prefix}${tagPath(tag)}`,
  };
}

/** What the planner knows of the library's images (their size and fallback format), null for one it cannot read. */
export type ImageLookup = (assetId: string) => ImageInfo | null;

function contextAt(settings: Settings, depth: number, info: ImageLookup, used: Set<string>, prefix = '../'.repeat(depth)): PageContext {
  return {
    settings,
    links: depth >= 0 ? linksFrom(depth) : null,
    images: responsiveImages(info, recordingUrl(`${prefix}assets/`, used), shareAddress(settings)),
    fontUrl: (file) => `${prefix}assets/fonts/${file}`,
  };
}

/** The images an article's page shows: the featured photo, the body's, and the paper's logo; each once. */
export function pageImageIds(settings: Pick<Settings, 'logoAssetId'>, articles: readonly Article[]): string[] {
  const ids = articles.flatMap((article) => [...(article.featuredImage ? [article.featuredImage.assetId] : []), ...bodyAssetIds(article.body)]);
  return [...new Set([...ids, ...(settings.logoAssetId ? [settings.logoAssetId] : [])])];
}

/** Where a derivative is on the paper's website, for sharing (og:image); null while the site's address is not set. */
export const shareAddress = (settings: Pick<Settings, 'baseUrl'>) => (name: string) => siteAddress(settings, `assets/${name}`) || null;

/** XML text: escaped, and without the characters XML does not allow (escapeHtml drops them). */
const xml = (text: string) => escapeHtml(text);

export function planSite(settings: Settings, articles: readonly Article[], info: ImageLookup): SitePlan {
  const published = articles.filter((a) => a.status === 'published' && a.trashedAt === null && a.slug);
  const summaries: ArticleSummary[] = published.map(summarize).sort(newestFirst);
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const full = new Map(published.map((a) => [a.id, a]));
  const ref = (s: ArticleSummary): ArticleRef => {
    const a = full.get(s.id)!;
    return { id: a.id, slug: a.slug, headline: a.headline, sapo: a.sapo, section: a.section, publishedAt: a.publishedAt, updatedAt: a.updatedAt };
  };
  const pages = new Map<string, string>();
  const images = new Set<string>();
  const notes: string[] = [];

  const atRoot = contextAt(settings, 0, info, images);
  const index = neighbourIndex(summaries);
  const put = (path: string, html: string) => {
    if (pages.has(path)) throw new Error(`Two pages of the site would be ${path}.`);
    pages.set(path, html);
  };
  for (const article of published) {
    const neighbours = pageNeighbours(article, summaries, byId, index);
    put(articlePath(article.slug), renderArticlePage({ article, ...neighbours, context: atRoot }));
  }

  put(
    'index.html',
    renderListPage({
      title: `${settings.paperName}${settings.tagline ? ` - ${settings.tagline}` : ''}`,
      heading: 'Mới nhất',
      description: settings.tagline || settings.paperName,
      path: 'index.html',
      items: summaries.slice(0, HOME_COUNT).map(ref),
      context: atRoot,
    }),
  );

  const inSubfolder = contextAt(settings, 1, info, images);
  for (const section of settings.sections) {
    const items = summaries.filter((s) => s.section === section.slug).map(ref);
    put(
      sectionPath(section.slug),
      renderListPage({ title: `${section.name} - ${settings.paperName}`, heading: section.name, description: `${section.name} - ${settings.paperName}`, path: sectionPath(section.slug), items, currentSection: section.slug, context: inSubfolder }),
    );
  }

  const tags = new Map<string, { name: string; items: ArticleSummary[] }>();
  for (const summary of summaries) {
    for (const tag of summary.tags) {
      const path = tagPath(tag);
      const entry = tags.get(path) ?? { name: tag, items: [] };
      if (!entry.items.includes(summary)) entry.items.push(summary);
      tags.set(path, entry);
    }
  }
  for (const [path, { name, items }] of tags) {
    put(path, renderListPage({ title: `${name} - ${settings.paperName}`, heading: `Từ khóa: ${name}`, description: `Các bài viết về ${name}`, path, items: items.map(ref), context: inSubfolder }));
  }

  if (settings.baseUrl) {
    const base = settings.baseUrl.replace(/\/+$/, '');
    const urls = [...pages.keys()].map((path) => `<url><loc>${xml(`${base}/${path}`)}</loc></url>`);
    pages.set('sitemap.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`);
    const items = summaries.slice(0, 50).map((s) => {
      const a = full.get(s.id)!;
      const when = new Date(a.publishedAt ?? a.updatedAt).toUTCString();
      return `<item><title>${xml(a.headline)}</title><link>${xml(`${base}/${articlePath(a.slug)}`)}</link><guid isPermaLink="true">${xml(`${base}/${articlePath(a.slug)}`)}</guid><pubDate>${when}</pubDate>${a.sapo ? `<description>${xml(a.sapo)}</description>` : ''}</item>`;
    });
    pages.set(
      'rss.xml',
      `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${xml(settings.paperName)}</title><link>${xml(`${base}/index.html`)}</link><description>${xml(settings.tagline || settings.paperName)}</description><language>vi</language>${summaries[0] ? `<lastBuildDate>${new Date(full.get(summaries[0].id)!.updatedAt).toUTCString()}</lastBuildDate>` : ''}\n${items.join('\n')}\n</channel></rss>\n`,
    );
  } else {
    notes.push('no-base-url');
  }
  return { pages, images, fonts: FONT_FACES.map((f) => f.file), notes };
}

/** One article as a folder: its page (`<slug>.html`) with the images and font it uses in `assets/`. */
export function planArticle(settings: Settings, article: Article, neighbours: PageNeighbours, info: ImageLookup): SitePlan {
  const images = new Set<string>();
  const context = contextAt(settings, -1, info, images, '');
  return {
    pages: new Map([[articlePath(article.slug || article.id), renderArticlePage({ article, ...neighbours, context })]]),
    images,
    fonts: FONT_FACES.map((f) => f.file),
    notes: [],
  };
}
