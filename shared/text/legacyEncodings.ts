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

/** Windows-1252 characters for bytes 0x80–0x9F (Word shows legacy-font text through it). */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function byteOf(char: string): number | null {
  const code = char.charCodeAt(0);
  if (code >= 0xa0 && code <= 0xff) return code;
  if (code >= 0x80 && code <= 0x9f) return code; // decoded as Latin-1
  const index = CP1252_80_9F.indexOf(char);
  return index >= 0 ? 0x80 + index : null;
}

export function tcvn3ToUnicode(text: string, { capitals = false } = {}): string {
  let out = '';
  for (const char of text) {
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
/** Latin-1 characters that TCVN3 uses for Vietnamese letters and that Vietnamese Unicode text never contains. */
const TCVN3_MARKERS = /[¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÆÇÐ×ÞßæçðñòóôöøûüþÊË]/g;
/** Capitals of Latin-1 inside lower-case words ("TiÕng"): TCVN3 puts lower-case letters there. */
const TCVN3_MIDWORD = /[a-z][À-Þ]|[À-Þ][a-z]/g;
/** A vowel followed by a VNI mark character. */
const VNI_MARKERS = /[aeiouyAEIOUY][øùûõïàáåãäâèéúüëêØÙÛÕÏÀÁÅÃÄÂÈÉÚÜËÊ]|[ôöÔÖ][øùûõïØÙÛÕÏ]|[ñÑ](?=[a-zA-Z])/g;

/**
 * Guesses whether plain text is TCVN3 or VNI shown through Latin-1. Unicode Vietnamese (any ơ, ư,
 * đ, ạ…) is never converted; otherwise the text must carry enough of one encoding's markers.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (UNICODE_VIETNAMESE.test(text.normalize('NFC'))) return null;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < 4) return null;
  const vni = (text.match(VNI_MARKERS) ?? []).length;
  const tcvn = (text.match(TCVN3_MARKERS) ?? []).length + (text.match(TCVN3_MIDWORD) ?? []).length;
  const threshold = Math.max(2, letters * 0.03);
  if (vni >= threshold && vni >= tcvn) return 'vni';
  if (tcvn >= threshold) return 'tcvn3';
  return null;
}
