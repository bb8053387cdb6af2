/**
 * The page's bundled font: Noto Serif (SIL Open Font License), in its Latin and Vietnamese subsets,
 * which together cover every Vietnamese letter (ỳ ỵ ỷ ỹ Ỹ ằ ẵ ặ đ Đ…). Files come from
 * @fontsource/noto-serif; callers say where each file is (a data URI, or a path in an exported site).
 */
import { escapeHtml } from './html';

export interface FontFace {
  file: string;
  weight: 400 | 700;
  style: 'normal' | 'italic';
  unicodeRange: string;
}

const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const VIETNAMESE = 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB';

export const FONT_FAMILY = 'Noto Serif Newsdesk';

export const FONT_FACES: FontFace[] = (
  [
    [400, 'normal'],
    [700, 'normal'],
    [400, 'italic'],
  ] as const
).flatMap(([weight, style]) => [
  { file: `noto-serif-latin-${weight}-${style}.woff2`, weight, style, unicodeRange: LATIN },
  { file: `noto-serif-vietnamese-${weight}-${style}.woff2`, weight, style, unicodeRange: VIETNAMESE },
]);

/** Fonts inlined in the page (the preview, a standalone file) are there with the page itself. */
const isInline = (url: string) => url.startsWith('data:');

/**
 * How the page loads its fonts: the @font-face rules, and where the fonts are files of their own
 * (an exported site), a preload for each, so they arrive with the page rather than after its
 * first paint. Those faces use `font-display: optional`: with the preload, Chromium holds the first
 * paint (briefly) for them, so the text is drawn once, in the bundled font, and never reflows
 * when a font arrives late (Lighthouse counted a layout shift of 0.26 on the article page with
 * `swap`). A reader on a connection too slow for that keeps the fallback font for the page, still
 * without a shift, and has the fonts from the cache on the next. Inlined fonts need neither.
 */
export function fontHead(fontUrl: (file: string) => string): { links: string; css: string } {
  const faces = FONT_FACES.map((face) => ({ face, url: fontUrl(face.file) }));
  const links = faces
    .filter(({ url }) => !isInline(url))
    .map(({ url }) => `<link rel="preload" href="${escapeHtml(url)}" as="font" type="font/woff2" crossorigin>\n`)
    .join('');
  const css = faces
    .map(
      ({ face, url }) =>
        `@font-face{font-family:"${FONT_FAMILY}";font-style:${face.style};font-weight:${face.weight};font-display:${isInline(url) ? 'swap' : 'optional'};src:url(${url}) format("woff2");unicode-range:${face.unicodeRange}}`,
    )
    .join('\n');
  return { links, css };
}
