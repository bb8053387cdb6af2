import type { RoundTripCase } from './case';

export const cases: RoundTripCase[] = [
  {
    name: 'a line break in a paragraph',
    editorHtml: '<p>Dòng một<br>dòng hai.</p>',
    stored: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dòng một' }, { type: 'hardBreak' }, { type: 'text', text: 'dòng hai.' }] }],
    page: '<p>Dòng một<br>dòng hai.</p>',
  },
  {
    name: 'a line break inside bold text',
    editorHtml: '<p><strong>Hộp thư<br>bạn đọc</strong></p>',
    stored: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Hộp thư', marks: [{ type: 'bold' }] },
          { type: 'hardBreak', marks: [{ type: 'bold' }] },
          { type: 'text', text: 'bạn đọc', marks: [{ type: 'bold' }] },
        ],
      },
    ],
    page: '<p><strong>Hộp thư<br>bạn đọc</strong></p>',
  },
];
