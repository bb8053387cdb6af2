import type { Article, ArticleRef } from '../model/article';
import { renderBody } from '../model/body';
import { bodyAsRejected } from '../review/suggestions';
import { captionHtml } from '../model/blocks/figure';
import { isAllowedHref } from '../model/fields';
import type { Settings } from '../model/settings';
import { formatDateTime, formatShortDateTime, toZonedIso } from '../text/dates';
import { fold } from '../text/vietnamese';
import { fontHead } from './fonts';
import { escapeHtml, escapeJsonForScript } from './html';
import type { PageImages } from './images';
import { pageCss } from './pageCss';

/**
 * The paper's pages. Pure: the same input gives the same HTML, for the preview, the standalone
 * export and the site export alike. Every text is escaped; only the article schema's blocks and
 * marks are rendered; links only with allowed schemes; no script but the JSON-LD data block.
 */

export type { ArticleRef };

/** Where things are, from the page being rendered. */
export interface PageLinks {
  home: string;
  article: (slug: string) => string;
  section: (slug: string) => string;
  tag: (tag: string) => string;
}

export interface PageContext {
  settings: Settings;
  /** How the page shows the library's images: derivatives in a site or the preview, embedded in a single file. */
  images: PageImages;
  fontUrl: (file: string) => string;
  /** Links to the site's other pages; null for a standalone page (articles then link to the base URL, if any). */
  links: PageLinks | null;
}

export interface ArticlePageInput {
  article: Article;
  /** Hand-chosen or suggested related articles ("Tin liên quan"). */
  related?: ArticleRef[];
  /** Other articles of the section ("Các tin khác"). */
  others?: ArticleRef[];
  /** The newest published articles ("Mới nhất"). */
  latest?: ArticleRef[];
  context: PageContext;
  /**
   * Show pending suggested edits, marked (the preview's "with suggestions"). Otherwise, and always
   * on a published page, the body reads as if every pending suggestion were rejected.
   */
  withSuggestions?: boolean;
}

/**
 * Dates as the pages show them, remembered: a site's list pages show the same articles' dates over
 * and over (a section page lists hundreds), and each costs an Intl call. Pure, so a cache changes nothing.
 */
const dates = new Map<string, string>();
function remembered(key: string, make: () => string): string {
  let text = dates.get(key);
  if (text === undefined) {
    if (dates.size >= 50_000) dates.clear();
    text = make();
    dates.set(key, text);
  }
  return text;
}

export function formatPaperDate(iso: string, settings: Settings): string {
  return remembered(`${settings.dateStyle}|${settings.timeZone}|${iso}`, () =>
    settings.dateStyle === 'short' ? formatShortDateTime(iso, settings.timeZone) : formatDateTime(iso, settings.timeZone),
  );
}

/** A machine-readable date with its zone (+07:00), remembered as formatPaperDate. */
const zonedIso = (iso: string, timeZone: string) => remembered(`iso|${timeZone}|${iso}`, () => toZonedIso(iso, timeZone));

/** A page's or file's address on the paper's website ('' while the site's address is not set). */
export const siteAddress = (settings: Pick<Settings, 'baseUrl'>, path: string) => (settings.baseUrl ? `${settings.baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}` : '');

/** The site path of an article page, from the site root. */
export const articlePath = (slug: string) => `${slug}.html`;
export const sectionPath = (slug: string) => `chuyen-muc/${slug}.html`;
/** FNV-1a, for short stable suffixes. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).slice(0, 6);
}

/**
 * A tag's page name: "Hà Nội" and "ha noi" share one page (the same folded words), but a tag whose
 * name would lose characters ("C++", "日本") gets a short hash so it never shares a page with another.
 */
export const tagSlug = (tag: string) => {
  const folded = fold(tag).trim().replace(/\s+/g, ' ');
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return /^[a-z0-9 -]*$/.test(folded) && slug ? slug : `${slug || 'tu-khoa'}-${shortHash(folded)}`;
};
export const tagPath = (tag: string) => `tu-khoa/${tagSlug(tag)}.html`;

function articleHref(ref: { slug: string }, context: PageContext): string | null {
  if (context.links) return context.links.article(ref.slug);
  return siteAddress(context.settings, articlePath(ref.slug)) || null;
}

function refList(refs: ArticleRef[], context: PageContext, withSapo = false): string {
  return `<ul>${refs
    .map((ref) => {
      const href = articleHref(ref, context);
      const title = escapeHtml(ref.headline || ref.slug);
      const when = ref.publishedAt ?? ref.updatedAt;
      return `<li>${href ? `<a href="${escapeHtml(href)}">${title}</a>` : `<span>${title}</span>`}${
        withSapo ? `<time datetime="${zonedIso(when, context.settings.timeZone)}">${escapeHtml(formatPaperDate(when, context.settings))}</time>${ref.sapo ? `<p class="item-sapo">${escapeHtml(ref.sapo)}</p>` : ''}` : ''
      }</li>`;
    })
    .join('')}</ul>`;
}

