// How Vietnamese text and queries are taken apart for the library's search (shared/text/search.ts).
import { describe, expect, it } from 'vitest';
import { exactWord, exactWords, findWordHits, foldedWords, hasMarks, hasPhrase, parseQuery, snippetAround } from '../../shared/text/search';

const marked = (text: string, hits: Array<[number, number]>) => hits.map(([s, e]) => text.slice(s, e));

describe('words', () => {
  it('folds marks, đ/Đ/Ð and case; splits on anything but letters and digits', () => {
    expect(foldedWords('Bình Thủy, COVID-19 và Ðà Nẵng')).toEqual(['binh', 'thuy', 'covid', '19', 'va', 'da', 'nang']);
    // Decomposed text (NFD, as some Mac programs paste it) folds the same.
    expect(foldedWords('Bình Thủy'.normalize('NFD'))).toEqual(['binh', 'thuy']);
  });

  it('keeps marks in the exact form, but not case, NFD, Ð or where the tone of oa/oe/uy sits', () => {
    expect(exactWord('Hoà')).toBe(exactWord('hòa'));
    expect(exactWord('KHOẺ')).toBe(exactWord('khỏe'));
    expect(exactWord('thuỷ')).toBe(exactWord('thủy'));
    expect(exactWord('\u00D0ảng')).toBe(exactWord('đảng'));
    expect(exactWord('hòa'.normalize('NFD'))).toBe(exactWord('hòa'));
    expect(exactWord('hòa')).not.toBe(exactWord('hoa'));
    expect(exactWord('quả')).toBe('quả');
    expect(exactWords('Hoà bình')).toEqual([exactWord('hòa'), 'bình']);
    expect(hasMarks('binh')).toBe(false);
    expect(hasMarks('bình')).toBe(true);
    expect(hasMarks('Ðang')).toBe(true);
  });
});

describe('queries', () => {
  it('takes quoted words (straight, curly, guillemets) as phrases and notes a word still being typed', () => {
    expect(parseQuery('"vụ mùa" binh th')).toEqual({ words: ['vu', 'mua', 'binh', 'th'], exact: [exactWord('vụ'), exactWord('mùa'), null, null], phrases: [['vu', 'mua']], lastIsPartial: true });
    expect(parseQuery('“bội thu” ').phrases).toEqual([['boi', 'thu']]);
    expect(parseQuery('«Cần Thơ»').lastIsPartial).toBe(false);
    expect(parseQuery('binh ').lastIsPartial).toBe(false);
    // An unclosed quote still makes a phrase of what follows it; a lone quoted word is a word.
    expect(parseQuery('"giá lúa').phrases).toEqual([['gia', 'lua']]);
    expect(parseQuery('"lúa"').phrases).toEqual([]);
    expect(parseQuery('  ').words).toEqual([]);
  });
});

describe('hits and snippets', () => {
  it('marks whole words, word starts and phrases (as one hit), with offsets into the text as written', () => {
    const text = 'Mưa lớn ở Bình Thủy; bình minh ở Thủy Tiên và vụ mùa bội thu.';
    expect(marked(text, findWordHits(text, ['binh', 'thuy']))).toEqual(['Bình', 'Thủy', 'bình', 'Thủy']);
    expect(marked(text, findWordHits(text, [], ['thu']))).toEqual(['Thủy', 'Thủy', 'thu']);
    expect(marked(text, findWordHits(text, ['boi'], [], [['vu', 'mua', 'boi', 'thu']]))).toEqual(['vụ mùa bội thu']);
    // Not inside a longer word.
    expect(findWordHits('Thuyền', ['thuy'])).toEqual([]);
  });

  it('keeps the offsets right in decomposed text and around letters that fold to two', () => {
    const nfd = 'Đi Bình Thủy'.normalize('NFD');
    expect(marked(nfd, findWordHits(nfd, ['thuy'])).map((s) => s.normalize('NFC'))).toEqual(['Thủy']);
    const odd = 'İstanbul và Bình Thủy';
    expect(marked(odd, findWordHits(odd, ['thuy']))).toEqual(['Thủy']);
  });

  it('stops looking well past the first hit when asked', () => {
    const text = `bình ${'chữ '.repeat(300)}bình`;
    expect(findWordHits(text, ['binh'])).toHaveLength(2);
    expect(findWordHits(text, ['binh'], [], [], 100)).toHaveLength(1);
  });

  it('tells a phrase standing together from its words apart', () => {
    expect(hasPhrase('Năm nay vụ mùa, bội thu.', ['vu', 'mua', 'boi', 'thu'])).toBe(true);
    expect(hasPhrase('Vụ lúa thu đông; mùa nước về, bội phần vui.', ['vu', 'mua', 'boi', 'thu'])).toBe(false);
  });

  it('cuts a snippet around the first hit at spaces, with … where it was cut, hits moved into it', () => {
    const text = `${'Mở đầu dài dòng. '.repeat(20)}Giá lúa tăng mạnh ở Phong Điền.${' Phần sau.'.repeat(30)}`;
    const hits = findWordHits(text, ['phong', 'dien']);
    const snippet = snippetAround(text, hits, 80);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(82);
    expect(marked(snippet.text, snippet.hits)).toEqual(['Phong', 'Điền']);
    const short = snippetAround('Bình Thủy', [[0, 4]]);
    expect(short).toEqual({ text: 'Bình Thủy', hits: [[0, 4]] });
  });
});
