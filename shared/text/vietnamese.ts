/**
 * Vietnamese text rules shared by every layer (see docs/decisions and ../shared/DESIGN.md).
 * Pure functions: no DOM, no Node.
 */

/** Every text that enters Newsdesk is stored in NFC. */
export function normalizeText(text: string): string {
  return text.normalize('NFC');
}

/** Fold for search and slugs: strip tone and vowel marks, đ/Đ/Ð → d, lower case. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐÐ]/g, 'd')
    .toLowerCase();
}

export const SLUG_MAX_LENGTH = 80;

/**
 * A URL slug from a headline: folded, runs of anything but a–z and 0–9 become one hyphen,
 * trimmed, at most 80 characters, cut at a word boundary where possible.
 */
export function slugify(text: string, maxLength: number = SLUG_MAX_LENGTH): string {
  const slug = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/** Slugs an article page may not have: its file would be another page of the site (index.html). */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['index']);

/** Makes `base` unique against `taken` (and the reserved slugs) by appending -2, -3, … (kept within the length limit). */
export function uniqueSlug(base: string, isTaken: (slug: string) => boolean): string {
  const root = base || 'bai-viet';
  if (!isTaken(root) && !RESERVED_SLUGS.has(root)) return root;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${root.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}

/** Syllable count: whitespace-separated tokens that contain a letter or a digit. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) {
    if (/[\p{L}\p{N}]/u.test(token)) count++;
  }
  return count;
}

/** Vietnamese reading speed used by the paper: about 200 syllables a minute, at least one minute. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 200));
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** Sorting by Vietnamese rules: "Đà Nẵng" after "Dương", numbers in numeric order. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Ð (U+00D0, Icelandic eth) is a common look-alike of Đ (U+0110) in pasted text. */
export function hasLookalikeEth(text: string): boolean {
  return /\u00D0/.test(text);
}

export function fixLookalikeEth(text: string): string {
  return text.replace(/\u00D0/g, '\u0110');
}
