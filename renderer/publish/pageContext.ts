import { assetUrl } from '../../shared/api/methods';
import type { Article } from '../../shared/model/article';
import type { Settings } from '../../shared/model/settings';
import type { PageNeighbours } from '../../shared/publish/related';
import { renderArticlePage, type PageContext } from '../../shared/publish/renderArticlePage';
import { assetsOf } from '../../shared/publish/site';
import { inlineFontUrl } from './pageFonts';

/**
 * The article page exactly as the export writes it. The preview passes the library's image
 * addresses; the standalone export passes the images themselves as data URIs. Nothing else differs.
 */
export function articlePageHtml(article: Article, settings: Settings, neighbours: PageNeighbours | null, imageUrl: (assetId: string) => string = assetUrl): string {
  const context: PageContext = { settings, links: null, assetUrl: imageUrl, fontUrl: inlineFontUrl };
  return renderArticlePage({ article, ...(neighbours ?? {}), context });
}

/** Every image the page shows (featured, in the body, the logo) as a data URI, for a self-contained file. */
export async function inlineImages(article: Article, settings: Settings): Promise<Map<string, string>> {
  const ids = new Set([...assetsOf(article), ...(settings.logoAssetId ? [settings.logoAssetId] : [])]);
  const inlined = new Map<string, string>();
  for (const id of ids) {
    const response = await fetch(assetUrl(id));
    if (!response.ok) continue;
    const blob = await response.blob();
    inlined.set(
      id,
      await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error ?? new Error('read failed'));
        reader.readAsDataURL(blob);
      }),
    );
  }
  return inlined;
}
