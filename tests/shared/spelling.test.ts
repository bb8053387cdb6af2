import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpellChecker, DEFAULT_HOUSE_WORDS } from '../../shared/text/spelling';
import { alternateTonePlacement } from '../../shared/text/tonePlacement';

const dictionary = (name: string) => ({
  aff: readFileSync(join(process.cwd(), 'node_modules', name, 'index.aff')),
  dic: readFileSync(join(process.cwd(), 'node_modules', name, 'index.dic')),
});
const checker = createSpellChecker(dictionary('dictionary-vi'), dictionary('dictionary-en'), DEFAULT_HOUSE_WORDS);

describe('tone placement', () => {
  it('moves the tone between the vowels of open oa, oe and uy syllables only', () => {
    expect(alternateTonePlacement('hòa')).toBe('hoà');
    expect(alternateTonePlacement('hoà')).toBe('hòa');
    expect(alternateTonePlacement('thủy')).toBe('thuỷ');
    expect(alternateTonePlacement('Khỏe')).toBe('Khoẻ');
    expect(alternateTonePlacement('hoàng')).toBeNull();
    expect(alternateTonePlacement('quý')).toBeNull();
    expect(alternateTonePlacement('hoa')).toBeNull();
  });
});

describe('offline spellchecking', () => {
  it('accepts Vietnamese in both tone placements, with capitals', () => {
    for (const word of ['Bình', 'Thủy', 'thuỷ', 'hòa', 'hoà', 'khỏe', 'khoẻ', 'đẩy', 'mạnh', 'việc', 'học', 'tập', 'Việt', 'Nguyễn']) {
      expect(checker.isCorrect(word), word).toBe(true);
    }
  });

  it('accepts English and the house word list, and numbers', () => {
    for (const word of ['newsroom', 'Festival', 'UBND', 'HĐND', 'hđnd', 'ĐBSCL', '2026', 'kinh-tế']) expect(checker.isCorrect(word), word).toBe(true);
  });

  it('flags typos and unfinished Telex', () => {
    for (const word of ['Vieejt', 'thuyr', 'ddaayr', 'hocj', 'newsrom', 'UBNDD']) expect(checker.isCorrect(word), word).toBe(false);
  });

  it('suggests corrections', () => {
    expect(checker.suggest('thuyr').length).toBeGreaterThan(0);
    expect(checker.suggest('newsrom')).toContain('newsroom');
  });
});
