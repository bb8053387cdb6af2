import type { RoundTripCase } from './case';

const ins = (id: string) => ({ type: 'insertion' as const, attrs: { id } });
const del = (id: string) => ({ type: 'deletion' as const, attrs: { id } });
const bold = { type: 'bold' as const };

export const cases: RoundTripCase[] = [
  {
    name: 'a word suggested in, another suggested out (suggestion mode)',
    editorHtml: '<p>Tin <ins data-id="&quot;p-1:1&quot;">nóng </ins><del data-id="&quot;p-1:2&quot;">cũ</del> hôm nay</p>',
    stored: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Tin ' },
          { type: 'text', text: 'nóng ', marks: [ins('p-1:1')] },
          { type: 'text', text: 'cũ', marks: [del('p-1:2')] },
          { type: 'text', text: ' hôm nay' },
        ],
      },
    ],
    page: '<p>Tin <ins class="suggestion" data-suggestion="p-1:1">nóng </ins><del class="suggestion" data-suggestion="p-1:2">cũ</del> hôm nay</p>',
  },
  {
    name: 'bold suggested on a word (a formatting suggestion)',
    editorHtml:
      '<p>Giá <span data-type="modification" data-id="&quot;p-2:1&quot;" data-mod-type="&quot;mark&quot;" data-mod-attr="null" data-mod-prev="null" data-mod-new="{&quot;type&quot;:&quot;bold&quot;}"><strong>tăng</strong></span></p>',
    stored: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Giá ' },
          {
            type: 'text',
            text: 'tăng',
            marks: [{ type: 'modification', attrs: { id: 'p-2:1', type: 'mark', attrName: null, previousValue: null, newValue: { type: 'bold' } } }, bold],
          },
        ],
      },
    ],
    page: '<p>Giá <span class="suggestion suggested-format" data-suggestion="p-2:1"><strong>tăng</strong></span></p>',
  },
];
