// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cleanPastedText } from '../../renderer/editor/paste/cleanText';
import { fixture, outline, paragraphTexts, pasteToBody, plainPasteToBody } from './pasteHelpers';

/** Every paragraph (and heading) of a body, at any depth, with no text in it. */
function emptyParagraphs(json: string): number {
  return (json.match(/\{"type":"paragraph"\}|"content":\[\{"type":"hardBreak"\}\]/g) ?? []).length;
}

describe('Google Docs: the <br> between paragraphs and empty paragraphs do not become empty paragraphs', () => {
  it('a Docs paste with <br> between blocks, empty and blank paragraphs, a trailing <br>, Apple-interchange-newline', () => {
    const { body, json } = pasteToBody(fixture('gdocs-breaks.html'));
    expect(outline(body)).toEqual([
      'Chiều 3/12, mưa lớn kéo dài khiến nhiều tuyến đường ở quận Ninh Kiều ngập sâu.',
      // A line break between words (Shift+Enter in Docs) is the writer's and stays.
      'Theo Đài Khí tượng thủy văn, lượng mưa đo được tại trạm Cần Thơ là 86 mm.⏎Đây là trận mưa lớn nhất từ đầu năm.',
      '## Các tuyến đường bị ngập',
      'a. Đường Mậu Thân, đoạn gần chợ',
      '  • Ngập sâu 40 cm',
      'b. Đường Nguyễn Văn Cừ',
      'Lực lượng chức năng đã phân luồng giao thông.',
    ]);
    expect(emptyParagraphs(json)).toBe(0);
  });

  it('the earlier Docs fixture has no empty paragraph either', () => {
    const { body, json } = pasteToBody(fixture('gdocs.html'));
    expect(body.content.map((block) => block.type)).toEqual(['paragraph', 'heading', 'bulletList', 'paragraph']);
    expect(emptyParagraphs(json)).toBe(0);
  });

  it.each([
    ['<br> between paragraphs', '<p>Một</p><br><p>Hai</p>'],
    ['several <br>', '<p>Một</p><br><br><br><p>Hai</p>'],
    ['Apple-interchange-newline before and after', '<br class="Apple-interchange-newline"><p>Một</p><p>Hai</p><br class="Apple-interchange-newline">'],
    ['an empty Docs paragraph', '<p dir="ltr">Một</p><p dir="ltr"><span style="font-weight:400"><br></span></p><p dir="ltr">Hai</p>'],
    ['a paragraph of spaces', '<p>Một</p><p><span style="white-space:pre-wrap">   </span></p><p>Hai</p>'],
    ["Word's empty paragraph", '<p class=MsoNormal>Một<o:p></o:p></p>\n<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n<p class=MsoNormal>Hai<o:p></o:p></p>'],
    ["Gmail's blank line", '<div dir="ltr"><div>Một</div><div><br></div><div>Hai</div></div>'],
    ['a <br> at the start and the end of a paragraph', '<p><br>Một<br></p><p><span>Hai<br></span></p>'],
    ['an empty heading', '<p>Một</p><h2><br></h2><p>Hai</p>'],
    ['blank lines inside a paragraph end it', '<p>Một<br><br>Hai</p>'],
    ['... also inside bold and across spaces', '<p><b>Một<br> <br></b>Hai</p>'],
  ])('%s', (_name, html) => {
    const { body, json } = pasteToBody(html);
    expect(paragraphTexts(body)).toEqual(['Một', 'Hai']);
    expect(json).not.toContain('hardBreak');
  });

  it('bold stays on both halves of a paragraph split at a blank line', () => {
    const { body } = pasteToBody('<p><b>Một<br><br>Hai</b> ba</p>');
    expect(body.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Một', marks: [{ type: 'bold' }] }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Hai', marks: [{ type: 'bold' }] }, { type: 'text', text: ' ba' }] },
    ]);
  });

  it('a <br> between words stays a line break, in a paragraph, a list item and a table cell', () => {
    const { body } = pasteToBody('<p>Dòng một<br>dòng hai</p><ul><li>Mục<br>tiếp</li></ul><table><tr><td>Ô<br>hai dòng</td><td><p></p></td></tr></table>');
    expect(outline(body).slice(0, 2)).toEqual(['Dòng một⏎dòng hai', '• Mục⏎tiếp']);
    const cells = (body.content[2] as { content: Array<{ content: Array<{ content: unknown[] }> }> }).content[0]!.content;
    // The empty cell stays a cell (with its empty paragraph): only blank lines between blocks go.
    expect(cells).toHaveLength(2);
    expect(JSON.stringify(cells[0])).toContain('hardBreak');
  });
});

describe('spaces: the plain-text and the HTML paste give the same text', () => {
  const expected = ['Chính trị về kinh tế và xã hội.', 'Giá xăng giảm 500 đồng/lít; dầu giữ nguyên.', 'Người dân phấn khởi.', 'Ông Nguyễn Văn A nói: “Giá ổn định”.'];

  it('plain text: no-break spaces become spaces, runs of spaces and tabs one space, each paragraph trimmed', () => {
    const { body } = plainPasteToBody(fixture('plain-spaces.txt'));
    expect(paragraphTexts(body)).toEqual(expected);
  });

  it('the same lines as Word HTML (no-break spaces as &nbsp;) give the same paragraphs', () => {
    const lines = fixture('plain-spaces.txt').split(/\r?\n/);
    const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\u00A0/g, '&nbsp;');
    const html = lines.map((line) => `<p class=MsoNormal><span lang=VI>${escape(line)}<o:p></o:p></span></p>`).join('\n');
    expect(paragraphTexts(pasteToBody(html).body)).toEqual(expected);
  });

  it('spaces around marks and line breaks collapse as the browser shows them', () => {
    const { body } = pasteToBody('<p>  Một  <b> hai </b>  ba&nbsp; <br>  bốn&nbsp;</p>');
    expect(body.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Một ' }, { type: 'text', text: 'hai ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'ba' }, { type: 'hardBreak' }, { type: 'text', text: 'bốn' }] },
    ]);
  });

  it('a line of no-break spaces separates paragraphs like an empty line (the lines of each are joined)', () => {
    expect(cleanPastedText('Đoạn một dòng đầu\ndòng tiếp.\n\u00A0\u00A0\nĐoạn hai.').text).toBe('Đoạn một dòng đầu dòng tiếp.\nĐoạn hai.');
  });

  it('wrapped text (e-mail) is joined into paragraphs; short lines that end there (list, signature) stay lines', () => {
    const text = [
      'Theo báo cáo của Sở Giao thông vận tải, trong năm qua thành phố đã đưa vào',
      'sử dụng 12 công trình giao thông, với tổng vốn hơn 2.000 tỷ đồng.',
      '',
      'Cầu Trần Hoàng Na',
      'Đường Võ Văn Kiệt nối dài',
      '',
      'Trân trọng,',
      'Phòng Thời sự',
    ].join('\n');
    expect(cleanPastedText(text).text.split('\n')).toEqual([
      'Theo báo cáo của Sở Giao thông vận tải, trong năm qua thành phố đã đưa vào sử dụng 12 công trình giao thông, với tổng vốn hơn 2.000 tỷ đồng.',
      'Cầu Trần Hoàng Na',
      'Đường Võ Văn Kiệt nối dài',
      'Trân trọng,',
      'Phòng Thời sự',
    ]);
  });
});
