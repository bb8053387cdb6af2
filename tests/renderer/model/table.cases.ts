import { p, type RoundTripCase } from './case';

const cell = (type: 'tableCell' | 'tableHeader', text: string, align?: 'left' | 'center' | 'right') => ({
  type,
  ...(align ? { attrs: { align } } : {}),
  content: [p(text)],
});

export const cases: RoundTripCase[] = [
  {
    name: 'a table with a header row',
    editorHtml:
      '<table style="min-width: 50px;"><colgroup><col style="min-width: 25px;"><col style="min-width: 25px;"></colgroup><tbody>' +
      '<tr><th colspan="1" rowspan="1"><p>Quận</p></th><th colspan="1" rowspan="1"><p>Số lớp</p></th></tr>' +
      '<tr><td colspan="1" rowspan="1"><p>Ninh Kiều</p></td><td colspan="1" rowspan="1"><p>42</p></td></tr>' +
      '</tbody></table>',
    stored: [
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Quận'), cell('tableHeader', 'Số lớp')] },
          { type: 'tableRow', content: [cell('tableCell', 'Ninh Kiều'), cell('tableCell', '42')] },
        ],
      },
    ],
    page: '<table><thead><tr><th scope="col"><p>Quận</p></th><th scope="col"><p>Số lớp</p></th></tr></thead><tbody><tr><td><p>Ninh Kiều</p></td><td><p>42</p></td></tr></tbody></table>',
  },
  {
    name: 'a table whose rows have header cells, numbers set right and centred',
    editorHtml:
      '<table style="min-width: 50px;"><colgroup><col style="min-width: 25px;"><col style="min-width: 25px;"></colgroup><tbody>' +
      '<tr><th colspan="1" rowspan="1"><p>Cái Răng</p></th><td colspan="1" rowspan="1" style="text-align: right;"><p>1.250</p></td></tr>' +
      '<tr><th colspan="1" rowspan="1" style="text-align: center;"><p>Bình Thủy</p></th><td colspan="1" rowspan="1" style="text-align: left;"><p>980</p></td></tr>' +
      '</tbody></table>',
    stored: [
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Cái Răng'), cell('tableCell', '1.250', 'right')] },
          { type: 'tableRow', content: [cell('tableHeader', 'Bình Thủy', 'center'), cell('tableCell', '980', 'left')] },
        ],
      },
    ],
    page:
      '<table><tbody><tr><th scope="row"><p>Cái Răng</p></th><td class="align-right"><p>1.250</p></td></tr>' +
      '<tr><th scope="row" class="align-center"><p>Bình Thủy</p></th><td class="align-left"><p>980</p></td></tr></tbody></table>',
  },
];
