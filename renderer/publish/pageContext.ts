import type { NewsdeskApi } from '../../shared/api/contract';
import { imageUrl } from '../../shared/api/methods';
import type { Article } from '../../shared/model/article';
import type { Settings } from '../../shared/model/settings';
import { COLUMN_WIDTH, derivativeName, embeddedImages, heightAt, responsiveImages, widthUpTo, type EmbeddedImage, type ImageInfo, type PageImages } from '../../shared/publish/images';
import type { PageNeighbours } from '../../shared/publish/related';
import { renderArticlePage, type PageContext } from '../../shared/publish/renderArticlePage';
import { pageImageIds, shareAddress } from '../../shared/publish/site';
import { inlineFontUrl } from './pageFonts';

export type ImageInfos = Readonly<Record<string, ImageInfo | null>>;

/** A photo as the editor and the app's dialogs show it: its derivative at the column's width (never the original). */
export const columnImageUrl = (assetId: string) => imageUrl(derivativeName(assetId, COLUMN_WIDTH, 'webp'));

/** The preview's images: the same markup as the site's, the derivatives from the library; shared by their address on the site. */
export const previewImages = (settings: Settings, infos: ImageInfos): PageImages => responsiveImages((id) => infos[id] ?? null, imageUrl, shareAddress(settings));

/**
 * The article page exactly as the export writes it. The preview shows the library's derivatives;
 * the standalone export embeds one derivative per image. Nothing else differs.
 */
export function articlePageHtml(article: Article, settings: Settings, neighbours: PageNeighbours | null, images: PageImages, withSuggestions = false): string {
  const context: PageContext = { settings, links: null, images, fontUrl: inlineFontUrl };
  return renderArticlePage({ article, ...(neighbours ?? {}), context, withSuggestions });
}

const dataUri = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });

/**
 * For a self-contained file: each image the page shows as one WebP derivative sized for the
 * article column, embedded as a data URI with its width and height.
 */
export async function embedImages(api: NewsdeskApi, article: Article, settings: Settings): Promise<PageImages> {
  const asked = await api.getImageInfo({ assetIds: pageImageIds(settings, [article]) });
  const infos: ImageInfos = asked.ok ? asked.value.images : {};
  const embedded = new Map<string, EmbeddedImage>();
  for (const [assetId, info] of Object.entries(infos)) {
    if (!info) continue;
    const width = widthUpTo(info, COLUMN_WIDTH);
    const response = await fetch(imageUrl(derivativeName(assetId, width, 'webp')));
    if (response.ok) embedded.set(assetId, { dataUri: await dataUri(await response.blob()), width, height: heightAt(info, width) });
  }
  return embeddedImages(embedded, previewImages(settings, infos).share);
}
