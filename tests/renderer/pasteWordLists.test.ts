// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { boldTexts, fixture, outline, pasteToBody } from './pasteHelpers';

/**
 * Word's lists reach the clipboard as paragraphs with the bullet or number written in front of the
 * text. Whichever way Word (2010–365, Windows or Mac, Chrome or Safari) marks that marker, it must
 * not stay in the item's text, and the list must number as Word numbered it.
 */
describe('Word lists: the bullet or number never stays in the text', () => {
  it('Word 365 on Windows (marker in a mso-list:Ignore span inside the supportLists conditional; list definitions in the style sheet)', () => {
    const { body, json } = pasteToBody(fixture('word-365-lists.html'));
    expect(outline(body)).toEqual([
      'Các nội dung chính của hội nghị:',
      '• Đánh giá kết quả năm 2026',
      '  • Thu ngân sách vượt 8% dự toán',
      '  • Giải ngân đầu tư công đạt 95%',
      '    • Trong đó vốn ODA đạt 90%',
      '• Triển khai nhiệm vụ năm 2027',
      'Các bước thực hiện:',
      '1. Rà soát hồ sơ tồn đọng',
      '  a. Hồ sơ đất đai',
      '  b. Hồ sơ xây dựng',
      '    i. Nhà ở riêng lẻ',
      '    ii. Công trình công cộng',
      '2. Công khai kết quả trên cổng thông tin',
      'Ý kiến đại biểu tập trung vào hai vấn đề.',
      // The list goes on after a paragraph: it starts at 3.
      '3. Báo cáo Thành ủy trước ngày 15/12',
      'A. Khối phường',
      'B. Khối xã',
      'I. Phần mở đầu',
      'II. Phần nội dung',
      // Ordinary paragraphs keep a number or dash they start with.
      '1. Đoạn văn này bắt đầu bằng số nhưng không phải danh sách.',
      '- Gạch đầu dòng gõ tay cũng giữ nguyên.',
    ]);
    expect(boldTexts(body)).toEqual(['Triển khai']);
    expect(json).not.toMatch(/supportLists|endif|mso|Ignore|·|§/);
  });

  it('Word 2010 on Windows (marker inside the conditional without a mso-list:Ignore span; no list definitions)', () => {
    const { body, json } = pasteToBody(fixture('word-2010-lists.html'));
    expect(outline(body)).toEqual([
      'Chương trình gồm các phần sau:',
      '• Mục thứ nhất',
      '• Mục thứ hai',
      '  • Ý kiến của cử tri',
      '  • Trả lời của lãnh đạo',
      '• Mục thứ ba (quan trọng)',
      'Đã hoàn thành:',
      '• Sửa đường Trần Hưng Đạo',
      '  • Đoạn từ cầu Cái Khế',
      '  • Đoạn qua chợ',
      'Các bước:',
      '1. Nộp hồ sơ',
      '  a. Bản chính',
      '  b. Bản sao',
      '2. Nhận kết quả',
      'Tiếp theo danh sách trước:',
      'c. Phường An Hòa',
      'd. Phường Cái Khế',
      'i. Quý một',
      'ii. Quý hai',
      'iii. Quý ba',
      '- Dòng này gõ tay dấu gạch, không phải danh sách.',
    ]);
    expect(boldTexts(body)).toEqual(['Mục thứ ba']);
    expect(json).not.toMatch(/Ø|ü"|·/);
  });

  it('Word 2016 for Mac in Safari (<!--[if !supportLists]--> comments, plain spaces, no <body>)', () => {
    const { body } = pasteToBody(fixture('word-mac-safari-lists.html'));
    expect(outline(body)).toEqual([
      'Những điểm mới của nghị quyết:',
      '• Tăng mức hỗ trợ học phí',
      '  a. Mầm non',
      '  b. Phổ thông',
      '• Mở rộng đối tượng',
      '4. Điều khoản thi hành',
      '  • Hiệu lực từ ngày 01/01/2027',
      '5. Trách nhiệm thi hành',
    ]);
    expect(boldTexts(body)).toEqual(['Trách nhiệm']);
  });

  it('Word 2011 for Mac (marker in the conditional, no Ignore span, indents in inches)', () => {
    const { body } = pasteToBody(fixture('word-mac-2011-lists.html'));
    expect(outline(body)).toEqual([
      'Lịch tiếp công dân trong tuần:',
      '• Thứ Hai: Chủ tịch UBND quận',
      '  • Buổi sáng tại trụ sở',
      '• Thứ Tư: Phó Chủ tịch phụ trách đô thị',
      '1. Đăng ký trước',
      '2. Mang theo giấy tờ tùy thân',
    ]);
  });

  it('markers without the conditional: an Ignore span, a Symbol/Wingdings span, plain text and no-break spaces, filtered HTML, List Bullet style, picture bullets', () => {
    const { body } = pasteToBody(fixture('word-list-text-markers.html'));
    expect(outline(body)).toEqual([
      'Thời gian tiếp nhận:',
      '• Buổi sáng từ 7 giờ',
      '• Buổi chiều từ 13 giờ 30',
      'Hồ sơ gồm:',
      '• Đơn đề nghị',
      '  • Theo mẫu số 01',
      '• Bản sao căn cước',
      'Trình tự:',
      '1. Nộp hồ sơ',
      '  a. Trực tiếp',
      '  b. Qua bưu điện',
      '2. Nhận kết quả',
      '• Lệ phí: miễn phí',
      'Đối tượng:',
      '• Hộ nghèo',
      '  • Có giấy chứng nhận',
      '• Hộ cận nghèo',
      'Ghi chú: danh sách do phường lập.',
      '• Theo kiểu List Bullet',
      '• Dấu đầu dòng bằng hình',
      '1. Đoạn thường bắt đầu bằng số vẫn giữ số.',
      '- Đoạn thường bắt đầu bằng gạch vẫn giữ gạch.',
      'a) Đoạn thường bắt đầu bằng chữ vẫn giữ chữ.',
    ]);
  });
});

/** The ways Word writes one list paragraph's marker (font: the font Word sets the marker in). */
const WAYS: Record<string, (marker: string, font: string) => string> = {
  'conditional + Ignore span (Word 2013–365)': (marker, font) =>
    `<![if !supportLists]><span style='font-family:${font}'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>`,
  'conditional only (Word 2010, Word 2011 for Mac)': (marker, font) =>
    `<![if !supportLists]><span style='font-family:${font}'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>`,
  'comment conditional (Safari)': (marker, font) =>
    `<!--[if !supportLists]--><span style="font-family:${font}"><span style="mso-list:Ignore">${marker}<span style="font:7.0pt &quot;Times New Roman&quot;">     </span></span></span><!--[endif]-->`,
  'Ignore span only': (marker, font) => `<span style='font-family:${font}'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span>`,
  'marker in its own span': (marker, font) => `<span style='font-family:${font}'>${marker}</span><span style='font-size:7.0pt'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>`,
  'plain text and no-break spaces': (marker) => `${marker}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; `,
};

/** Markers, the font Word sets them in, and the list they make: what the first item shows. */
const MARKERS: Array<[marker: string, font: string, first: string]> = [
  ['·', 'Symbol', '•'],
  ['&#xF0B7;', 'Symbol', '•'],
  ['o', '"Courier New"', '•'],
  ['§', 'Wingdings', '•'],
  ['Ø', 'Wingdings', '•'],
  ['ü', 'Wingdings', '•'],
  ['-', '"Times New Roman"', '•'],
  ['–', '"Times New Roman"', '•'],
  ['•', 'Arial', '•'],
  ['1.', '"Times New Roman"', '1.'],
  ['1)', '"Times New Roman"', '1.'],
  ['(1)', '"Times New Roman"', '1.'],
  ['12.', '"Times New Roman"', '12.'],
  ['a.', '"Times New Roman"', 'a.'],
  ['a)', '"Times New Roman"', 'a.'],
  ['(a)', '"Times New Roman"', 'a.'],
  ['c)', '"Times New Roman"', 'c.'],
  ['A.', '"Times New Roman"', 'A.'],
  ['i.', '"Times New Roman"', 'i.'],
  ['ii)', '"Times New Roman"', 'ii.'],
  ['I.', '"Times New Roman"', 'I.'],
  ['IV.', '"Times New Roman"', 'IV.'],
];

const CASES = Object.entries(WAYS).flatMap(([way, write]) => MARKERS.map(([marker, font, first]) => [way, marker, font, first, write] as const));

describe('every way Word writes a marker × every kind of marker', () => {
  it.each(CASES)('%s: %s', (_way, marker, font, first, write) => {
    const html = `<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>${write(marker, font)}<span lang=VI>Nội dung mục</span></p>`;
    expect(outline(pasteToBody(html).body)).toEqual([`${first} Nội dung mục`]);
  });

  it.each(MARKERS)('a paragraph that is not a Word list item keeps its text: %s', (marker) => {
    const html = `<p class=MsoNormal>${marker}&nbsp;&nbsp;&nbsp; Nội dung đoạn</p>`;
    const kept = new DOMParser().parseFromString(marker, 'text/html').body.textContent;
    const { body } = pasteToBody(html);
    expect(body.content.map((block) => block.type)).toEqual(['paragraph']);
    expect(outline(body)).toEqual([`${kept} Nội dung đoạn`]);
  });

  it('nested levels follow mso-list levels, numbering restarts per level, a list goes on from where it stopped', () => {
    const item = (level: number, marker: string, text: string) =>
      `<p class=MsoListParagraphCxSpMiddle style='margin-left:${36 * level}.0pt;text-indent:-18.0pt;mso-list:l0 level${level} lfo1'><![if !supportLists]><span><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>${text}</p>`;
    const html = [
      item(1, '1.', 'Một'),
      item(2, 'a.', 'Một a'),
      item(3, 'i.', 'Một a i'),
      item(3, 'ii.', 'Một a ii'),
      item(2, 'b.', 'Một b'),
      item(1, '2.', 'Hai'),
      '<p class=MsoNormal>Đoạn xen giữa</p>',
      item(1, '3.', 'Ba'),
      item(2, 'a.', 'Ba a'),
    ].join('\n');
    expect(outline(pasteToBody(html).body)).toEqual([
      '1. Một',
      '  a. Một a',
      '    i. Một a i',
      '    ii. Một a ii',
      '  b. Một b',
      '2. Hai',
      'Đoạn xen giữa',
      '3. Ba',
      '  a. Ba a',
    ]);
  });

  it('Word’s list definitions settle what a marker alone cannot: "v." in a roman list is 5, "I." in a lettered list the ninth letter', () => {
    const style = `<style><!-- @list l0:level1 {mso-level-number-format:roman-lower; mso-level-tab-stop:none;} @list l1:level1 {mso-level-number-format:alpha-upper;} --></style>`;
    const item = (list: string, marker: string, text: string) =>
      `<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:${list} level1 lfo1'><![if !supportLists]><span><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>${text}</p>`;
    const { body } = pasteToBody(`<html><head>${style}</head><body>${item('l0', 'v.', 'Năm')}<p class=MsoNormal>Xen</p>${item('l1', 'I.', 'Chín')}</body></html>`);
    expect(body.content.map((block) => ('attrs' in block ? block.attrs : null))).toEqual([{ start: 5, type: 'i' }, null, { start: 9, type: 'A' }]);
  });

  it('a numbered heading keeps its number as text (an article heading is not a list item)', () => {
    const html = `<h1 style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span></span><![endif]>Bối cảnh</h1><h2 style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span></span><![endif]>Diễn biến</h2>`;
    expect(outline(pasteToBody(html).body)).toEqual(['## 1. Bối cảnh', '## Diễn biến']);
  });
});
