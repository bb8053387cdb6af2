import { isAllowedHref } from '../model/fields';
import type { Article } from '../model/article';
import type { Block, Inline, ListItem, Mark } from '../model/body';
import type { Settings } from '../model/settings';
import { formatDateTime, toZonedIso } from '../text/dates';
import { escapeHtml, escapeJsonForScript } from './html';

/**
 * The article page as the paper's site shows it. Pure: the same input gives the same HTML, for
 * the preview and for export alike. Every text is escaped; only the article schema's blocks and
 * marks are rendered, and links only with allowed schemes.
 */
export interface ArticlePageInput {
  article: Article;
  settings: Settings;
}

const MARK_TAGS: Record<Exclude<Mark['type'], 'link'>, string> = {
  bold: 'strong',
  italic: 'em',
  subscript: 'sub',
  superscript: 'sup',
};

function renderInline(nodes: Inline[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === 'hardBreak') return '<br>';
      let html = escapeHtml(node.text);
      for (const mark of node.marks ?? []) {
        if (mark.type === 'link') {
          html = isAllowedHref(mark.attrs.href) ? `<a href="${escapeHtml(mark.attrs.href)}">${html}</a>` : html;
        } else {
          const tag = MARK_TAGS[mark.type];
          html = `<${tag}>${html}</${tag}>`;
        }
      }
      return html;
    })
    .join('');
}

function renderListItem(item: ListItem): string {
  return `<li>${item.content.map((child) => renderBlock(child)).join('')}</li>`;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${renderInline(block.content)}</p>`;
    case 'heading':
      return `<h${block.attrs.level}>${renderInline(block.content)}</h${block.attrs.level}>`;
    case 'blockquote':
      return `<blockquote>${block.content.map(renderBlock).join('')}</blockquote>`;
    case 'pullQuote': {
      const cite = block.attrs?.cite ? `<figcaption>${escapeHtml(block.attrs.cite)}</figcaption>` : '';
      return `<figure class="pull-quote"><blockquote>${block.content.map(renderBlock).join('')}</blockquote>${cite}</figure>`;
    }
    case 'bulletList':
      return `<ul>${block.content.map(renderListItem).join('')}</ul>`;
    case 'orderedList': {
      const start = block.attrs?.start !== undefined && block.attrs.start !== 1 ? ` start="${block.attrs.start}"` : '';
      return `<ol${start}>${block.content.map(renderListItem).join('')}</ol>`;
    }
    case 'figure': {
      const { assetId, alt, caption, credit } = block.attrs;
      const text = [caption && escapeHtml(caption), credit && `<span class="credit">${escapeHtml(credit)}</span>`]
        .filter(Boolean)
        .join(' ');
      return `<figure><img src="assets/${escapeHtml(assetId)}" alt="${escapeHtml(alt)}">${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
    }
    case 'table':
      return `<table><tbody>${block.content
        .map(
          (row) =>
            `<tr>${row.content
              .map((cell) => {
                const tag = cell.type === 'tableHeader' ? 'th' : 'td';
                return `<${tag}>${cell.content.map(renderBlock).join('')}</${tag}>`;
              })
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>`;
    case 'horizontalRule':
      return '<hr>';
  }
}

const PAGE_CSS = `
:root{--accent:#9b1c1c;--text:#1a1a1a;--muted:#595959}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Serif","Times New Roman",serif;color:var(--text);background:#fff;line-height:1.6}
.masthead{border-bottom:3px solid var(--accent);padding:12px 16px}
.masthead p{margin:0;font:700 1.5rem/1.2 system-ui,sans-serif;color:var(--accent)}
main{max-width:720px;margin:0 auto;padding:16px}
.section{font:600 .9rem system-ui,sans-serif;text-transform:uppercase;color:var(--accent);margin:0}
h1{font-size:2rem;line-height:1.25;margin:.3em 0}
.meta{font:.9rem system-ui,sans-serif;color:var(--muted)}
.sapo{font-weight:700}
blockquote{margin:1em 0;padding-left:1em;border-left:4px solid var(--accent)}
figure{margin:1em 0}figure img{max-width:100%;height:auto}figcaption{font:.9rem system-ui,sans-serif;color:var(--muted)}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}
a{color:var(--accent)}
footer{border-top:1px solid #ccc;margin-top:2em;padding:12px 16px;font:.85rem system-ui,sans-serif;color:var(--muted)}
@media print{.masthead,footer{border:0}a{color:inherit}}
`;

export function renderArticlePage({ article, settings }: ArticlePageInput): string {
  const section = settings.sections.find((s) => s.slug === article.section);
  const dateIso = article.publishedAt ?? article.updatedAt;
  const title = article.headline || article.slug || article.id;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.sapo,
    datePublished: toZonedIso(dateIso, settings.timeZone),
    dateModified: toZonedIso(article.updatedAt, settings.timeZone),
    ...(article.byline ? { author: { '@type': 'Person', name: article.byline } } : {}),
    publisher: { '@type': 'Organization', name: settings.paperName },
    ...(section ? { articleSection: section.name } : {}),
    ...(article.tags.length ? { keywords: article.tags.join(', ') } : {}),
  };
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - ${escapeHtml(settings.paperName)}</title>
<meta name="description" content="${escapeHtml(article.sapo)}">
<meta property="og:type" content="article">
<meta property="og:title" content="${escapeHtml(article.headline)}">
<meta property="og:description" content="${escapeHtml(article.sapo)}">
<script type="application/ld+json">${escapeJsonForScript(jsonLd)}</script>
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="masthead"><p>${escapeHtml(settings.paperName)}</p></header>
<main>
<article>
${section ? `<p class="section">${escapeHtml(section.name)}</p>\n` : ''}<h1>${escapeHtml(article.headline)}</h1>
<p class="meta"><time datetime="${toZonedIso(dateIso, settings.timeZone)}">${escapeHtml(formatDateTime(dateIso, settings.timeZone))}</time>${article.byline ? ` · ${escapeHtml(article.byline)}` : ''}</p>
${article.sapo ? `<p class="sapo">${escapeHtml(article.sapo)}</p>\n` : ''}${article.body.content.map(renderBlock).join('\n')}
</article>
</main>
<footer><p>${escapeHtml(settings.paperName)}${settings.tagline ? ` - ${escapeHtml(settings.tagline)}` : ''}</p></footer>
</body>
</html>
`;
}
