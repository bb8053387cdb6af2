import { z } from 'zod';
import { blockMarksField, type SuggestionMark } from '../marks/suggestion';
import { MAX_CHILDREN } from './inline';
import { paragraphOf, paragraphSchema, type Paragraph } from './paragraph';
import type { BlockSpec, CanonicalContext, Json, StoredNode } from './spec';

/** Numbering styles besides 1, 2, 3: a, b, c · A, B, C · i, ii, iii · I, II, III. */
export const LIST_NUMBERING = ['a', 'A', 'i', 'I'] as const;
export const LIST_START_MAX = 100_000;

// Lists hold list items and list items hold lists. Recursive types are the one place zod cannot
// infer them, so they are written here and the schemas are checked against them.
export type ListItem = {
  type: 'listItem';
  /** Suggested edits of the whole item (../marks/suggestion.ts). */
  marks?: SuggestionMark[];
  /** A paragraph, then any nested lists (as the editor holds it). */
  content: [Paragraph, ...Array<BulletList | OrderedList>];
};
export type BulletList = {
  type: 'bulletList';
  marks?: SuggestionMark[];
  content: ListItem[];
};
export type OrderedList = {
  type: 'orderedList';
  marks?: SuggestionMark[];
  /** Absent: numbered 1, 2, 3 from 1. */
  attrs?: { start?: number; type?: (typeof LIST_NUMBERING)[number] };
  content: ListItem[];
};

/**
 * How deep lists may nest (a list in an item of a top-level list is 2 deep). A body nested deeper
 * is refused by the API (invalid_input) and flattened by the canonicaliser, its text kept: the
 * schema, the page renderer and the word count all recurse, and input nested a few hundred deep
 * would overflow the stack.
 */
export const MAX_LIST_DEPTH = 20;
const LIST_TYPES = ['bulletList', 'orderedList'] as const;

/**
 * Whether nothing in `json` is nested more than `max` levels deep (counting every node down its
 * `content`, whatever its type, as the schema descends), found without recursion, so that input
 * nested thousands deep is refused before the schema meets it.
 */
export function nestedWithin(json: unknown, max: number): boolean {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: json, depth: 1 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > max) return false;
    const content = typeof node === 'object' && node !== null ? (node as { content?: unknown }).content : undefined;
    if (!Array.isArray(content)) continue;
    for (const child of content) if (typeof child === 'object' && child !== null) stack.push({ node: child, depth: depth + 1 });
  }
  return true;
}

// A list holding lists MAX_LIST_DEPTH deep: each level a list and an item, then the paragraph and
// its text. Only the outermost list (or item) is checked; what it holds is then within bounds.
const LIST_LEVELS = 2 * MAX_LIST_DEPTH + 2;
const tooDeep = `lists may be nested at most ${MAX_LIST_DEPTH} deep`;
const bounded = <T>(schema: z.ZodType<T, unknown>, levels: number): z.ZodType<T, unknown> =>
  z.unknown().refine((json) => nestedWithin(json, levels), tooDeep).pipe(schema);

const listItemShape: z.ZodType<ListItem, unknown> = z.strictObject({
  type: z.literal('listItem'),
  marks: blockMarksField,
  content: z.lazy(() =>
    z.tuple([paragraphSchema], z.union([bulletListShape, orderedListShape])).check(z.maxLength(MAX_CHILDREN)),
  ),
});

const bulletListShape: z.ZodType<BulletList, unknown> = z.strictObject({
  type: z.literal('bulletList'),
  marks: blockMarksField,
  content: z.lazy(() => z.array(listItemShape).min(1).max(MAX_CHILDREN)),
});

const orderedListShape: z.ZodType<OrderedList, unknown> = z.strictObject({
  type: z.literal('orderedList'),
  marks: blockMarksField,
  attrs: z
    .strictObject({
      start: z.number().int().min(0).max(LIST_START_MAX).optional(),
      /** The numbering style (HTML's `type`). */
      type: z.enum(LIST_NUMBERING).optional(),
    })
    .optional(),
  content: z.lazy(() => z.array(listItemShape).min(1).max(MAX_CHILDREN)),
});

export const listItemSchema = bounded(listItemShape, LIST_LEVELS - 1);
export const bulletListSchema = bounded(bulletListShape, LIST_LEVELS);
export const orderedListSchema = bounded(orderedListShape, LIST_LEVELS);

