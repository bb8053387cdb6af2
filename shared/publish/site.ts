import type { Article, ArticleSummary } from '../model/article';
import { bodyAssetIds } from '../model/body';
import type { Settings } from '../model/settings';
import { fold } from '../text/vietnamese';
import { FONT_FACES } from './fonts';
import { neighbourIndex, newestFirst, pageNeighbours, type NeighbourIndex, type PageNeighbours } from './related';
import { recordingUrl, responsiveImages, type ImageInfo } from './images';
import { articlePath, renderArticlePage, renderListPage, sectionPath, siteAddress, tagPath, type ArticleRef, type PageContext, type PageLinks } from './renderArticlePage';

/**
 * The site is planned page by page (siteModel, listPage, the renderers below and ./feeds.ts) and
 * written by electron/publish/siteExporter.ts, which renders only the pages whose inputs changed.
 * Links are relative, so the folder can be copied to any web server. A SitePlan is a few pages
 * made at once with the images and fonts they use: one article into a folder.
 */
export interface SitePlan {
  pages: Map<string, string>;
  /** The image derivatives the pages refer to, by name (in assets/); never an original. */
  images: Set<string>;
  fonts: string[];
  notes: string[];
}

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

/**
 * What the site needs to know of one published article besides its page: how lists and the blocks
 * beside other articles show it, where it is filed, what its page shows. Small (no body), so the
 * export folder keeps every article's in its record and a later export reads again only the
 * articles that changed.
 */
export interface SiteEntry {
  id: string;
  slug: string;
  headline: string;
  sapo: string;
  section: string;
  tags: string[];
  /** Each tag folded (fold()), as the blocks beside an article match them. */
  folded: string[];
  /** Each tag's page (tagPath). */
  tagPaths: string[];
  related: string[];
  publishedAt: string | null;
  updatedAt: string;
  /** The featured photo (the feeds' enclosure), by asset id. */
  featured: string | null;
  /** Every image the article's own page shows (featured photo and body), by asset id. */
  images: string[];
}

export function siteEntry(article: Article): SiteEntry {
  return {
    id: article.id,
    slug: article.slug,
    headline: article.headline,
    sapo: article.sapo,
    section: article.section,
    tags: article.tags,
    folded: article.tags.map(fold),
    tagPaths: article.tags.map(tagPath),
    related: article.related,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    featured: article.featuredImage?.assetId ?? null,
    images: pageImageIds({ logoAssetId: '' }, [article]),
  };
}

/** Is this article on the site? Published, not in the trash, with a page name. */
export const onSite = (article: Pick<Article, 'status' | 'trashedAt' | 'slug'>) => article.status === 'published' && article.trashedAt === null && !!article.slug;

const asSummary = (entry: SiteEntry): ArticleSummary => ({
  id: entry.id,
  slug: entry.slug,
  headline: entry.headline,
  section: entry.section,
  status: 'published',
  assignee: '',
  dueAt: null,
  updatedAt: entry.updatedAt,
  wordCount: 0,
  tags: entry.tags,
  publishedAt: entry.publishedAt,
  revision: 1,
  trashedAt: null,
});

/** The site's articles, newest first, grouped as its pages list them. */
export interface SiteModel {
  settings: Settings;
  entries: SiteEntry[];
  byId: Map<string, SiteEntry>;
  summaries: ArticleSummary[];
  summaryById: Map<string, ArticleSummary>;
  index: NeighbourIndex;
  /** Tag pages by path: the tag's name (as the newest article spells it) and its articles. */
  tags: Map<string, { name: string; items: SiteEntry[] }>;
  bySection: Map<string, SiteEntry[]>;
}

export function siteModel(settings: Settings, entries: readonly SiteEntry[]): SiteModel {
  const sorted = [...entries].sort(newestFirst);
  const byId = new Map(sorted.map((e) => [e.id, e]));
  const summaries = sorted.map(asSummary);
  const tags = new Map<string, { name: string; items: SiteEntry[] }>();
  const bySection = new Map<string, SiteEntry[]>();
  for (const entry of sorted) {
    const list = bySection.get(entry.section);
    if (list) list.push(entry);
    else bySection.set(entry.section, [entry]);
    entry.tagPaths.forEach((path, i) => {
      const group = tags.get(path) ?? { name: entry.tags[i]!, items: [] };
      if (group.items[group.items.length - 1] !== entry) group.items.push(entry);
      tags.set(path, group);
    });
  }
  return {
    settings,
    entries: sorted,
    byId,
    summaries,
    summaryById: new Map(summaries.map((s) => [s.id, s])),
    index: neighbourIndex(summaries, (s) => byId.get(s.id)!.folded),
    tags,
    bySection,
  };
}

/** The blocks beside an article on the site. */
export const siteNeighbours = (site: SiteModel, entry: SiteEntry): PageNeighbours => pageNeighbours(entry, site.summaries, site.summaryById, site.index);

/** A page listing articles: the home page (latest), a section, a tag. */
export interface ListPage {
  path: string;
  title: string;
  heading: string;
  description: string;
  items: SiteEntry[];
  currentSection?: string;
  depth: number;
}

const HOME_COUNT = 30;

/** The site's list pages: home, every section, every tag. */
export function listPagePaths(site: SiteModel): string[] {
  return ['index.html', ...site.settings.sections.map((s) => sectionPath(s.slug)), ...site.tags.keys()];
}

