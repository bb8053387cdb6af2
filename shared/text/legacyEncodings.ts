/**
 * Vietnamese text from the pre-Unicode era, as it arrives when pasted or imported: typed in
 * TCVN3 (ABC, fonts .VnTime, .VnArial…) or VNI (fonts VNI-Times…) and shown through a Latin-1
 * code page, e.g. "Thµnh phè CÇn Th¬" or "Thaønh phoá Caàn Thô" for "Thành phố Cần Thơ".
 * Detection by font name or by character statistics; conversion to Unicode (NFC).
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/**
 * TCVN 5712 (TCVN3, ABC) bytes 0x80–0xFF, as decoded by iconv-lite's "tcvn" table (MIT). The
 * ABC fonts put lowercase letters here; the "H" fonts (.VnTimeH) show the same bytes as capitals.
 */
const TCVN3_HIGH =
  'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ ĂÂÊÔƠƯĐăâêôơưđẶ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ';

/**
 * The byte a character stood for in the legacy font. Only 0xA0–0xFF: the ABC fonts keep Windows
 * punctuation (“ ” … –) at 0x80–0x9F, so those are left as they are.
 */
function byteOf(char: string): number | null {
  const code = char.charCodeAt(0);
  return code >= 0xa0 && code <= 0xff ? code : null;
}

/**
 * ư is 0xAD, the soft hyphen, which many programs hide or drop; text that went through a PDF or an
 * old web page often has a minus sign (U+2212) in its place: "®−îc" for "được".
 */
const MINUS_FOR_U_HORN = /(?<=[A-Za-z\u00A1-\u00FF])\u2212(?=[A-Za-z\u00A1-\u00FF])/g;

export function tcvn3ToUnicode(text: string, { capitals = false } = {}): string {
  let out = '';
  for (const char of text.replace(MINUS_FOR_U_HORN, '\u00AD')) {
    const byte = byteOf(char);
    out += byte === null ? char : TCVN3_HIGH[byte - 0x80]!;
  }
  // The "H" fonts draw every letter as a capital.
  return (capitals ? out.toUpperCase() : out).normalize('NFC');
}

/**
 * VNI Windows: a base letter followed by a mark character. Longest sequences first, so that
 * "aá" (ấ) wins over "a" + "á".
 */
const VNI_PAIRS: Array<[string, string]> = [];
{
  const tones = { ø: '\u0300', ù: '\u0301', û: '\u0309', õ: '\u0303', ï: '\u0323' } as const;
  const circumflexTones = { à: '\u0300', á: '\u0301', å: '\u0309', ã: '\u0303', ä: '\u0323' } as const;
  const breveTones = { è: '\u0300', é: '\u0301', ú: '\u0309', ü: '\u0303', ë: '\u0323' } as const;
  const add = (vni: string, unicode: string) => {
    VNI_PAIRS.push([vni, unicode.normalize('NFC')]);
    VNI_PAIRS.push([vni.toUpperCase(), unicode.toUpperCase().normalize('NFC')]);
  };
  for (const base of ['a', 'e', 'o', 'u', 'y']) {
    for (const [mark, combining] of Object.entries(tones)) add(base + mark, base + combining);
  }
  for (const base of ['a', 'e', 'o']) {
    add(`${base}â`, `${base}\u0302`);
    for (const [mark, combining] of Object.entries(circumflexTones)) add(base + mark, `${base}\u0302${combining}`);
  }
  add('aê', 'a\u0306');
  for (const [mark, combining] of Object.entries(breveTones)) add(`a${mark}`, `a\u0306${combining}`);
  // ơ and ư are single characters in VNI, as are the i forms and ỵ.
  for (const [base, vni] of [
    ['o\u031B', 'ô'],
    ['u\u031B', 'ö'],
  ] as const) {
    for (const [mark, combining] of Object.entries(tones)) add(vni + mark, base + combining);
    add(vni, base);
  }
  add('ì', 'ì');
  add('í', 'í');
  add('æ', 'ỉ');
  add('ó', 'ĩ');
  add('ò', 'ị');
  add('î', 'ỵ');
  add('ñ', 'đ');
  VNI_PAIRS.sort((x, y) => y[0].length - x[0].length);
}
const VNI_MAP = new Map(VNI_PAIRS);
const VNI_PATTERN = new RegExp(VNI_PAIRS.map(([vni]) => vni.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

export function vniToUnicode(text: string, { capitals = false } = {}): string {
  const converted = text.replace(VNI_PATTERN, (match) => VNI_MAP.get(match) ?? match).normalize('NFC');
  return capitals ? converted.toUpperCase() : converted;
}

export function toUnicode(text: string, encoding: LegacyEncoding, options: { capitals?: boolean } = {}): string {
  return encoding === 'tcvn3' ? tcvn3ToUnicode(text, options) : vniToUnicode(text, options);
}

/** The encoding a font implies: ".VnTime", ".VnArialH" → TCVN3; "VNI-Times" → VNI. */
export function encodingOfFont(fontFamily: string): { encoding: LegacyEncoding; capitals: boolean } | null {
  for (const raw of fontFamily.split(',')) {
    const name = raw.trim().replace(/^["']|["']$/g, '');
    if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', capitals: /h$/i.test(name) };
    if (/^vni[- ]/i.test(name)) return { encoding: 'vni', capitals: false };
  }
  return null;
}

/** Letters that Unicode Vietnamese has and Latin-1 has not: their presence means the text is Unicode. */
const UNICODE_VIETNAMESE = /[\u0300-\u0323]|[ăĂđĐơƠưƯ\u1EA0-\u1EF9]/;


export function hasUnicodeVietnamese(text: string): boolean {
  return UNICODE_VIETNAMESE.test(text.normalize('NFC'));
}

/** A vowel followed by one of VNI's mark characters (a Vietnamese syllable in VNI). */
const VNI_MARK = /[aeouyAEOUY][øùûõïØÙÛÕÏ]|[aeoAEO][âàáåãäÂÀÁÅÃÄ]|[aA][êèéúüëÊÈÉÚÜË]|[ôöÔÖ][øùûõïØÙÛÕÏ]|[ñÑ](?=[aeiouyAEIOUYôöÔÖ])/;

/** A Vietnamese syllable's shape (on the folded word): initial consonants, vowels, final consonant. */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

function looksVietnamese(word: string): boolean {
  const letters = word.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z]/g, '');
  return letters.length > 0 && SYLLABLE.test(letters);
}

/** Every run of letters in a word ("Kinh-tế", "(năm") is a Vietnamese syllable. */
function readsVietnamese(word: string): boolean {
  const runs = word.normalize('NFC').match(/[\p{L}\p{M}]+/gu);
  return !!runs && runs.every(looksVietnamese);
}

const wordsOf = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w));

