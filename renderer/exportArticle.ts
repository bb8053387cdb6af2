import type { Article } from '../shared/model/article';
import type { Settings } from '../shared/model/settings';
import { renderArticlePage } from '../shared/publish/renderArticlePage';

/**
 * Exports one article as a standalone HTML page through the browser's download (in Electron the
 * download asks where to save). Returns the file name.
 */
export function exportArticleHtml(article: Article, settings: Settings): string {
  const html = renderArticlePage({ article, settings });
  const file = `${article.slug || article.id}.html`;
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file;
}
