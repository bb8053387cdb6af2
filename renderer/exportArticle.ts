import type { Article } from '../shared/model/article';
import type { Settings } from '../shared/model/settings';
import type { PageNeighbours } from '../shared/publish/related';
import { articlePageHtml, inlineImages } from './publish/pageContext';

/**
 * Exports one article as a single self-contained HTML file (styles and font inline, images as
 * data URIs) through the browser's download; in Electron the download asks where to save.
 * Returns the file name.
 */
export async function exportArticleHtml(article: Article, settings: Settings, neighbours: PageNeighbours | null): Promise<string> {
  const images = await inlineImages(article, settings);
  const html = articlePageHtml(article, settings, neighbours, (id) => images.get(id) ?? '');
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
