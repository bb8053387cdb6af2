import type { RoundTripCase } from './case';

const bold = { type: 'bold' as const };
const italic = { type: 'italic' as const };

export const cases: RoundTripCase[] = [
  {
    name: 'bold and italic',
    editorHtml: '<p><strong>đậm</strong> và <em>nghiêng</em></p>',
    stored: [{ type: 'paragraph', content: [{ type: 'text', text: 'đậm', marks: [bold] }, { type: 'text', text: ' và ' }, { type: 'text', text: 'nghiêng', marks: [italic] }] }],
    page: '<p><strong>đậm</strong> và <em>nghiêng</em></p>',
  },
  {
    name: 'nested marks: bold italic, inside and across',
    editorHtml: '<p><strong>Sở <em>Giáo dục</em></strong><em> và Đào tạo</em></p>',
    stored: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Sở ', marks: [bold] },
          { type: 'text', text: 'Giáo dục', marks: [bold, italic] },
          { type: 'text', text: ' và Đào tạo', marks: [italic] },
        ],
      },
    ],
    page: '<p><strong>Sở <em>Giáo dục</em></strong><em> và Đào tạo</em></p>',
  },
];
