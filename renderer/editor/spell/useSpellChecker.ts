import { useEffect, useState } from 'react';
import { spellDictionaries, type SpellLanguages } from '../../../shared/model/preferences';
import { createSpellChecker, type DictionaryData, type SpellChecker } from '../../../shared/text/spelling';

let dictionaries: Promise<{ vi: DictionaryData; en: DictionaryData }> | null = null;

/** The Vietnamese and English Hunspell dictionaries, bundled with the app (loaded on first use, offline). */
function loadDictionaries() {
  dictionaries ??= Promise.all([
    import('@dictionaries/vi/index.aff?raw'),
    import('@dictionaries/vi/index.dic?raw'),
    import('@dictionaries/en/index.aff?raw'),
    import('@dictionaries/en/index.dic?raw'),
  ]).then(([viAff, viDic, enAff, enDic]) => ({
    vi: { aff: viAff.default, dic: viDic.default },
    en: { aff: enAff.default, dic: enDic.default },
  }));
  return dictionaries;
}

/**
 * A spellchecker that knows the newsroom's house words and uses the dictionaries this computer's
 * preference names (both, one, or none: then nothing is underlined); null until they are loaded.
 */
export function useSpellChecker(houseWords: readonly string[], languages: SpellLanguages = 'vi-en'): SpellChecker | null {
  const [checker, setChecker] = useState<SpellChecker | null>(null);
  const key = houseWords.join('\n');
  useEffect(() => {
    let cancelled = false;
    void loadDictionaries().then(({ vi, en }) => {
      if (!cancelled) setChecker(createSpellChecker(vi, en, key.split('\n'), spellDictionaries(languages)));
    });
    return () => {
      cancelled = true;
    };
  }, [key, languages]);
  return checker;
}
