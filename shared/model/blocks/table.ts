import { z } from 'zod';
import { blockMarksField } from '../marks/suggestion';
import { paragraphOf, paragraphSchema, type Paragraph } from './paragraph';
import type { BlockSpec, CanonicalContext, Json, RenderContext, StoredNode } from './spec';

export const TABLE_LIMITS = { cells: 50, rows: 1000, paragraphs: 200 } as const;

export const CELL_ALIGNS = ['left', 'center', 'right'] as const;
const cellContent = z.array(paragraphSchema).min(1).max(TABLE_LIMITS.paragraphs);
/** How the cell's text is aligned (numbers are often set right); absent: as the page sets it. */
const cellAttrs = z.strictObject({ align: z.enum(CELL_ALIGNS) }).optional();
export const tableCellSchema = z.strictObject({ type: z.literal('tableCell'), marks: blockMarksField, attrs: cellAttrs, content: cellContent });
export const tableHeaderSchema = z.strictObject({ type: z.literal('tableHeader'), marks: blockMarksField, attrs: cellAttrs, content: cellContent });
export const tableRowSchema = z.strictObject({
  type: z.literal('tableRow'),
  marks: blockMarksField,
  content: z.array(z.union([tableCellSchema, tableHeaderSchema])).min(1).max(TABLE_LIMITS.cells),
});
export const tableSchema = z.strictObject({ type: z.literal('table'), marks: blockMarksField, content: z.array(tableRowSchema).min(1).max(TABLE_LIMITS.rows) });
export type TableCell = z.output<typeof tableCellSchema>;
export type TableHeader = z.output<typeof tableHeaderSchema>;
export type TableRow = z.output<typeof tableRowSchema>;
export type Table = z.output<typeof tableSchema>;

function renderCell(cell: TableCell | TableHeader, scope: 'col' | 'row' | null, cx: RenderContext): string {
  const tag = cell.type === 'tableHeader' ? 'th' : 'td';
  const attrs = `${tag === 'th' && scope ? ` scope="${scope}"` : ''}${cell.attrs ? ` class="align-${cell.attrs.align}"` : ''}`;
  return `<${tag}${attrs}>${cx.blocks(cell.content)}</${tag}>`;
}

/**
 * A cell (or header cell): paragraphs, aligned left, centre or right. Tables are simple: a cell
 * merged over several columns is split back into one cell and empty ones (so columns stay
 * aligned), over several rows into one cell; column widths are the page's to set. Each is
 * reported.
 */
function cellSpec<T extends 'tableCell' | 'tableHeader'>(type: T, schema: z.ZodType<TableCell | TableHeader, unknown>): BlockSpec<TableCell | TableHeader> {
  return {
    type,
    schema,
    canonical(json, cx) {
      const blocks = cx.blocks(json.content, ['paragraph']) as Paragraph[];
      const align = json.attrs?.align;
      const aligned = (CELL_ALIGNS as readonly unknown[]).includes(align);
      if (align !== undefined && align !== null && !aligned) cx.note('attr', `${type}.align`);
      if (json.attrs?.colwidth !== undefined && json.attrs.colwidth !== null) cx.note('attr', `${type}.colwidth`);
      const cell = { type, ...(aligned ? { attrs: { align } } : {}), content: blocks.length ? blocks : [paragraphOf([])] };
      const span = (name: 'colspan' | 'rowspan') => {
        const value = json.attrs?.[name];
        return typeof value === 'number' && Number.isInteger(value) && value > 1 ? Math.min(value, TABLE_LIMITS.cells) : 1;
      };
      if (span('rowspan') > 1) cx.note('attr', `${type}.rowspan`);
      const colspan = span('colspan');
      if (colspan > 1) cx.note('attr', `${type}.colspan`);
      return [cell, ...Array.from({ length: colspan - 1 }, () => ({ type, content: [paragraphOf([])] }))];
    },
    render: (node, cx) => renderCell(node, null, cx),
    plainText: (node, cx) => cx.blocks(node.content),
  };
}

export const tableCell = cellSpec('tableCell', tableCellSchema);
export const tableHeader = cellSpec('tableHeader', tableHeaderSchema);

/** Loose paragraphs where cells or rows belong (a foreign table) are wrapped, never dropped. */
const asCell = (node: StoredNode): StoredNode => (node.type === 'paragraph' ? { type: 'tableCell', content: [node] } : node);

export const tableRow: BlockSpec<TableRow> = {
  type: 'tableRow',
  schema: tableRowSchema,
  canonical(json, cx) {
    const content = cx.blocks(json.content, ['tableCell', 'tableHeader', 'paragraph']).map(asCell) as TableRow['content'];
    return content.length ? [{ type: 'tableRow', content }] : [];
  },
  render: (node, cx) => `<tr>${cx.blocks(node.content)}</tr>`,
  plainText: (node, cx) => cx.blocks(node.content),
};

const isHeaderRow = (row: TableRow) => row.content.every((cell) => cell.type === 'tableHeader');

function renderRow(row: TableRow, scope: 'col' | 'row', cx: RenderContext): string {
  return `<tr>${row.content.map((cell) => renderCell(cell, scope, cx)).join('')}</tr>`;
}

/**
 * A simple table: rows of cells holding paragraphs. A first row of header cells is the table's
 * head (<thead>, each <th scope="col">); a header cell further down heads its row.
 */
export const table: BlockSpec<Table> = {
  type: 'table',
  schema: tableSchema,
  canonical(json: Json, cx: CanonicalContext) {
    const rows = cx.blocks(json.content, ['tableRow', 'paragraph']).map((node) =>
      node.type === 'paragraph' ? { type: 'tableRow', content: [asCell(node)] } : node,
    ) as TableRow[];
    return rows.length ? [{ type: 'table', content: rows }] : [];
  },
  render(node, cx) {
    const [first, ...rest] = node.content;
    const head = first && isHeaderRow(first) && rest.length > 0;
    const body = (head ? rest : node.content).map((row) => renderRow(row, 'row', cx)).join('');
    return `<table>${head ? `<thead>${renderRow(first, 'col', cx)}</thead>` : ''}<tbody>${body}</tbody></table>`;
  },
  plainText: (node, cx) => cx.blocks(node.content),
};
