import type { RoundTripCase } from './case';

const link = (href: string) => ({ type: 'link' as const, attrs: { href } });
const bold = { type: 'bold' as const };
const italic = { type: 'italic' as const };

export const cases: RoundTripCase[] = [
  {
    name: 'links: https, mailto and tel',
    editorHtml:
      '<p><a rel="noopener noreferrer" href="https://cantho.gov.vn/tin?id=1&amp;trang=2">Cổng thông tin</a>, <a rel="noopener noreferrer" href="mailto:toasoan@baocantho.vn">thư</a>, <a rel="noopener noreferrer" href="tel:+842923820000">gọi</a></p>',
    stored: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Cổng thông tin', marks: [link('https://cantho.gov.vn/tin?id=1&trang=2')] },
          { type: 'text', text: ', ' },
          { type: 'text', text: 'thư', marks: [link('mailto:toasoan@baocantho.vn')] },
          { type: 'text', text: ', ' },
          { type: 'text', text: 'gọi', marks: [link('tel:+842923820000')] },
        ],
      },
    ],
    page: '<p><a href="https://cantho.gov.vn/tin?id=1&amp;trang=2">Cổng thông tin</a>, <a href="mailto:toasoan@baocantho.vn">thư</a>, <a href="tel:+842923820000">gọi</a></p>',
  },
  {
    name: 'a link inside bold text',
    editorHtml: '<p><strong>Xem </strong><a rel="noopener noreferrer" href="https://cantho.gov.vn"><strong>cổng thông tin</strong></a><strong> thành phố</strong></p>',
    stored: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Xem ', marks: [bold] },
          { type: 'text', text: 'cổng thông tin', marks: [link('https://cantho.gov.vn'), bold] },
          { type: 'text', text: ' thành phố', marks: [bold] },
        ],
      },
    ],
    page: '<p><strong>Xem </strong><a href="https://cantho.gov.vn"><strong>cổng thông tin</strong></a><strong> thành phố</strong></p>',
  },
  {
    name: 'bold and italic words inside a link',
    editorHtml: '<p><a rel="noopener noreferrer" href="https://cantho.gov.vn"><strong>Sở</strong> Giáo dục <em>Cần Thơ</em></a></p>',
    stored: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Sở', marks: [link('https://cantho.gov.vn'), bold] },
          { type: 'text', text: ' Giáo dục ', marks: [link('https://cantho.gov.vn')] },
          { type: 'text', text: 'Cần Thơ', marks: [link('https://cantho.gov.vn'), italic] },
        ],
      },
    ],
    page: '<p><a href="https://cantho.gov.vn"><strong>Sở</strong> Giáo dục <em>Cần Thơ</em></a></p>',
  },
  {
    name: 'every mark on one run',
    editorHtml: '<p><a rel="noopener noreferrer" href="https://cantho.gov.vn"><strong><em><sub>x</sub></em></strong></a><strong><em><sup>2</sup></em></strong></p>',
    stored: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'x', marks: [link('https://cantho.gov.vn'), bold, italic, { type: 'subscript' }] },
          { type: 'text', text: '2', marks: [bold, italic, { type: 'superscript' }] },
        ],
      },
    ],
    page: '<p><a href="https://cantho.gov.vn"><strong><em><sub>x</sub></em></strong></a><strong><em><sup>2</sup></em></strong></p>',
  },
];
