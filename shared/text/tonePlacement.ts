/**
 * Vietnamese has two accepted places for the tone mark in the open syllables with "oa", "oe" and
 * "uy": the older "hòa, khỏe, thủy" and the newer "hoà, khoẻ, thuỷ". Both are correct; Newsdesk
 * never rewrites one into the other, but the spellchecker accepts both.
 */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;

export function alternateTonePlacement(syllable: string): string | null {
  const decomposed = syllable.normalize('NFD');
  const tone = TONES.exec(decomposed)?.[0];
  if (!tone) return null;
  const bare = decomposed.replace(TONES, '');
  // Only open syllables ending in oa, oe or uy (not after q, where "u" belongs to the consonant).
  const match = /(?<!q)([oO])([aAeE])$|(?<!q)([uU])([yY])$/u.exec(bare);
  if (!match) return null;
  const at = match.index;
  const toneOnFirst = decomposed.indexOf(tone) === at + 1;
  const [first, second] = [bare.slice(at, at + 1), bare.slice(at + 1, at + 2)];
  const moved = toneOnFirst ? `${first}${second}${tone}` : `${first}${tone}${second}`;
  return `${bare.slice(0, at)}${moved}`.normalize('NFC');
}
