import type { NewsdeskApi } from '../shared/api/contract';
import type { Article } from '../shared/model/article';
import type { Settings } from '../shared/model/settings';
import type { PageNeighbours } from '../shared/publish/related';
import { articlePageHtml, embedImages } from './publish/pageContext';
import { downloadHtml } from './api/files';

/**
 * Exports one article as a single self-contained HTML file (styles and font inline, each image
 * one derivative sized for the article column, as a data URI) through the browser's download; in
 * Electron the download asks where to save. Returns the file's name and size in bytes.
 */
export async function exportArticleHtml(api: NewsdeskApi, article: Article, settings: Settings, neighbours: PageNeighbours | null): Promise<{ file: string; bytes: number }> {
  const html = articlePageHtml(article, settings, neighbours, await embedImages(api, article, settings));
  const file = `${article.slug || article.id}.html`;
  return { file, bytes: downloadHtml(file, html) };
}
