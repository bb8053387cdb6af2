import type { RoundTripCase } from './case';

export const cases: RoundTripCase[] = [
  {
    name: 'subscript and superscript',
    editorHtml: '<p>CO<sub>2</sub> trên 1.000 m<sup>2</sup></p>',
    stored: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'CO' },
          { type: 'text', text: '2', marks: [{ type: 'subscript' }] },
          { type: 'text', text: ' trên 1.000 m' },
          { type: 'text', text: '2', marks: [{ type: 'superscript' }] },
        ],
      },
    ],
    page: '<p>CO<sub>2</sub> trên 1.000 m<sup>2</sup></p>',
  },
];
