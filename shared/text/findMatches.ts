import { fold } from './vietnamese';

export interface FindOptions {
  matchCase: boolean;
  /** "hoa" finds "hòa", "hoà" and "Hóa"; "Quan uy" finds "Quận ủy". */
  ignoreDiacritics: boolean;
}

export interface Match {
  start: number;
  end: number;
}

/**
 * Folds `text` one character at a time, remembering where each folded character came from, so a
 * match in the folded text can be mapped back to the original (whose length may differ in NFD).
 */
function foldWithMap(text: string, options: FindOptions): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    let out = options.ignoreDiacritics ? fold(char) : char;
    if (!options.matchCase) out = out.toLowerCase();
    for (const unit of out) {
      folded += unit;
      origin.push(index);
    }
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

/** Every non-overlapping occurrence of `query` in `text`, as offsets into `text`. */
export function findMatches(text: string, query: string, options: FindOptions): Match[] {
  if (!query) return [];
  const needle = foldWithMap(query.normalize('NFC'), options).folded;
  if (!needle) return [];
  const { folded, origin } = foldWithMap(text, options);
  const matches: Match[] = [];
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
    const start = origin[at]!;
    // The end is where the character after the match starts (so combining marks come along).
    const end = origin[at + needle.length]!;
    matches.push({ start, end });
  }
  return matches;
}