/** One list page, by its path (null: no such page). */
export function listPage(site: SiteModel, path: string): ListPage | null {
  const { settings } = site;
  if (path === 'index.html') {
    return {
      path,
      title: `${settings.paperName}${settings.tagline ? ` - ${settings.tagline}` : ''}`,
      heading: 'Mới nhất',
      description: settings.tagline || settings.paperName,
      items: site.entries.slice(0, HOME_COUNT),
      depth: 0,
    };
  }
  const section = settings.sections.find((s) => sectionPath(s.slug) === path);
  if (section) {
    const title = `${section.name} - ${settings.paperName}`;
    return { path, title, heading: section.name, description: title, items: site.bySection.get(section.slug) ?? [], currentSection: section.slug, depth: 1 };
  }
  const tag = site.tags.get(path);
  return tag ? { path, title: `${tag.name} - ${settings.paperName}`, heading: `Từ khóa: ${tag.name}`, description: `Các bài viết về ${tag.name}`, items: tag.items, depth: 1 } : null;
}

/** The list pages an article is on (or would be, filed as `entry` says). */
export function listPagesOf(site: SiteModel, entry: Pick<SiteEntry, 'id' | 'section' | 'tagPaths'>, wasOnHome: boolean): string[] {
  const sections = site.settings.sections.filter((s) => s.slug === entry.section).map((s) => sectionPath(s.slug));
  const home = wasOnHome || site.entries.slice(0, HOME_COUNT).some((e) => e.id === entry.id);
  return [...(home ? ['index.html'] : []), ...sections, ...entry.tagPaths];
}

export const isOnHome = (site: SiteModel, id: string) => site.entries.slice(0, HOME_COUNT).some((e) => e.id === id);

const refOf = (entry: SiteEntry): ArticleRef => ({
  id: entry.id,
  slug: entry.slug,
  headline: entry.headline,
  sapo: entry.sapo,
  section: entry.section,
  publishedAt: entry.publishedAt,
  updatedAt: entry.updatedAt,
});

/**
 * What a list page's HTML is made of besides the settings: its texts and, of each article, what
 * refList shows (link, headline, date, sapo). Equal inputs give equal pages.
 */
export function listPageInput(page: ListPage): string {
  return JSON.stringify([page.path, page.title, page.heading, page.description, page.currentSection ?? '', page.items.map((e) => [e.slug, e.headline, e.sapo, e.publishedAt ?? e.updatedAt])]);
}

/**
 * What an article page's HTML is made of besides the article itself, the settings and the images:
 * the blocks beside it, each article in them as refList shows it without a sapo (link and headline).
 */
export function neighboursInput(neighbours: PageNeighbours): string {
  const block = (refs: ArticleRef[]) => refs.map((r) => [r.slug, r.headline]);
  return JSON.stringify([block(neighbours.related), block(neighbours.others), block(neighbours.latest)]);
}

/** The ids an article page lists beside it (to find the pages that show an article that changed). */
export const neighbourIds = (neighbours: PageNeighbours) => [...neighbours.related, ...neighbours.others, ...neighbours.latest].map((r) => r.id);

export function renderSiteArticle(site: SiteModel, article: Article, neighbours: PageNeighbours, info: ImageLookup, used: Set<string>): string {
  return renderArticlePage({ article, ...neighbours, context: contextAt(site.settings, 0, info, used) });
}

export function renderSiteList(site: SiteModel, page: ListPage, info: ImageLookup, used: Set<string>): string {
  return renderListPage({ ...page, items: page.items.map(refOf), context: contextAt(site.settings, page.depth, info, used) });
}

/**
 * Renders a fixed sample article and list page with the code of this version: when the templates
 * change (a new version, or a developer's edit), the sample changes, and an export renders every
 * page again rather than trusting pages made by the old templates.
 */
export function templateSample(settings: Settings): string {
  const at = '2026-01-01T01:00:00.000Z';
  const sample = {
    ...siteSampleArticle,
    publishedAt: at,
    updatedAt: at,
    createdAt: at,
  } as Article;
  const used = new Set<string>();
  const info: ImageLookup = () => ({ width: 1600, height: 900, fallback: 'jpg' });
  const site = siteModel(settings, [siteEntry(sample)]);
  const ref: ArticleRef = refOf(site.entries[0]!);
  return renderSiteArticle(site, sample, { related: [ref], others: [ref], latest: [ref] }, info, used) + renderSiteList(site, listPage(site, 'index.html')!, info, used);
}

const siteSampleArticle = {
  schemaVersion: 3,
  id: 'mau',
  slug: 'bai-mau',
  headline: 'Bài mẫu',
  sapo: 'Sapo mẫu.',
  byline: 'Phóng viên',
  section: 'thoi-su',
  tags: ['Mẫu'],
  featuredImage: { assetId: `${'0'.repeat(64)}.jpg`, caption: 'Trong ảnh: mẫu', credit: 'Ảnh: mẫu', alt: 'Ảnh mẫu' },
  body: {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn ' }, { type: 'text', text: 'đậm', marks: [{ type: 'bold' }] }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tiêu đề phụ' }] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Trích dẫn' }] }] },
    ],
  },
  assignee: '',
  dueAt: null,
  related: [],
  comments: [],
  suggestions: [],
  status: 'published',
  trashedAt: null,
  revision: 1,
  history: [],
};

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
