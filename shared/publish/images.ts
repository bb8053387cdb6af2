import { z } from 'zod';
import { escapeHtml } from './html';

/**
 * Photos on the paper's pages: never the original, always derivatives the Node part makes with
 * sharp (oriented, metadata removed) in a few widths, as WebP with a fallback every browser
 * shows. Names, widths and markup are decided here, once, for the site export, the folder
 * export, the single file, the preview and the editor.
 */

/** Widths made of every photo: the article column at one, two and three device pixels per CSS pixel. */
export const DERIVATIVE_WIDTHS: readonly number[] = [480, 800, 1200, 1600];
/** The one derivative a single-file page embeds, and the editor and the dialogs show: the column's width. */
export const COLUMN_WIDTH = 800;
/** The width shared on social networks (og:image); 1200 is what Facebook and Zalo ask for. */
export const SHARE_WIDTH = 1200;

export type DerivedFormat = 'webp' | ImageInfo['fallback'];

/** What the pages need to know of a library image (the API's answer and the pipeline's record alike). */
export const imageInfoSchema = z.strictObject({
  /** Size as seen, after the camera's orientation is applied. */
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  /** The format for browsers without WebP: JPEG for photos, PNG for images with transparency, GIF for animations. */
  fallback: z.enum(['jpg', 'png', 'gif']),
});
export type ImageInfo = z.output<typeof imageInfoSchema>;

export const MIME_OF_DERIVED: Record<DerivedFormat, string> = { webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif' };

/** The widths made of an image: those of DERIVATIVE_WIDTHS it can fill, and its own when narrower than the widest. */
export function derivativeWidths(info: Pick<ImageInfo, 'width'>): number[] {
  const fits = DERIVATIVE_WIDTHS.filter((width) => width < info.width);
  const widest = Math.min(info.width, DERIVATIVE_WIDTHS[DERIVATIVE_WIDTHS.length - 1]!);
  return fits.includes(widest) ? fits : [...fits, widest];
}

/** The derivative's height for a width (sharp rounds the same way). */
export const heightAt = (info: ImageInfo, width: number) => Math.max(1, Math.round((info.height * width) / info.width));

/** The widest made of an image that is at most `width` wide (the narrowest when all are wider). */
export function widthUpTo(info: ImageInfo, width: number): number {
  const widths = derivativeWidths(info);
  return widths.filter((w) => w <= width).pop() ?? widths[0]!;
}

const sha = (assetId: string) => assetId.slice(0, assetId.indexOf('.'));

/** A derivative's file name: the original's SHA-256, the width, the format ("…-800.webp"). */
export const derivativeName = (assetId: string, width: number, format: DerivedFormat) => `${sha(assetId)}-${width}.${format}`;

export const DERIVATIVE_NAME = /^([0-9a-f]{64})-([1-9][0-9]{0,4})\.(webp|jpg|png|gif)$/;

export function parseDerivativeName(name: string): { sha: string; width: number; format: DerivedFormat } | null {
  const match = DERIVATIVE_NAME.exec(name);
  return match ? { sha: match[1]!, width: Number(match[2]), format: match[3] as DerivedFormat } : null;
}

/** Every derivative an image has, by name. */
export function derivativeNames(assetId: string, info: ImageInfo): string[] {
  return derivativeWidths(info).flatMap((width) => [derivativeName(assetId, width, 'webp'), derivativeName(assetId, width, info.fallback)]);
}

/**
 * How wide a photo shows, as `sizes` says it to the browser: the article column of the page's
 * stylesheet (pageCss: 1100 px page, 16 px padding, 2fr/1fr columns with a 32 px gap; one column
 * below 820 px; 12 px padding below 480 px).
 */
export const COLUMN_SIZES = '(max-width: 480px) calc(100vw - 24px), (max-width: 820px) calc(100vw - 32px), (max-width: 1100px) calc((100vw - 64px) * 2 / 3), 691px';
/** The logo's height in the masthead (pageCss `.brand img`). */
export const LOGO_HEIGHT = 56;

/** How a photo is loaded: the featured photo first (it is the largest paint), the others when scrolled to. */
export type ImageRole = 'featured' | 'body' | 'logo';

/** How a page shows a library image: the markup of an `<img>` or a `<picture>`. */
export interface PageImages {
  picture(assetId: string, alt: string, role: ImageRole): string;
  /** The image shared on social networks: address and size, or null (an address must be absolute, so this needs the site's). */
  share?(assetId: string): { url: string; width: number; height: number } | null;
}

const loading: Record<ImageRole, string> = {
  featured: ' fetchpriority="high"',
  body: ' loading="lazy" decoding="async"',
  logo: '',
};

function imgTag(attrs: Record<string, string | number | undefined>, role: ImageRole): string {
  const list = Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeHtml(String(value))}"`)
    .join('');
  return `<img${list}${loading[role]}>`;
}

/**
 * Every width as WebP in a `<source>`, the fallback format in the `<img>`, `sizes` from the
 * column, `width` and `height` (no layout shift). `url` says where a derivative is by its name;
 * an image whose size is not known yet (`info` null: the preview before it is asked) shows the
 * column's WebP.
 */
export function responsiveImages(info: (assetId: string) => ImageInfo | null, url: (name: string) => string, shareUrl?: (name: string) => string | null): PageImages {
  return {
    picture(assetId, alt, role) {
      const known = info(assetId);
      if (!known) return imgTag({ src: url(derivativeName(assetId, COLUMN_WIDTH, 'webp')), alt }, role);
      const widths = derivativeWidths(known);
      const widest = widths[widths.length - 1]!;
      const srcset = (format: DerivedFormat) => widths.map((width) => `${url(derivativeName(assetId, width, format))} ${width}w`).join(', ');
      const sizes = role === 'logo' ? `${Math.round((LOGO_HEIGHT * known.width) / known.height)}px` : COLUMN_SIZES;
      const img = imgTag(
        {
          // (The logo is small: the narrowest will do where srcset is not understood.)
          src: url(derivativeName(assetId, role === 'logo' ? widths[0]! : widthUpTo(known, COLUMN_WIDTH), known.fallback)),
          srcset: srcset(known.fallback),
          sizes,
          width: widest,
          height: heightAt(known, widest),
          alt,
        },
        role,
      );
      return `<picture><source type="image/webp" srcset="${escapeHtml(srcset('webp'))}" sizes="${sizes}">${img}</picture>`;
    },
    share(assetId) {
      const known = info(assetId);
      if (!known || !shareUrl) return null;
      const width = widthUpTo(known, SHARE_WIDTH);
      const address = shareUrl(derivativeName(assetId, width, known.fallback));
      return address ? { url: address, width, height: heightAt(known, width) } : null;
    },
  };
}

/** A single-file page: one derivative per image, embedded (a data URI), with its size. */
export interface EmbeddedImage {
  dataUri: string;
  width: number;
  height: number;
}

export function embeddedImages(images: ReadonlyMap<string, EmbeddedImage>, share?: PageImages['share']): PageImages {
  return {
    ...(share ? { share } : {}),
    picture(assetId, alt, role) {
      const image = images.get(assetId);
      return image ? imgTag({ src: image.dataUri, width: image.width, height: image.height, alt }, role) : '';
    },
  };
}

/** Records the derivatives a page refers to (what an export must copy). */
export function recordingUrl(prefix: string, used: Set<string>): (name: string) => string {
  return (name) => {
    used.add(name);
    return `${prefix}${name}`;
  };
}
