import { z } from 'zod';
import { href, text } from './fields';

/**
 * The article body: the editor's structured document (ProseMirror/Tiptap JSON), restricted to
 * the article blocks of DESIGN.md. Raw HTML never appears here.
 */

export type Mark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'subscript' }
  | { type: 'superscript' }
  | { type: 'link'; attrs: { href: string } };

export type Inline = { type: 'text'; text: string; marks?: Mark[] } | { type: 'hardBreak' };

export interface Paragraph {
  type: 'paragraph';
  content?: Inline[];
}
export interface Heading {
  type: 'heading';
  attrs: { level: 2 | 3 };
  content?: Inline[];
}
export interface Blockquote {
  type: 'blockquote';
  content: Paragraph[];
}
export interface PullQuote {
  type: 'pullQuote';
  attrs?: { cite?: string };
  content: Paragraph[];
}
export interface ListItem {
  type: 'listItem';
  content: Array<Paragraph | BulletList | OrderedList>;
}
export interface BulletList {
  type: 'bulletList';
  content: ListItem[];
}
export interface OrderedList {
  type: 'orderedList';
  attrs?: { start?: number };
  content: ListItem[];
}
export interface Figure {
  type: 'figure';
  attrs: { assetId: string; alt: string; caption: string; credit: string };
}
export interface TableCell {
  type: 'tableCell' | 'tableHeader';
  content: Paragraph[];
}
export interface TableRow {
  type: 'tableRow';
  content: TableCell[];
}
export interface Table {
  type: 'table';
  content: TableRow[];
}
export interface HorizontalRule {
  type: 'horizontalRule';
}

export type Block =
  | Paragraph
  | Heading
  | Blockquote
  | PullQuote
  | BulletList
  | OrderedList
  | Figure
  | Table
  | HorizontalRule;

export interface BodyDoc {
  type: 'doc';
  content: Block[];
}

const MAX_TEXT_NODE = 100_000;
const MAX_CHILDREN = 20_000;

const markSchema: z.ZodType<Mark> = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  z.strictObject({ type: z.literal('subscript') }),
  z.strictObject({ type: z.literal('superscript') }),
  z.strictObject({ type: z.literal('link'), attrs: z.strictObject({ href }) }),
]);

const inlineSchema: z.ZodType<Inline> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    text: text(MAX_TEXT_NODE).pipe(z.string().min(1)),
    marks: z.array(markSchema).max(5).optional(),
  }),
  z.strictObject({ type: z.literal('hardBreak') }),
]);

const inlineContent = z.array(inlineSchema).max(MAX_CHILDREN).optional();

const paragraphSchema: z.ZodType<Paragraph> = z.strictObject({
  type: z.literal('paragraph'),
  content: inlineContent,
});

const headingSchema: z.ZodType<Heading> = z.strictObject({
  type: z.literal('heading'),
  attrs: z.strictObject({ level: z.union([z.literal(2), z.literal(3)]) }),
  content: inlineContent,
});

const paragraphs = z.array(paragraphSchema).min(1).max(MAX_CHILDREN);

const listItemSchema: z.ZodType<ListItem> = z.lazy(() =>
  z.strictObject({
    type: z.literal('listItem'),
    content: z.array(z.union([paragraphSchema, bulletListSchema, orderedListSchema])).min(1).max(MAX_CHILDREN),
  }),
);

const bulletListSchema: z.ZodType<BulletList> = z.lazy(() =>
  z.strictObject({ type: z.literal('bulletList'), content: z.array(listItemSchema).min(1).max(MAX_CHILDREN) }),
);

const orderedListSchema: z.ZodType<OrderedList> = z.lazy(() =>
  z.strictObject({
    type: z.literal('orderedList'),
    attrs: z.strictObject({ start: z.number().int().min(0).max(100_000).optional() }).optional(),
    content: z.array(listItemSchema).min(1).max(MAX_CHILDREN),
  }),
);

const tableCellSchema: z.ZodType<TableCell> = z.strictObject({
  type: z.union([z.literal('tableCell'), z.literal('tableHeader')]),
  content: paragraphs,
});

const blockSchema: z.ZodType<Block> = z.union([
  paragraphSchema,
  headingSchema,
  z.strictObject({ type: z.literal('blockquote'), content: paragraphs }),
  z.strictObject({
    type: z.literal('pullQuote'),
    attrs: z.strictObject({ cite: text(300).optional() }).optional(),
    content: paragraphs,
  }),
  bulletListSchema,
  orderedListSchema,
  z.strictObject({
    type: z.literal('figure'),
    attrs: z.strictObject({
      assetId: z.string().regex(/^[a-f0-9]{64}\.(jpg|png|webp|gif)$/),
      alt: text(500),
      caption: text(2000),
      credit: text(200),
    }),
  }),
  z.strictObject({
    type: z.literal('table'),
    content: z
      .array(z.strictObject({ type: z.literal('tableRow'), content: z.array(tableCellSchema).min(1).max(50) }))
      .min(1)
      .max(1000),
  }),
  z.strictObject({ type: z.literal('horizontalRule') }),
]);

export const bodySchema: z.ZodType<BodyDoc> = z.strictObject({
  type: z.literal('doc'),
  content: z.array(blockSchema).max(MAX_CHILDREN),
});

export const emptyBody = (): BodyDoc => ({ type: 'doc', content: [] });

/** Plain text of a body, one line per paragraph-like block. */
export function bodyToPlainText(doc: BodyDoc): string {
  const lines: string[] = [];
  const inline = (content: Inline[] | undefined) =>
    (content ?? []).map((node) => (node.type === 'text' ? node.text : '\n')).join('');
  const visit = (block: Block | ListItem | TableRow | TableCell) => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        lines.push(inline(block.content));
        break;
      case 'figure':
        lines.push(block.attrs.caption);
        break;
      case 'horizontalRule':
        break;
      default:
        for (const child of block.content) visit(child);
    }
  };
  for (const block of doc.content) visit(block);
  return lines.join('\n');
}

/** A body of plain paragraphs from text: each non-empty line becomes a paragraph. */
export function plainTextToBody(plain: string): BodyDoc {
  return {
    type: 'doc',
    content: plain
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((line): Paragraph => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}
