import { describe, expect, it } from 'vitest';
import { detectLegacyEncoding, encodingOfFont, tcvn3ToUnicode, vniToUnicode } from '../../shared/text/legacyEncodings';

// Samples as they look when text typed in the legacy fonts is pasted into a Unicode program.
const TCVN3: Array<[string, string]> = [
  ['Thµnh phè CÇn Th¬', 'Thành phố Cần Thơ'],
  ['TiÕng ViÖt rÊt hay', 'Tiếng Việt rất hay'],
  ['§µ N½ng', 'Đà Nẵng'],
  ['B¶o Th¾ng', 'Bảo Thắng'],
  ['M\u00ADêng Kh\u00AD¬ng', 'Mường Khương'],
  ['Uû ban nh©n d©n quËn B×nh Thñy', 'Uỷ ban nhân dân quận Bình Thủy'],
];
const VNI: Array<[string, string]> = [
  ['Tieáng Vieät raát hay', 'Tiếng Việt rất hay'],
  ['Xin chaøo caùc baïn', 'Xin chào các bạn'],
  ['Thaønh phoá Caàn Thô', 'Thành phố Cần Thơ'],
  ['Ñaø Naüng', 'Đà Nẵng'],
  ['Ngöôøi daân huyeän Phong Ñieàn', 'Người dân huyện Phong Điền'],
  ['UÛY BAN NHAÂN DAÂN', 'ỦY BAN NHÂN DÂN'],
  ['hoïc taäp, kyû luaät, ñaåy maïnh', 'học tập, kỷ luật, đẩy mạnh'],
];

describe('legacy Vietnamese encodings', () => {
  it.each(TCVN3)('TCVN3 %s → %s', (legacy, unicode) => {
    expect(tcvn3ToUnicode(legacy)).toBe(unicode);
    expect(detectLegacyEncoding(legacy)).toBe('tcvn3');
  });

  it.each(VNI)('VNI %s → %s', (legacy, unicode) => {
    expect(vniToUnicode(legacy)).toBe(unicode);
    expect(detectLegacyEncoding(legacy)).toBe('vni');
  });

  it('shows .VnTimeH text in capitals', () => {
    expect(tcvn3ToUnicode('thµnh phè', { capitals: true })).toBe('THÀNH PHỐ');
  });

  it('never converts Unicode Vietnamese, nor other languages and symbols that use Latin-1 letters', () => {
    for (const text of [
      'Thành phố Cần Thơ đẩy mạnh',
      'Học tập suốt đời',
      'The city council met on Friday',
      'Le café était très bon à Noël',
      'Mañana',
      'Trời nắng 35°C, © Báo Cần Thơ ®',
      'Die Messe in München und Köln wurde eröffnet',
      'Où est le coût? École de Ça va',
      'España aún celebra el año nuevo',
      'Zoë and Chloë visited Curaçao in « août »',
    ]) {
      expect(detectLegacyEncoding(text), text).toBeNull();
    }
  });

  it('leaves Windows punctuation (0x80–0x9F) alone in TCVN3 text', () => {
    expect(tcvn3ToUnicode('“Thµnh phè” – …')).toBe('“Thành phố” – …');
  });

  it('knows the legacy fonts by name', () => {
    expect(encodingOfFont('.VnTime, serif')).toEqual({ encoding: 'tcvn3', capitals: false });
    expect(encodingOfFont('".VnArialH"')).toEqual({ encoding: 'tcvn3', capitals: true });
    expect(encodingOfFont("'VNI-Times'")).toEqual({ encoding: 'vni', capitals: false });
    expect(encodingOfFont('Times New Roman')).toBeNull();
  });
});
