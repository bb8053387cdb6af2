import nspell from 'nspell';
import { alternateTonePlacement } from './tonePlacement';
import { fold } from './vietnamese';

export interface DictionaryData {
  aff: string | Uint8Array;
  dic: string | Uint8Array;
}

export interface SpellChecker {
  isCorrect(word: string): boolean;
  /** Up to five corrections, Vietnamese first. */
  suggest(word: string): string[];
}

/** Words as the spellchecker sees them: runs of letters (with their marks) and digits. */
export const WORD_PATTERN = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Offline spellchecking for a Vietnamese newsroom: Vietnamese syllables (either tone placement),
 * English words, and the newsroom's own word list (abbreviations such as UBND, HĐND, names).
 */
export function createSpellChecker(
  vi: DictionaryData,
  en: DictionaryData,
  houseWords: readonly string[],
  /** Which dictionaries count (the user's preference); with neither, every word passes. */
  languages: { vi: boolean; en: boolean } = { vi: true, en: true },
): SpellChecker {
  if (!languages.vi && !languages.en) return { isCorrect: () => true, suggest: () => [] };
  const none = { correct: () => false, suggest: () => [] as string[] };
  const viSpell = languages.vi ? nspell(vi.aff as never, vi.dic as never) : none;
  const enSpell = languages.en ? nspell(en.aff as never, en.dic as never) : none;
  const house = new Set(houseWords.map((word) => fold(word.trim())).filter(Boolean));
  const cache = new Map<string, boolean>();

  const vietnamese = (word: string) => {
    if (viSpell.correct(word)) return true;
    const alternate = alternateTonePlacement(word);
    return alternate !== null && viSpell.correct(alternate);
  };

  const check = (word: string): boolean => {
    if (/\d/.test(word)) return true;
    if (house.has(fold(word))) return true;
    const lower = word.toLocaleLowerCase('vi');
    if (vietnamese(word) || vietnamese(lower)) return true;
    if (enSpell.correct(word) || enSpell.correct(lower)) return true;
    // A hyphenated word is right when each part is ("Bà Rịa-Vũng Tàu", "kinh tế-xã hội").
    if (word.includes('-')) return word.split('-').every((part) => part === '' || check(part));
    return false;
  };

  return {
    isCorrect(word: string) {
      const key = word.normalize('NFC');
      let result = cache.get(key);
      if (result === undefined) {
        result = check(key);
        cache.set(key, result);
      }
      return result;
    },
    suggest(word: string) {
      const key = word.normalize('NFC');
      const lower = key.toLocaleLowerCase('vi');
      return [...new Set([...viSpell.suggest(lower), ...enSpell.suggest(key)])].slice(0, 5);
    },
  };
}

export const DEFAULT_HOUSE_WORDS = [
  'CB', 'ĐV', 'HĐND', 'UBND', 'TP', 'TP.HCM', 'HCM', 'ĐBSCL', 'THPT', 'THCS', 'BHXH', 'BHYT', 'MTTQ',
  'KT-XH', 'CNH', 'HĐH', 'BCH', 'QĐ', 'NĐ', 'CP', 'TW', 'UBMTTQ', 'CSGT', 'PCCC', 'GD-ĐT', 'TT-TT',
];