/**
 * A list item: its first paragraph, then nested lists. Anything else it held (a second paragraph,
 * a quote) joins the first paragraph on a new line, so the item count stays and no text is lost.
 */
export const listItem: BlockSpec<ListItem> = {
  type: 'listItem',
  schema: listItemSchema,
  canonical(json, cx) {
    const children = cx.blocks(json.content, ['paragraph', 'bulletList', 'orderedList']);
    const paragraphs = children.filter((c): c is Paragraph => c.type === 'paragraph');
    const lists = children.filter((c) => c.type !== 'paragraph') as Array<BulletList | OrderedList>;
    if (paragraphs.length > 1 || (children[0] && children[0].type !== 'paragraph' && paragraphs.length > 0)) cx.note('misplaced', 'listItem.paragraph');
    const joined = paragraphs.flatMap((p, i) => [...(i > 0 ? [{ type: 'hardBreak' as const }] : []), ...(p.content ?? [])]);
    const item: ListItem = { type: 'listItem', content: [paragraphOf(joined), ...lists] };
    return [item];
  },
  render: (node, cx) => `<li>${cx.blocks(node.content)}</li>`,
  plainText: (node, cx) => cx.blocks(node.content),
};

const isNumbering = (value: unknown): value is (typeof LIST_NUMBERING)[number] => (LIST_NUMBERING as readonly unknown[]).includes(value);

function items(json: { content?: unknown }, cx: Parameters<BlockSpec['canonical']>[1]): ListItem[] {
  // Loose paragraphs in a list (a foreign list) become items of their own.
  return cx.blocks(json.content, ['listItem', 'paragraph']).map((node: StoredNode) =>
    node.type === 'listItem' ? (node as unknown as ListItem) : { type: 'listItem' as const, content: [node as Paragraph] },
  );
}

/**
 * A list nested deeper than MAX_LIST_DEPTH: paragraphs of its text (reported), which the item
 * holding it joins to its own paragraph, line by line.
 */
function tooDeepList(json: Json, cx: CanonicalContext): StoredNode[] | null {
  if (cx.nestedIn(LIST_TYPES) <= MAX_LIST_DEPTH) return null;
  cx.note('misplaced', typeof json.type === 'string' ? json.type : 'list');
  return cx.flatten(json.content);
}

/** A bulleted list. */
export const bulletList: BlockSpec<BulletList> = {
  type: 'bulletList',
  schema: bulletListSchema,
  canonical(json, cx) {
    const flattened = tooDeepList(json, cx);
    if (flattened) return flattened;
    const content = items(json, cx);
    return content.length ? [{ type: 'bulletList', content }] : [];
  },
  render: (node, cx) => `<ul>${cx.blocks(node.content)}</ul>`,
  plainText: (node, cx) => cx.blocks(node.content),
};

/**
 * A numbered list, from any start (a list continued after a paragraph starts at 4), numbered
 * 1 2 3, a b c, A B C, i ii iii or I II III. A start out of range or a numbering style the page
 * cannot show is reported and left out.
 */
export const orderedList: BlockSpec<OrderedList> = {
  type: 'orderedList',
  schema: orderedListSchema,
  canonical(json, cx) {
    const flattened = tooDeepList(json, cx);
    if (flattened) return flattened;
    const content = items(json, cx);
    if (!content.length) return [];
    const attrs: NonNullable<OrderedList['attrs']> = {};
    const start = json.attrs?.start;
    if (Number.isInteger(start) && (start as number) >= 0 && (start as number) <= LIST_START_MAX) {
      if (start !== 1) attrs.start = start as number;
    } else if (start !== undefined && start !== null) cx.note('attr', 'orderedList.start');
    const numbering = json.attrs?.type;
    if (isNumbering(numbering)) attrs.type = numbering;
    else if (numbering !== undefined && numbering !== null && numbering !== '1') cx.note('attr', 'orderedList.type');
    return [Object.keys(attrs).length ? { type: 'orderedList', attrs, content } : { type: 'orderedList', content }];
  },
  render(node, cx) {
    const start = node.attrs?.start;
    const numbering = node.attrs?.type;
    return `<ol${start !== undefined ? ` start="${start}"` : ''}${numbering ? ` type="${numbering}"` : ''}>${cx.blocks(node.content)}</ol>`;
  },
  plainText: (node, cx) => cx.blocks(node.content),
};
