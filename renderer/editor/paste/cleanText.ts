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
 * Runs of spaces, tabs and no-break spaces become one space, as a browser shows them, so that a
 * paste reads the same whether it came as plain text or as HTML ("Chính trị  về" → "Chính trị về").
 */
export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\n\r\f\u00A0]+/g, ' ');
}

/**
 * Lines of a block of wrapped text joined into paragraphs. A line was wrapped if the next line's
 * first word would not have fitted on it (the longest line of the text gives the width) and it does
 * not end a sentence before a line that starts one; any other line ended there (a signature, an
 * address, a list of short items, one paragraph per line) and stays a paragraph of its own.
 */
function unwrap(block: string, width: number): string[] {
  const lines = block.split('\n').map((line) => collapseSpaces(line).trim());
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    current = current ? `${current} ${line}` : line;
    const next = lines[i + 1] ?? '';
    const fits = line.length + 1 + (next.split(' ')[0] ?? '').length <= width;
    const sentenceEnds = /[.!?:;…”"]$/u.test(line) && /^[\p{Lu}“"'(]/u.test(next);
    if (fits || sentenceEnds) {
      paragraphs.push(current);
      current = '';
    }
  });
  return [...paragraphs, current];
}

/**
 * Paragraphs of plain text, one per line for the editor. Where blank lines separate paragraphs
 * (wire copy, e-mail), the line breaks inside a paragraph are only wrapping and are joined;
 * otherwise every line is a paragraph. Spaces are collapsed and each paragraph trimmed, as the HTML
 * path does.
 */
export function plainParagraphs(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  // A line of no-break spaces is as blank as an empty one.
  const wrapped = /\n[ \t\u00A0]*\n/.test(normalized);
  const width = normalized.split('\n').reduce((widest, line) => Math.max(widest, collapseSpaces(line).trim().length), 0);
  const lines = wrapped ? normalized.split(/\n(?:[ \t\u00A0]*\n)+/).flatMap((block) => unwrap(block, width)) : normalized.split('\n');
  return lines
    .map((line) => collapseSpaces(line).trim())
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
