// The published page's font files as data URIs (Vite inlines them), so the preview and a
// standalone export carry their font with them.
import latin400 from '@fontsource/noto-serif/files/noto-serif-latin-400-normal.woff2?inline';
import latin400Italic from '@fontsource/noto-serif/files/noto-serif-latin-400-italic.woff2?inline';
import latin700 from '@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff2?inline';
import vietnamese400 from '@fontsource/noto-serif/files/noto-serif-vietnamese-400-normal.woff2?inline';
import vietnamese400Italic from '@fontsource/noto-serif/files/noto-serif-vietnamese-400-italic.woff2?inline';
import vietnamese700 from '@fontsource/noto-serif/files/noto-serif-vietnamese-700-normal.woff2?inline';

const FONT_DATA: Record<string, string> = {
  'noto-serif-latin-400-normal.woff2': latin400,
  'noto-serif-latin-700-normal.woff2': latin700,
  'noto-serif-latin-400-italic.woff2': latin400Italic,
  'noto-serif-vietnamese-400-normal.woff2': vietnamese400,
  'noto-serif-vietnamese-700-normal.woff2': vietnamese700,
  'noto-serif-vietnamese-400-italic.woff2': vietnamese400Italic,
};

export function inlineFontUrl(file: string): string {
  const data = FONT_DATA[file];
  if (!data) throw new Error(`No bundled font file ${file}`);
  return data;
}
