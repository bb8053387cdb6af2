import type { NewsdeskApi } from '../shared/api/contract';
import type { Article } from '../shared/model/article';
import type { Settings } from '../shared/model/settings';
import type { PageNeighbours } from '../shared/publish/related';
import { articlePageHtml, embedImages } from './publish/pageContext';

/**
 * Exports one article as a single self-contained HTML file (styles and font inline, each image
 * one derivative sized for the article column, as a data URI) through the browser's download; in
 * Electron the download asks where to save. Returns the file's name and size in bytes.
 */
export async function exportArticleHtml(api: NewsdeskApi, article: Article, settings: Settings, neighbours: PageNeighbours | null): Promise<{ file: string; bytes: number }> {
  const html = articlePageHtml(article, settings, neighbours, await embedImages(api, article, settings));
  const file = `${article.slug || article.id}.html`;
  const blob = new Blob([html], { type: 'text/html;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { file, bytes: blob.size };
}
