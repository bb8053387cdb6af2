// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '../../renderer/editor/paste/cleanPastedHtml';
import { cleanPastedText } from '../../renderer/editor/paste/cleanText';
import { fixture, paragraphTexts, pasteToBody, plainPasteToBody } from './pasteHelpers';

/**
 * TCVN3 text with no font named (a .txt file, an e-mail, an old web page) is recognised from its
 * characters, as VNI is; the user can still keep it as pasted.
 */
describe('TCVN3 without a font name', () => {
  it('plain text (an e-mail, several paragraphs, an English header) is converted to the same text typed in Unicode', () => {
    const pasted = cleanPastedText(fixture('tcvn3-email.txt'));
    expect(pasted.converted).toBe('tcvn3');
    expect(pasted.text).toBe(cleanPastedText(fixture('tcvn3-email.unicode.txt')).text);
    expect(pasted.text).toContain('tổng kết năm học');
    expect(pasted.text).toContain('Thường trực Thành ủy');
    // As stored: each paragraph of the e-mail one paragraph.
    expect(paragraphTexts(plainPasteToBody(fixture('tcvn3-email.txt')).body).slice(0, 3)).toEqual([
      'Kính gửi anh Hùng,',
      'Em gửi anh bản tin về hội nghị tổng kết năm học của Sở Giáo dục và Đào tạo thành phố, anh xem giúp em trước khi đưa lên báo nhé.',
      'Sáng nay, Sở Giáo dục và Đào tạo thành phố Cần Thơ tổ chức hội nghị tổng kết năm học 2025 - 2026. Theo báo cáo, toàn thành phố có 486 trường học với hơn 320.000 học sinh; tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt 98,7%.',
    ]);
  });

  it('“keep as pasted” gives the TCVN3 text back (soft hyphens included), and pasting that again leaves it alone', () => {
    const pasted = cleanPastedText(fixture('tcvn3-email.txt'));
    expect(pasted.unconverted).toContain('n¨m häc');
    expect(pasted.unconverted).toContain('Th\u00ADêng trùc');
    // The editor pastes `unconverted` again as it is ("keep as pasted"): it must stay as it is.
    expect(cleanPastedText(pasted.unconverted).unconverted).toBe(pasted.unconverted);
  });

  it('HTML with no legacy font (an old web page: <font>, <br><br>, <div>) is converted like the same page in Unicode', () => {
    const legacy = pasteToBody(fixture('tcvn3-web.html'));
    expect(legacy.converted).toBe('tcvn3');
    expect(legacy.body).toEqual(pasteToBody(fixture('tcvn3-web.unicode.html')).body);
    expect(paragraphTexts(legacy.body)).toEqual([
      'Trang chu | Thoi su | Kinh te | English | RSS',
      'Cap nhat: Thursday, 12/03/2004 08:15 (GMT+7)',
      'Khánh thành cầu Cái Răng mới',
      'Sáng nay, Uỷ ban nhân dân thành phố Cần Thơ tổ chức lễ khánh thành cầu Cái Răng mới, nối quận Cái Răng với huyện Châu Thành.',
      'Cầu dài 620 mét, rộng 24 mét, với tổng vốn đầu tư hơn 900 tỷ đồng. Thường trực Thành ủy đánh giá đây là công trình trọng điểm của năm.',
      'Người dân đi lại thuận tiện hơn, nhất là vào giờ cao điểm.',
      'Ông Trần Văn Bảy, người dân phường Lê Bình, cho biết: "Trước đây tôi phải chờ phà gần một tiếng".',
      'Copyright (c) 2004 Bao Can Tho Online. All rights reserved. Email: toasoan@baocantho.com.vn - Tel: (071) 821 456',
    ]);
  });

  it('e-mail HTML (one <div> per line, the quoted message in a blockquote) is converted line for line', () => {
    const legacy = pasteToBody(fixture('tcvn3-email.html'));
    expect(legacy.converted).toBe('tcvn3');
    const lines = fixture('tcvn3-email.unicode.txt').split('\n').map((line) => line.trim()).filter(Boolean);
    expect(paragraphTexts(legacy.body)).toEqual(lines);
    expect(legacy.body.content.map((block) => block.type).at(-1)).toBe('blockquote');
  });

  it('“keep as pasted” for HTML keeps the TCVN3 text and the paragraphs, and pasting it again changes nothing', () => {
    const cleaned = cleanPastedHtml(fixture('tcvn3-web.html'));
    expect(cleaned.unconvertedHtml).toContain('Th\u00ADêng trùc');
    expect(cleaned.unconvertedHtml).not.toContain('Thường');
    expect(cleanPastedHtml(cleaned.unconvertedHtml).unconvertedHtml).toBe(cleaned.unconvertedHtml);
  });

  it('short TCVN3 snippets are converted too, in text and in HTML', () => {
    expect(cleanPastedText('n¨m 2024')).toMatchObject({ text: 'năm 2024', converted: 'tcvn3' });
    expect(cleanPastedText('Th\u00ADêng vô')).toMatchObject({ text: 'Thường vụ', converted: 'tcvn3' });
    expect(pasteToBody('<p>Hµ Néi, <b>n¨m häc míi</b></p>')).toMatchObject({ converted: 'tcvn3', json: expect.stringContaining('"Hà Nội, "') });
  });

  it('TCVN3 that went through a PDF (− for ư) is converted', () => {
    expect(cleanPastedText('Tr\u2212êng häc ®\u2212îc x©y míi')).toMatchObject({ text: 'Trường học được xây mới', converted: 'tcvn3' });
  });

  it('the same text in .VnTime is converted by its font, and Unicode text beside it is left alone', () => {
    const html = `<p><span style="font-family:'.VnTime'">Th\u00ADêng trùc n¨m nay</span> — Cần Thơ</p>`;
    expect(pasteToBody(html)).toMatchObject({ converted: 'tcvn3', json: expect.stringContaining('Thường trực năm nay — Cần Thơ') });
  });

  it('VNI is converted without a font name in HTML too', () => {
    expect(pasteToBody('<p>Thaønh phoá Caàn Thô ñaåy maïnh hoïc taäp</p>')).toMatchObject({ converted: 'vni', json: expect.stringContaining('Thành phố Cần Thơ đẩy mạnh học tập') });
  });

  it('German, French, Spanish and Unicode Vietnamese pasted as HTML are left as they are', () => {
    for (const text of [
      'Die Straße nach Köln wurde für den Verkehr gesperrt; größere Schäden gab es nicht.',
      '« Ça va très bien », a déclaré le maire à la presse après la réunion de l’été.',
      '¿Dónde está la estación? ¡Qué año más difícil para los niños!',
      'Tôi là phóng viên, có mặt ở Cà Mau.',
      // Unicode Vietnamese with only Latin-1 letters.
      'Tôi là Nam, có cá và tôm.',
    ]) {
      const { converted, json } = pasteToBody(`<p>${text}</p>`);
      expect(converted, text).toBeNull();
      expect(json).toContain(text);
    }
  });
});
