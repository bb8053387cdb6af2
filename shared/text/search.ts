/**
 * How Vietnamese is searched (the library's full-text search, electron/library/searchIndex.ts):
 * the words of a text and of a query, in two forms, and where a query's words are in a text (for
 * snippets). Pure functions: no DOM, no Node.
 *
 * - The folded form (fold: no tone or vowel marks, đ/Đ/Ð → d, lower case) finds "Bình Thủy" for
 *   "binh thuy", whatever the input method left.
 * - The exact form keeps the marks but not the differences that mean nothing to a reader: case,
 *   NFC/NFD, Ð (U+00D0) for Đ, and where the tone mark sits in oa/oe/uy ("hoà" = "hòa"). A search
 *   typed with marks ranks the articles that have the words so marked first.
 */
import { alternateTonePlacement } from './tonePlacement';
import { fold } from './vietnamese';

/** A run of letters and digits (a syllable, a number, an English word). */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MARKS = /\p{M}/u;

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** A word's exact form: lower case, NFC, Đ for Ð, the tone of oa/oe/uy in one agreed place. */
export function exactWord(word: string): string {
  const lower = word.normalize('NFC').replace(/\u00D0/g, '\u0110').toLowerCase();
  const other = alternateTonePlacement(lower);
  return other !== null && other < lower ? other : lower;
}

/** The exact forms of a text's words, in order. */
export function exactWords(text: string): string[] {
  return (text.normalize('NFC').match(WORD) ?? []).map(exactWord);
}

/** Whether a word carries marks beyond its folded form (so its exact form says more). */
export function hasMarks(word: string): boolean {
  return MARKS.test(word.normalize('NFD')) || /[đĐÐ]/.test(word);
}

export interface ParsedQuery {
  /** Words to find anywhere (folded), in the order typed. */
  words: string[];
  /** Their exact forms, for those typed with marks (same order; null for a word typed bare). */
  exact: (string | null)[];
  /** Phrases in quotes: folded words that must stand together, in this order. */
  phrases: string[][];
  /** The last word is still being typed (no space after it): it may be the start of a longer one. */
  lastIsPartial: boolean;
}