/** Words with a Latin-1 character: the ones a legacy encoding would change. */
const LATIN1 = /[\u00A1-\u00FF\u2212]/;

/**
 * TCVN3's signs, as no Western language writes them: a Latin-1 symbol that TCVN3 uses for ă â ê ô
 * ơ ư đ, à ả ã á ạ, ằ ẳ ẵ ắ (or Ă Â Ê Ô Ơ Ư Đ) after a letter or before a lower-case one ("n¨m",
 * "Th\u00ADêng", "Hµ", "§iÖn", "«ng"), or a Latin-1 capital that TCVN3 uses for a lower-case
 * letter after a lower-case letter ("ViÖt", "quËn", "nhÐ"). Not signs: ª º ° beside a digit ("1ª",
 * "nº"), a symbol before a capital ("©AP"), µ starting a word ("µm").
 */
const TCVN3_SYMBOL = '\u00A1-\u00AE\u00B5-\u00B9\u00BB-\u00BE\u2212';
const LOWER = `a-z\u00DF-\u00F6\u00F8-\u00FF${TCVN3_SYMBOL}`;
const TCVN3_SYMBOL_NOT_MICRO = '\u00A1-\u00AE\u00B6-\u00B9\u00BB-\u00BE\u2212';
const TCVN3_SIGN = new RegExp(
  `(?<=[A-Z${LOWER}])[${TCVN3_SYMBOL}]|[${TCVN3_SYMBOL_NOT_MICRO}](?=[${LOWER}])|(?<=[${LOWER}])[\u00C6-\u00CC\u00CE-\u00D8\u00DC-\u00DE]`,
);

/**
 * TCVN3 recognised from the text itself. The words a conversion would change must read as
 * Vietnamese syllables once converted (at least 80% of them); enough of them must carry TCVN3's
 * own signs (a fifth, and two, or one if every changed word converts cleanly and there is more
 * than one or the text is all Vietnamese); and the whole text must then read mostly as
 * Vietnamese. German "Straße", French "où", "Ça va", Spanish "¿Dónde?", "nº 5", English "2.5 µm"
 * all fail one of these.
 */
function looksLikeTcvn3(words: string[]): boolean {
  const affected = words.filter((w) => LATIN1.test(w));
  if (!affected.length) return false;
  const valid = affected.filter((w) => readsVietnamese(tcvn3ToUnicode(w)));
  if (valid.length / affected.length < 0.8) return false;
  const signed = valid.filter((w) => TCVN3_SIGN.test(w)).length;
  if (signed / affected.length < 0.2) return false;
  const vietnamese = words.filter((w) => readsVietnamese(LATIN1.test(w) ? tcvn3ToUnicode(w) : w)).length;
  if (vietnamese / words.length < 0.5) return false;
  return signed >= 2 || (signed === 1 && valid.length === affected.length && (affected.length >= 2 || vietnamese === words.length));
}

/** VNI: marks in at least 40% of the words, and the words it changes read as Vietnamese. */
function looksLikeVni(text: string, words: string[]): boolean {
  const marked = words.filter((w) => VNI_MARK.test(w)).length;
  if (marked < 2 || marked / words.length < 0.4) return false;
  const converted = wordsOf(vniToUnicode(text));
  if (converted.length !== words.length) return false;
  const changed = converted.filter((w, i) => w !== words[i]);
  if (changed.length < 2 || changed.length / words.length < 0.3) return false;
  return changed.filter(looksVietnamese).length / changed.length >= 0.8;
}

/**
 * Guesses whether plain text is TCVN3 or VNI shown through Latin-1, from its characters. Unicode
 * Vietnamese (any ơ, ư, đ, ạ…) is never converted, nor are German, French, Spanish or Portuguese.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (hasUnicodeVietnamese(text)) return null;
  const words = wordsOf(text);
  if (!words.length) return null;
  if (looksLikeVni(text, words)) return 'vni';
  if (looksLikeTcvn3(words)) return 'tcvn3';
  return null;
}
