import { p, type RoundTripCase } from './case';

export const cases: RoundTripCase[] = [
  {
    name: 'a separator between two parts',
    editorHtml: '<p>Phần một.</p><hr><p>Phần hai.</p>',
    stored: [p('Phần một.'), { type: 'horizontalRule' }, p('Phần hai.')],
    page: '<p>Phần một.</p>\n<hr>\n<p>Phần hai.</p>',
  },
];