interface ShellInput {
  title: string;
  description: string;
  canonicalPath: string | null;
  currentSection?: string;
  head?: string;
  main: string;
  context: PageContext;
}

/** The page around the content: head, masthead with the sections, footer. */
export function renderShell({ title, description, canonicalPath, currentSection, head = '', main, context }: ShellInput): string {
  const { settings, links } = context;
  const canonical = canonicalPath ? siteAddress(settings, canonicalPath) : '';
  const paperName = settings.paperName || 'Newsdesk';
  const brand = (settings.logoAssetId && context.images.picture(settings.logoAssetId, paperName, 'logo')) || escapeHtml(paperName);
  const home = links?.home ?? (settings.baseUrl ? siteAddress(settings, 'index.html') : null);
  const fonts = fontHead(context.fontUrl);
  const sectionNav = links
    ? `<nav class="sections" aria-label="Chuyên mục"><ul>${settings.sections
        .map((s) => `<li><a href="${escapeHtml(links.section(s.slug))}"${s.slug === currentSection ? ' aria-current="page"' : ''}>${escapeHtml(s.name)}</a></li>`)
        .join('')}</ul></nav>`
    : '';
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(description)}">
<link rel="icon" href="data:,">
${canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}">\n` : ''}${fonts.links}${head}<style>
${fonts.css}
${pageCss(settings.accentColor)}
</style>
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, tới nội dung</a>
<header class="masthead">
<div class="masthead-top">${home ? `<a class="brand" href="${escapeHtml(home)}">${brand}</a>` : `<span class="brand">${brand}</span>`}${settings.tagline ? `<p class="tagline">${escapeHtml(settings.tagline)}</p>` : ''}</div>
${sectionNav}
</header>
${main}
<footer class="site-footer"><p>${escapeHtml(settings.footerText || settings.paperName)}</p></footer>
</body>
</html>
`;
}

function feedbackBlock(article: Article, settings: Settings): string {
  if (settings.feedbackFormAction) {
    return `<section class="feedback" aria-labelledby="phan-hoi"><h2 id="phan-hoi">Phản hồi</h2>