/** Quotation marks a phrase may be typed in: straight, curly (Word, macOS) and guillemets. */
const PHRASE = /["“”„«»]([^"“”„«»]*)["“”„«»]?/gu;

/** A query: "quoted words" as phrases, the rest as words that must all be found. */
export function parseQuery(query: string): ParsedQuery {
  const phrases: string[][] = [];
  const words: string[] = [];
  const exact: (string | null)[] = [];
  const add = (raw: string) => {
    const folded = foldedWords(raw);
    const exacts = (raw.normalize('NFC').match(WORD) ?? []).map((word) => (hasMarks(word) ? exactWord(word) : null));
    words.push(...folded);
    // (Folding never splits or joins words, so the two lists agree word for word.)
    exact.push(...(exacts.length === folded.length ? exacts : folded.map(() => null)));
  };
  const loose = query.replace(PHRASE, (_match, inside: string) => {
    const phrase = foldedWords(inside);
    if (phrase.length > 1) phrases.push(phrase);
    add(inside);
    return ' ';
  });
  add(loose);
  const trimmed = query.trimEnd();
  const lastIsPartial = trimmed.length === query.length && !/["“”„«»]$/u.test(trimmed) && words.length > 0;
  return { words, exact, phrases, lastIsPartial };
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{M}\p{N}]/u.test(char);

/** Letters folded so far (a text repeats few letters: each is folded once). */
const foldedLetters = new Map<string, string>();
const foldLetter = (char: string): string => {
  let folded = foldedLetters.get(char);
  if (folded === undefined) {
    folded = fold(char);
    if (foldedLetters.size < 10_000) foldedLetters.set(char, folded);
  }
  return folded;
};

/**
 * A text folded, with where each folded letter came from in the original (null: at the same
 * place — NFC text whose every letter folds to one, the usual case, folded at once).
 */
function foldWithOffsets(text: string): { folded: string; from: number[] | null } {
  const whole = fold(text);
  if (whole.length === text.length && !MARKS.test(text)) return { folded: whole, from: null };
  let folded = '';
  const from: number[] = [];
  let index = 0;
  for (const char of text) {
    const f = foldLetter(char);
    for (let k = 0; k < f.length; k++) {
      folded += f[k];
      from.push(index);
    }
    index += char.length;
  }
  from.push(text.length);
  return { folded, from };
}

/**
 * Where a query's words (folded; `prefixes` may be the start of a word) and phrases (folded words
 * standing together: one hit) stand in a text, as [start, end) offsets into the text, in order.
 * One pass over the text's words; it stops `after` characters past the first hit (a snippet needs
 * no more).
 */
export function findWordHits(
  text: string,
  words: readonly string[],
  prefixes: readonly string[] = [],
  phrases: readonly string[][] = [],
  after = Infinity,
): Array<[number, number]> {
  const { folded, from } = foldWithOffsets(text);
  const at = (offset: number) => (from ? from[offset]! : offset);
  const wanted = new Set(words);
  const hits: Array<[number, number]> = [];
  // Asked for the hits near the first only: the words are read from just before where any of
  // them first appears (a text search, fast) to `after` past it; if none is a whole word there,
  // the whole text is read.
  let from0 = 0;
  let to0 = folded.length;
  if (after !== Infinity) {
    const firsts = [...words, ...prefixes, ...phrases.map((phrase) => phrase[0] ?? '')].filter(Boolean).map((needle) => folded.indexOf(needle)).filter((index) => index >= 0);
    if (firsts.length === 0) return [];
    from0 = Math.min(...firsts);
    while (from0 > 0 && isWordChar(folded[from0 - 1])) from0--;
    to0 = Math.min(folded.length, from0 + after + 200);
  }
  const tokens: Array<{ word: string; start: number; end: number }> = [];
  for (const match of folded.slice(from0, to0).matchAll(WORD)) tokens.push({ word: match[0], start: from0 + match.index, end: from0 + match.index + match[0].length });
  let stop = Infinity;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.start > stop) break;
    let end = -1;
    for (const phrase of phrases) {
      if (phrase.every((word, k) => tokens[i + k]?.word === word)) end = Math.max(end, tokens[i + phrase.length - 1]!.end);
    }
    if (end === -1 && (wanted.has(token.word) || prefixes.some((prefix) => token.word.startsWith(prefix)))) end = token.end;
    if (end === -1) continue;
    const last = hits[hits.length - 1];
    if (last && at(token.start) < last[1]) last[1] = Math.max(last[1], at(end));
    else hits.push([at(token.start), at(end)]);
    if (stop === Infinity) stop = token.start + after;
  }
  if (hits.length === 0 && (from0 > 0 || to0 < folded.length)) return findWordHits(text, words, prefixes, phrases);
  return hits;
}

/** Whether a text holds a phrase (folded words, in order, nothing but spaces and punctuation between). */
export function hasPhrase(text: string, phrase: readonly string[]): boolean {
  const words = foldedWords(text);
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * A piece of a text around its first hits, about `width` characters, cut at spaces, with "…" where
 * it was cut; hit offsets moved into the piece.
 */
export function snippetAround(text: string, hits: ReadonlyArray<readonly [number, number]>, width = 160): { text: string; hits: Array<[number, number]> } {
  const line = text.replace(/\s+/g, ' ');
  // (Collapsing spaces moves offsets: hits are found again in the collapsed line by the caller's offsets' shift.)
  const shift = (offset: number) => text.slice(0, offset).replace(/\s+/g, ' ').length;
  const moved = hits.map(([s, e]) => [shift(s), shift(e)] as [number, number]);
  if (line.length <= width || moved.length === 0) {
    const cut = line.length <= width ? line : line.slice(0, width);
    return { text: cut + (line.length > width ? '…' : ''), hits: moved.filter(([, e]) => e <= cut.length) };
  }
  const first = moved[0]!;
  let start = Math.max(0, first[0] - Math.floor(width / 3));
  if (start > 0) {
    const space = line.indexOf(' ', start);
    start = space !== -1 && space < first[0] ? space + 1 : start;
  }
  let end = Math.min(line.length, start + width);
  if (end < line.length) {
    const space = line.lastIndexOf(' ', end);
    end = space > first[1] ? space : end;
  }
  const prefix = start > 0 ? '…' : '';
  const piece = prefix + line.slice(start, end) + (end < line.length ? '…' : '');
  const inside = moved
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start + prefix.length, e - start + prefix.length] as [number, number]);
  return { text: piece, hits: inside };
}
