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

  it('never converts real paragraphs of German, French, Spanish, Portuguese, Italian or English', () => {
    for (const text of [
      'Die Bürgerinnen und Bürger der Stadt Köln können ab Montag größere Mengen Sperrmüll kostenlos abgeben. „Wir möchten, dass die Straßen sauber bleiben“, sagte die Oberbürgermeisterin. Über 3.000 Anträge wurden bereits geprüft; für Anwohner in Düsseldorf ändert sich nichts.',
      'Grüße aus München, Ihr Büro für Öffentlichkeitsarbeit. Maß, Fuß, süß, schön, Straße.',
      "« C'est une très bonne nouvelle pour la région », a déclaré le préfet à l'issue de la réunion. Les élèves de l'école primaire de Besançon ont reçu leurs diplômes ; la cérémonie s'est déroulée à côté de l'hôtel de ville, où étaient réunis parents et enseignants. Ça va être une fête, précise-t-il.",
      '¿Dónde estará el niño mañana? ¡Qué año tan difícil! La señora Muñoz vive en la calle Mayor, nº 5, 1ª planta. El Ayuntamiento aprobó ayer la reforma, según informó la concejala de Educación.',
      'A avó não está em São Paulo; só nós e as crianças ficámos em Lisboa. A situação é grave, disse o ministro à imprensa, e a população já não aguenta mais esperar por uma solução.',
      'La città è più bella di sera: perché non andiamo al caffè vicino alla stazione? Lunedì però è chiuso.',
      'Photo ©AP. Particles of 2.5 µm and 10 µm; Microsoft® Windows™ and the café’s naïve résumé cost £5 or 5 €.',
      'A col·lecció de l’Ajuntament de Barcelona s’exposa al públic a partir de dilluns.',
      // Unicode Vietnamese whose letters all happen to be in Latin-1.
      'Tôi là Nam, có cá và tôm.',
      'Ông Ba và bà Tư đã về.',
    ]) {
      expect(detectLegacyEncoding(text), text).toBeNull();
    }
  });

  it.each([
    ['n¨m 2024', 'năm 2024'],
    ['Th\u00ADêng vô', 'Thường vụ'],
    ['Hµ Néi', 'Hà Nội'],
    ['n¨m häc míi', 'năm học mới'],
    ['§iÖn Biªn Phñ', 'Điện Biên Phủ'],
    ['«ng Ba nãi', 'ông Ba nói'],
    ['b¸o c¸o', 'báo cáo'],
    ['®\u00ADîc', 'được'],
    ['Tr\u2212êng häc', 'Trường học'],
  ])('recognises short TCVN3 snippets: %s', (legacy, unicode) => {
    expect(detectLegacyEncoding(legacy)).toBe('tcvn3');
    expect(tcvn3ToUnicode(legacy)).toBe(unicode);
  });

  it('recognises TCVN3 paragraphs with many plain ASCII words (names, numbers, English) and e-mail headers', () => {
    const text = [
      'From: Tran Van Hung <hungtv@baocantho.com.vn>',
      'Sent: Monday, December 1, 2026 8:15 AM',
      'Subject: Re: tin COVID-19',
      '',
      'Theo CDC Can Tho, trong tuÇn qua thµnh phè ghi nhËn 35 ca, gi¶m 12 ca so víi tuÇn tr\u00ADíc.',
      'Anh Nam (phone: 0909 123 456) sÏ gäi l¹i.',
    ].join('\n');
    expect(detectLegacyEncoding(text)).toBe('tcvn3');
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
