import { p, type RoundTripCase } from './case';

export const cases: RoundTripCase[] = [
  {
    name: 'a quotation of two paragraphs',
    editorHtml: '<blockquote><p>“Học tập là việc cả đời”, ông Đức nói.</p><p>Ông nói thêm.</p></blockquote>',
    stored: [{ type: 'blockquote', content: [p('“Học tập là việc cả đời”, ông Đức nói.'), p('Ông nói thêm.')] }],
    page: '<blockquote><p>“Học tập là việc cả đời”, ông Đức nói.</p><p>Ông nói thêm.</p></blockquote>',
  },
];
