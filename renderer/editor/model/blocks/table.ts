import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';

/** Twin of shared/model/blocks/table.ts: a simple table whose cells hold paragraphs. */
export const table = [
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader.extend({ content: 'paragraph+' }),
  TableCell.extend({ content: 'paragraph+' }),
];