<form method="post" action="${escapeHtml(settings.feedbackFormAction)}">
<input type="hidden" name="bai-viet" value="${escapeHtml(article.slug || article.id)}">
<label for="phan-hoi-ten">Họ tên</label><input id="phan-hoi-ten" name="ho-ten" autocomplete="name" required>
<label for="phan-hoi-email">Thư điện tử</label><input id="phan-hoi-email" name="email" type="email" autocomplete="email" required>
<label for="phan-hoi-noi-dung">Ý kiến của bạn</label><textarea id="phan-hoi-noi-dung" name="noi-dung" rows="4" required></textarea>
<button type="submit">Gửi phản hồi</button>
</form></section>`;
  }
  if (settings.feedbackEmail) {
    const href = `mailto:${settings.feedbackEmail}?subject=${encodeURIComponent(`Phản hồi: ${article.headline}`)}`;
    return `<section class="feedback" aria-labelledby="phan-hoi"><h2 id="phan-hoi">Phản hồi</h2><p><a href="${escapeHtml(href)}">Gửi ý kiến về bài viết này</a></p></section>`;
  }
  return '';
}

export function renderArticlePage({ article, related = [], others = [], latest = [], context, withSuggestions = false }: ArticlePageInput): string {
  const body = withSuggestions ? article.body : bodyAsRejected(article.body);
  const { settings } = context;
  const section = settings.sections.find((s) => s.slug === article.section);
  const dateIso = article.publishedAt ?? article.updatedAt;
  const title = `${article.headline || article.slug || article.id} - ${settings.paperName}`;
  const canonicalPath = article.slug ? articlePath(article.slug) : null;
  const canonical = canonicalPath ? siteAddress(settings, canonicalPath) : '';
  const image = article.featuredImage;
  // Shared on social networks: a derivative 1200 px wide, by its address on the site.
  const shared = image ? (context.images.share?.(image.assetId) ?? null) : null;
  const imageAbsolute = shared?.url ?? '';
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.sapo,
    ...(imageAbsolute ? { image: [imageAbsolute] } : {}),
    datePublished: zonedIso(dateIso, settings.timeZone),
    dateModified: zonedIso(article.updatedAt, settings.timeZone),
    ...(article.byline ? { author: [{ '@type': 'Person', name: article.byline }] } : {}),
    publisher: { '@type': 'NewsMediaOrganization', name: settings.paperName, ...(settings.baseUrl ? { url: settings.baseUrl } : {}) },
    ...(section ? { articleSection: section.name } : {}),
    ...(article.tags.length ? { keywords: article.tags.join(', ') } : {}),
    ...(canonical ? { mainEntityOfPage: canonical } : {}),
    inLanguage: 'vi',
  };
  const meta = [
    ['og:type', 'article'],
    ['og:site_name', settings.paperName],
    ['og:title', article.headline],
    ['og:description', article.sapo],
    ['og:locale', 'vi_VN'],
    ...(canonical ? [['og:url', canonical]] : []),
    ...(shared ? [['og:image', shared.url], ['og:image:width', String(shared.width)], ['og:image:height', String(shared.height)], ['og:image:alt', image!.alt]] : []),
    ['article:published_time', zonedIso(dateIso, settings.timeZone)],
    ['article:modified_time', zonedIso(article.updatedAt, settings.timeZone)],
    ...(section ? [['article:section', section.name]] : []),
  ];
  const head =
    meta.map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content!)}">`).join('\n') +
    `\n<meta name="twitter:card" content="${imageAbsolute ? 'summary_large_image' : 'summary'}">\n<meta name="twitter:title" content="${escapeHtml(article.headline)}">\n<meta name="twitter:description" content="${escapeHtml(article.sapo)}">\n` +
    `<script type="application/ld+json">${escapeJsonForScript(jsonLd)}</script>\n`;

  const sectionLabel = section
    ? `<p class="section-label">${context.links ? `<a href="${escapeHtml(context.links.section(section.slug))}">${escapeHtml(section.name)}</a>` : escapeHtml(section.name)}</p>`
    : '';
  const tags = article.tags.length
    ? `<section class="tags" aria-labelledby="tu-khoa"><h2 id="tu-khoa">Từ khóa</h2><ul>${article.tags
        .map((tag) => `<li>${context.links ? `<a href="${escapeHtml(context.links.tag(tag))}">${escapeHtml(tag)}</a>` : `<span>${escapeHtml(tag)}</span>`}</li>`)
        .join('')}</ul></section>`
    : '';
  const block = (id: string, heading: string, content: string) => `<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${content}</section>`;
  const websiteLinks = settings.websiteLinks.filter((l) => isAllowedHref(l.url));
  const aside = [
    related.length ? block('tin-lien-quan', 'Tin liên quan', refList(related, context)) : '',
    others.length ? block('cac-tin-khac', 'Các tin khác', refList(others, context)) : '',
    latest.length ? block('moi-nhat', 'Mới nhất', refList(latest, context)) : '',
    websiteLinks.length
      ? block('lien-ket', 'Liên kết website', `<ul>${websiteLinks.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.name)}</a></li>`).join('')}</ul>`)
      : '',
    feedbackBlock(article, settings),
  ].join('\n');

  const main = `<main id="noi-dung" class="page">
<article>
${sectionLabel}
<h1>${escapeHtml(article.headline || article.slug || article.id)}</h1>
<p class="dateline"><time datetime="${zonedIso(dateIso, settings.timeZone)}">${escapeHtml(formatPaperDate(dateIso, settings))}</time></p>
${article.sapo ? `<p class="sapo">${escapeHtml(article.sapo)}</p>\n` : ''}${
    image ? `<figure class="featured">${context.images.picture(image.assetId, image.alt, 'featured')}${captionHtml(image.caption, image.credit)}</figure>\n` : ''
  }<div class="body">
${renderBody(body, context.images)}
</div>
${article.byline ? `<p class="byline">${escapeHtml(article.byline)}</p>\n` : ''}${tags}
</article>
${aside.trim() ? `<aside>\n${aside}\n</aside>` : ''}
</main>`;
  return renderShell({ title, description: article.sapo || article.headline, canonicalPath, currentSection: article.section, head, main, context });
}

export interface ListPageInput {
  title: string;
  heading: string;
  description: string;
  path: string;
  items: ArticleRef[];
  currentSection?: string;
  context: PageContext;
}

/** A list of articles: the home page (latest), a section or a tag. */
export function renderListPage({ title, heading, description, path, items, currentSection, context }: ListPageInput): string {
  const main = `<main id="noi-dung" class="page list">
<section aria-labelledby="tieu-de-trang">
<h1 id="tieu-de-trang">${escapeHtml(heading)}</h1>
${items.length ? refList(items, context, true) : '<p>Chưa có bài viết.</p>'}
</section>
</main>`;
  return renderShell({ title, description, canonicalPath: path, currentSection, main, context });
}
