import { describe, expect, it } from 'vitest';
import { findMatches } from '../../shared/text/findMatches';

const texts = (text: string, query: string, matchCase = false, ignoreDiacritics = false) =>
  findMatches(text, query, { matchCase, ignoreDiacritics }).map((m) => text.slice(m.start, m.end));

describe('find in text', () => {
  it('matches without regard to case unless asked', () => {
    expect(texts('Cần Thơ và cần thơ', 'cần thơ')).toEqual(['Cần Thơ', 'cần thơ']);
    expect(texts('Cần Thơ và cần thơ', 'cần thơ', true)).toEqual(['cần thơ']);
  });

  it('keeps marks apart unless told to ignore them', () => {
    expect(texts('hòa hoa hóa', 'hoa')).toEqual(['hoa']);
    expect(texts('hòa hoà hoa Hóa', 'hoa', false, true)).toEqual(['hòa', 'hoà', 'hoa', 'Hóa']);
    expect(texts('Quận ủy Ninh Kiều', 'Quan uy', false, true)).toEqual(['Quận ủy']);
    expect(texts('Đà Nẵng, Ðà Nẵng', 'da nang', false, true)).toEqual(['Đà Nẵng', 'Ðà Nẵng']);
  });

  it('maps matches back correctly in decomposed text', () => {
    const nfd = 'Việt Nam, Việt Nam'.normalize('NFD');
    const found = texts(nfd, 'viet', false, true);
    expect(found.map((s) => s.normalize('NFC'))).toEqual(['Việt', 'Việt']);
  });

  it('finds nothing for an empty query and does not overlap', () => {
    expect(texts('aaaa', '')).toEqual([]);
    expect(texts('aaaa', 'aa')).toEqual(['aa', 'aa']);
  });
});
