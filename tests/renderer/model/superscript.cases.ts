import type { RoundTripCase } from './case';

export const cases: RoundTripCase[] = [
  {
    name: 'a superscript ordinal and a footnote mark',
    editorHtml: '<p>Thế kỷ XX<sup>1</sup> và 25 km<sup>2</sup></p>',
    stored: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Thế kỷ XX' },
          { type: 'text', text: '1', marks: [{ type: 'superscript' }] },
          { type: 'text', text: ' và 25 km' },
          { type: 'text', text: '2', marks: [{ type: 'superscript' }] },
        ],
      },
    ],
    page: '<p>Thế kỷ XX<sup>1</sup> và 25 km<sup>2</sup></p>',
  },
];
