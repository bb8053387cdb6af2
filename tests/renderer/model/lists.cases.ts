import { p, type RoundTripCase } from './case';

const item = (text: string) => ({ type: 'listItem' as const, content: [p(text)] as [ReturnType<typeof p>] });

export const cases: RoundTripCase[] = [
  {
    name: 'a bulleted list',
    editorHtml: '<ul><li><p>Tủ sách cộng đồng</p></li><li><p>Lớp học tiếng Anh miễn phí</p></li></ul>',
    stored: [{ type: 'bulletList', content: [item('Tủ sách cộng đồng'), item('Lớp học tiếng Anh miễn phí')] }],
    page: '<ul><li><p>Tủ sách cộng đồng</p></li><li><p>Lớp học tiếng Anh miễn phí</p></li></ul>',
  },
  {
    name: 'a numbered list from 1',
    editorHtml: '<ol><li><p>Bước một</p></li><li><p>Bước hai</p></li></ol>',
    stored: [{ type: 'orderedList', content: [item('Bước một'), item('Bước hai')] }],
    page: '<ol><li><p>Bước một</p></li><li><p>Bước hai</p></li></ol>',
  },
  {
    name: 'a numbered list starting at 3',
    editorHtml: '<ol start="3"><li><p>Bước ba</p></li></ol>',
    stored: [{ type: 'orderedList', attrs: { start: 3 }, content: [item('Bước ba')] }],
    page: '<ol start="3"><li><p>Bước ba</p></li></ol>',
  },
  {
    name: 'a numbered list starting at 0',
    editorHtml: '<ol start="0"><li><p>Bước không</p></li></ol>',
    stored: [{ type: 'orderedList', attrs: { start: 0 }, content: [item('Bước không')] }],
    page: '<ol start="0"><li><p>Bước không</p></li></ol>',
  },
  {
    name: 'a list lettered a, b, c from d',
    editorHtml: '<ol start="4" type="a"><li><p>Điểm d</p></li></ol>',
    stored: [{ type: 'orderedList', attrs: { start: 4, type: 'a' }, content: [item('Điểm d')] }],
    page: '<ol start="4" type="a"><li><p>Điểm d</p></li></ol>',
  },
  {
    name: 'lists in Roman numerals and capitals',
    editorHtml: '<ol type="I"><li><p>Phần I</p></li></ol><ol type="A"><li><p>Mục A</p></li></ol><ol type="i"><li><p>Ý i</p></li></ol>',
    stored: [
      { type: 'orderedList', attrs: { type: 'I' }, content: [item('Phần I')] },
      { type: 'orderedList', attrs: { type: 'A' }, content: [item('Mục A')] },
      { type: 'orderedList', attrs: { type: 'i' }, content: [item('Ý i')] },
    ],
    page: '<ol type="I"><li><p>Phần I</p></li></ol>\n<ol type="A"><li><p>Mục A</p></li></ol>\n<ol type="i"><li><p>Ý i</p></li></ol>',
  },
  {
    name: 'a list nested in a list item',
    editorHtml: '<ul><li><p>Quận Ninh Kiều</p><ol><li><p>Phường Cái Khế</p></li><li><p>Phường An Hòa</p></li></ol></li></ul>',
    stored: [
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [p('Quận Ninh Kiều'), { type: 'orderedList', content: [item('Phường Cái Khế'), item('Phường An Hòa')] }] }],
      },
    ],
    page: '<ul><li><p>Quận Ninh Kiều</p><ol><li><p>Phường Cái Khế</p></li><li><p>Phường An Hòa</p></li></ol></li></ul>',
  },
];
