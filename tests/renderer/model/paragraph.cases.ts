import { p, type RoundTripCase } from './case';

export const cases: RoundTripCase[] = [
  {
    name: 'a paragraph of Vietnamese text',
    editorHtml: '<p>Sáng 27/11, UBND quận Ninh Kiều tổ chức hội nghị.</p>',
    stored: [p('Sáng 27/11, UBND quận Ninh Kiều tổ chức hội nghị.')],
    page: '<p>Sáng 27/11, UBND quận Ninh Kiều tổ chức hội nghị.</p>',
  },
  {
    name: 'an empty paragraph between two',
    editorHtml: '<p>Trên</p><p></p><p>Dưới</p>',
    stored: [p('Trên'), { type: 'paragraph' }, p('Dưới')],
    page: '<p>Trên</p>\n<p></p>\n<p>Dưới</p>',
  },
  {
    name: 'text that must be escaped on the page',
    editorHtml: '<p>Giá "lúa" &amp; &lt;gạo&gt; \'tăng\'</p>',
    stored: [p('Giá "lúa" & <gạo> \'tăng\'')],
    page: '<p>Giá &quot;lúa&quot; &amp; &lt;gạo&gt; &#39;tăng&#39;</p>',
  },
];
