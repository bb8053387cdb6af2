import { detectLegacyEncoding, toUnicode, type LegacyEncoding } from '../../../shared/text/legacyEncodings';

/**
 * Text fixes for everything that enters the body: no-break spaces from Word become spaces, the
 * look-alike Ð (U+00D0) inside Vietnamese words becomes Đ, and everything is NFC.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\u00A0/g, ' ')
    .replace(/\u00D0(?=\p{L})|(?<=\p{L})\u00D0/gu, '\u0110')
    .normalize('NFC');
}

/**
 * Paragraphs of plain text, one per line for the editor. Where blank lines separate paragraphs
 * (wire copy, e-mail), the line breaks inside a paragraph are only wrapping and are joined;
 * otherwise every line is a paragraph.
 */
export function plainParagraphs(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const blocks = /\n[ \t]*\n/.test(normalized) ? normalized.split(/\n(?:[ \t]*\n)+/).map((block) => block.replace(/[ \t]*\n[ \t]*/g, ' ')) : normalized.split('\n');
  return blocks
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

/** Plain text from the clipboard: legacy encodings converted, paragraphs kept, then the same fixes. */
export function cleanPastedText(text: string): { text: string; converted: LegacyEncoding | null; unconverted: string } {
  const encoding = detectLegacyEncoding(text);
  return {
    text: cleanText(plainParagraphs(encoding ? toUnicode(text, encoding) : text)),
    converted: encoding,
    unconverted: cleanText(plainParagraphs(text)),
  };
}
