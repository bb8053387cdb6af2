import { describe, expect, it } from 'vitest';
import {
  compareVietnamese,
  countWords,
  fixLookalikeEth,
  fold,
  hasLookalikeEth,
  normalizeText,
  readingMinutes,
  slugify,
  uniqueSlug,
} from '../../shared/text/vietnamese';

describe('Vietnamese text rules', () => {
  it('normalises decomposed input (as some input methods and macOS paste it) to NFC', () => {
    const nfd = 'Bình Thủy'.normalize('NFD');
    expect(nfd).not.toBe('Bình Thủy');
    expect(normalizeText(nfd)).toBe('Bình Thủy');
  });

  it('folds tones, vowel marks and every form of đ for search', () => {
    expect(fold('Quận ủy Đà Nẵng')).toBe('quan uy da nang');
    expect(fold('ÐẠI HỘI')).toBe('dai hoi');
    expect(fold('hoà')).toBe(fold('hòa'));
    expect(fold('thuỷ')).toBe(fold('thủy'));
  });

  it('makes slugs from headlines', () => {
    expect(slugify('Bình Thủy đẩy mạnh việc học tập')).toBe('binh-thuy-day-manh-viec-hoc-tap');
    expect(slugify('  "Giá xăng" tăng 1.000 đồng/lít!  ')).toBe('gia-xang-tang-1-000-dong-lit');
    expect(slugify('???')).toBe('');
  });

  it('cuts long slugs at a word boundary, within 80 characters', () => {
    const headline = 'Thành phố Cần Thơ triển khai đồng bộ nhiều giải pháp nâng cao chất lượng giáo dục và đào tạo nguồn nhân lực';
    const slug = slugify(headline);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slugify(headline, 1000).startsWith(slug)).toBe(true);
    expect(slugify(headline, 1000).charAt(slug.length)).toBe('-');
    expect(slug.endsWith('-')).toBe(false);
  });

  it('keeps slugs unique by numbering', () => {
    const taken = new Set(['tin-moi', 'tin-moi-2']);
    expect(uniqueSlug('tin-moi', (s) => taken.has(s))).toBe('tin-moi-3');
    expect(uniqueSlug('tin-khac', (s) => taken.has(s))).toBe('tin-khac');
    expect(uniqueSlug('a'.repeat(80), (s) => s === 'a'.repeat(80)).length).toBeLessThanOrEqual(80);
  });

  it('counts syllables, not punctuation', () => {
    expect(countWords('Bình Thủy đẩy mạnh việc học tập')).toBe(7);
    expect(countWords('  Năm 2026 – UBND TP. Cần Thơ  ')).toBe(6);
    expect(countWords('')).toBe(0);
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(50)).toBe(1);
    expect(readingMinutes(1000)).toBe(5);
  });

  it('sorts by Vietnamese rules with numbers in order', () => {
    const sorted = ['Đà Nẵng', 'Dương Đông', 'An Giang', 'Bài 10', 'Bài 9', 'Ân Thi'].sort(compareVietnamese);
    expect(sorted).toEqual(['An Giang', 'Ân Thi', 'Bài 9', 'Bài 10', 'Dương Đông', 'Đà Nẵng']);
  });

  it('finds and fixes the look-alike Ð (U+00D0)', () => {
    const pasted = '\u00D0ại hội \u00D0oàn';
    expect(hasLookalikeEth(pasted)).toBe(true);
    expect(fixLookalikeEth(pasted)).toBe('Đại hội Đoàn');
    expect(hasLookalikeEth('Đại hội')).toBe(false);
  });
});
