import type { RoundTripCase } from './case';

export const cases: RoundTripCase[] = [
  {
    name: 'italic for a title quoted in the text',
    editorHtml: '<p>Vở cải lương <em>Tô Ánh Nguyệt</em> được diễn lại.</p>',
    stored: [{ type: 'paragraph', content: [{ type: 'text', text: 'Vở cải lương ' }, { type: 'text', text: 'Tô Ánh Nguyệt', marks: [{ type: 'italic' }] }, { type: 'text', text: ' được diễn lại.' }] }],
    page: '<p>Vở cải lương <em>Tô Ánh Nguyệt</em> được diễn lại.</p>',
  },
];
