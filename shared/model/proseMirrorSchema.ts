import { Schema, type MarkSpec as PmMarkSpec, type NodeSpec } from '@tiptap/pm/model';
import { deletion, insertion, modification } from '@handlewithcare/prosemirror-suggest-changes';

/**
 * The body's ProseMirror schema, for the work on bodies that needs ProseMirror outside the
 * editor (reading a body as if its suggested edits were rejected, in the main process as in the
 * renderer). It is the editor's schema (renderer/editor/model/ through Tiptap) restated without
 * the DOM: tests/renderer/model/proseMirrorSchema.test.ts checks that every node's content,
 * group and attributes and every mark agree.
 */

/** Marks a block may carry (suggested edits of the whole block); containers allow them on their children. */
export const BLOCK_MARKS = 'insertion deletion modification';

const cellAttrs = { colspan: { default: 1 }, rowspan: { default: 1 }, colwidth: { default: null }, align: { default: null } };

const nodes: Record<string, NodeSpec> = {
  paragraph: { content: 'inline*', group: 'block' },
  doc: { content: 'block+', marks: BLOCK_MARKS },
  heading: { content: 'inline*', group: 'block', defining: true, attrs: { level: { default: 1 } } },
  blockquote: { content: 'paragraph+', group: 'block', defining: true, marks: BLOCK_MARKS },
  pullQuote: { content: 'paragraph+', group: 'block', defining: true, attrs: { cite: { default: '' } }, marks: BLOCK_MARKS },
  bulletList: { content: 'listItem+', group: 'block list', marks: BLOCK_MARKS },
  orderedList: { content: 'listItem+', group: 'block list', attrs: { start: { default: 1 }, type: { default: null } }, marks: BLOCK_MARKS },
  listItem: { content: 'paragraph (bulletList | orderedList)*', defining: true, marks: BLOCK_MARKS },
  figure: { group: 'block', atom: true, attrs: { assetId: { default: '' }, alt: { default: '' }, caption: { default: '' }, credit: { default: '' } } },
  table: { content: 'tableRow+', group: 'block', isolating: true, tableRole: 'table', marks: BLOCK_MARKS },
  tableRow: { content: '(tableCell | tableHeader)*', tableRole: 'row', marks: BLOCK_MARKS },
  tableHeader: { content: 'paragraph+', isolating: true, tableRole: 'header_cell', attrs: cellAttrs, marks: BLOCK_MARKS },
  tableCell: { content: 'paragraph+', isolating: true, tableRole: 'cell', attrs: cellAttrs, marks: BLOCK_MARKS },
  horizontalRule: { group: 'block' },
  text: { group: 'inline' },
  hardBreak: { group: 'inline', inline: true },
};

const marks: Record<string, PmMarkSpec> = {
  insertion,
  deletion,
  modification,
  link: { inclusive: false, attrs: { href: { default: null }, target: { default: null }, rel: { default: 'noopener noreferrer' }, class: { default: null }, title: { default: null } } },
  bold: {},
  italic: {},
  subscript: {},
  superscript: {},
};

export const bodyProseMirrorSchema = new Schema({ nodes, marks, topNode: 'doc' });
