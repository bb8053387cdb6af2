import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPreferences, readPreferences, resolvedTheme, spellDictionaries } from '../../shared/model/preferences';
import { createSpellChecker } from '../../shared/text/spelling';

describe('preferences as stored', () => {
  it('keeps valid values, resets each bad one alone, drops unknown fields', () => {
    const stored = { theme: 'dark', editorFont: 'sans', editorFontSize: 22, autosaveSeconds: 5, spellcheck: 'vi', extra: 1 };
    const { extra: _extra, ...expected } = stored;
    expect(readPreferences(stored)).toEqual(expected);
    expect(readPreferences({ ...stored, theme: 'purple', editorFontSize: 19 })).toEqual({ ...expected, theme: 'system', editorFontSize: 18 });
    for (const raw of [null, 'dark', 42, [], undefined]) expect(readPreferences(raw)).toEqual(defaultPreferences());
  });

  it('brings an autosave delay within 1–30 s rather than forgetting it', () => {
    expect(readPreferences({ autosaveSeconds: 0 }).autosaveSeconds).toBe(1);
    expect(readPreferences({ autosaveSeconds: 300 }).autosaveSeconds).toBe(30);
    expect(readPreferences({ autosaveSeconds: 2.6 }).autosaveSeconds).toBe(3);
    expect(readPreferences({ autosaveSeconds: Number.NaN }).autosaveSeconds).toBe(1);
    expect(readPreferences({ autosaveSeconds: '5' }).autosaveSeconds).toBe(1);
  });

  it('follows the system theme only when asked to', () => {
    expect(resolvedTheme('system', true)).toBe('dark');
    expect(resolvedTheme('system', false)).toBe('light');
    expect(resolvedTheme('light', true)).toBe('light');
    expect(resolvedTheme('dark', false)).toBe('dark');
  });
});

describe('spellcheck languages', () => {
  const dictionary = (name: string) => ({
    aff: readFileSync(join(process.cwd(), 'node_modules', name, 'index.aff')),
    dic: readFileSync(join(process.cwd(), 'node_modules', name, 'index.dic')),
  });
  const vi = dictionary('dictionary-vi');
  const en = dictionary('dictionary-en');
  const checker = (choice: Parameters<typeof spellDictionaries>[0]) => createSpellChecker(vi, en, ['UBND'], spellDictionaries(choice));

  it('underlines by the dictionaries chosen: both, one, or none', () => {
    const words = ['nghị', 'meeting', 'nghịx', 'UBND'];
    const correct = (choice: Parameters<typeof spellDictionaries>[0]) => words.map((word) => checker(choice).isCorrect(word));
    expect(correct('vi-en')).toEqual([true, true, false, true]);
    expect(correct('vi')).toEqual([true, false, false, true]);
    expect(correct('en')).toEqual([false, true, false, true]);
    expect(correct('off')).toEqual([true, true, true, true]);
  });
});
