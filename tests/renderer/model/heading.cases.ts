import type { RoundTripCase } from './case';

export const cases: RoundTripCase[] = [
  {
    name: 'a sub-heading (h2)',
    editorHtml: '<h2>Kết quả nổi bật</h2>',
    stored: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Kết quả nổi bật' }] }],
    page: '<h2>Kết quả nổi bật</h2>',
  },
  {
    name: 'a smaller heading (h3) with italic inside',
    editorHtml: '<h3>Mô hình <em>“Gia đình học tập”</em></h3>',
    stored: [
      {
        type: 'heading',
        attrs: { level: 3 },
        content: [
          { type: 'text', text: 'Mô hình ' },
          { type: 'text', text: '“Gia đình học tập”', marks: [{ type: 'italic' }] },
        ],
      },
    ],
    page: '<h3>Mô hình <em>“Gia đình học tập”</em></h3>',
  },
];
