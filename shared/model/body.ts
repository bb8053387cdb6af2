import { z } from 'zod';
import { countWords } from '../text/vietnamese';
import { blockSpecs, inlineSpecs, markSpecs, partSpecs } from './blocks';
import { MAX_CHILDREN, type Inline } from './blocks/inline';
import type { Paragraph } from './blocks/paragraph';
import { unionOf, type BlockSpec, type InlineSpec, type MarkSpec, type RenderContext, type StoredNode, type TextContext } from './blocks/spec';
import type { Mark } from './marks';
import type { PageImages } from '../publish/images';

/**
 * The article body: the editor's structured document (ProseMirror/Tiptap JSON), restricted to
 * the blocks and marks listed in ./blocks and ./marks. Raw HTML never appears here. Everything
 * here loops over those lists: the schema, the page's HTML, the plain text and the word count
 * (the canonicaliser is in ./canonicalBody).
 */

export const blockSchema = unionOf(blockSpecs);
export type Block = z.output<typeof blockSchema>;

export const bodySchema = z.strictObject({
  type: z.literal('doc'),
  content: z.array(blockSchema).max(MAX_CHILDREN),
});
export type BodyDoc = z.output<typeof bodySchema>;

export type { Inline, Mark, Paragraph };
export type { Heading } from './blocks/heading';
export type { Blockquote } from './blocks/blockquote';
export type { PullQuote } from './blocks/pullQuote';
export type { BulletList, ListItem, OrderedList } from './blocks/lists';
export type { Figure } from './blocks/figure';
export type { Table, TableCell, TableHeader, TableRow } from './blocks/table';
export type { HorizontalRule } from './blocks/horizontalRule';
export type { TextNode } from './blocks/text';

export const emptyBody = (): BodyDoc => ({ type: 'doc', content: [] });

const nodeSpecs = new Map<string, BlockSpec>([...blockSpecs, ...partSpecs].map((spec) => [spec.type, spec as unknown as BlockSpec]));
const inlineSpecMap = new Map<string, InlineSpec>(inlineSpecs.map((spec) => [spec.type, spec as unknown as InlineSpec]));
const markSpecMap = new Map<string, MarkSpec>(markSpecs.map((spec) => [spec.type, spec as unknown as MarkSpec]));

/** The spec of a block or part type (undefined for a type the body does not have). */
export const nodeSpec = (type: string): BlockSpec | undefined => nodeSpecs.get(type);
export const inlineSpec = (type: string): InlineSpec | undefined => inlineSpecMap.get(type);
export const markSpec = (type: string): MarkSpec | undefined => markSpecMap.get(type);

const sameMark = (a: StoredNode, b: StoredNode) => a.type === b.type && JSON.stringify((a as Mark & { attrs?: unknown }).attrs) === JSON.stringify((b as Mark & { attrs?: unknown }).attrs);
const marksOf = (node: StoredNode): Mark[] => (node as { marks?: Mark[] }).marks ?? [];

/**
 * Inline content as page HTML. Marks stay open across neighbouring runs that share them (as
 * ProseMirror serialises), so bold text with a link inside is one <strong>, and marks nest in the
 * order of the mark list.
 */
export function renderInline(nodes: readonly StoredNode[] | undefined): string {
  let html = '';
  let open: Mark[] = [];
  const close = (from: number) => {
    for (let i = open.length - 1; i >= from; i--) html += markSpec(open[i]!.type)!.close(open[i]!);
    open = open.slice(0, from);
  };
  for (const node of nodes ?? []) {
    const spec = inlineSpec(node.type);
    if (!spec) continue;
    const marks = marksOf(node);
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMark(open[keep]!, marks[keep]!)) keep++;
    close(keep);
    for (const mark of marks.slice(keep)) html += markSpec(mark.type)?.open(mark) ?? '';
    open = [...open, ...marks.slice(keep)];
    html += spec.render(node);
  }
  close(0);
  return html;
}

/** A block's own marks (a whole block suggested in or out: only a body shown "with suggestions" has them) around its HTML. */
function withBlockMarks(node: StoredNode, html: string): string {
  const marks = marksOf(node);
  if (!marks.length) return html;
  return marks.reduceRight((inner, mark) => `${markSpec(mark.type)?.open(mark) ?? ''}${inner}${markSpec(mark.type)?.close(mark) ?? ''}`, html);
}

const renderContext = (images: PageImages): RenderContext => {
  const cx: RenderContext = {
    images,
    inline: renderInline,
    blocks: (nodes) => nodes.map((node) => withBlockMarks(node, nodeSpec(node.type)?.render(node, cx) ?? '')).join(''),
  };
  return cx;
};

/** The body as the page shows it, one top-level block per line. */
export function renderBody(doc: BodyDoc, images: PageImages): string {
  const cx = renderContext(images);
  return doc.content.map((block) => cx.blocks([block])).join('\n');
}

const textContext: TextContext = {
  inline: (nodes) => (nodes ?? []).map((node) => inlineSpec(node.type)?.plainText(node) ?? '').join(''),
  blocks: (nodes) => nodes.flatMap((node) => nodeSpec(node.type)?.plainText(node, textContext) ?? []),
};

/** Lines of text of any blocks or parts, as a reader reads them. */
export const blocksToLines = (nodes: readonly StoredNode[]): string[] => textContext.blocks(nodes);

/** Plain text of a body, one line per paragraph-like block. */
export function bodyToPlainText(doc: BodyDoc): string {
  return blocksToLines(doc.content).join('\n');
}

/** Syllables a reader reads in the body (the editor's status bar counts the same). */
export function bodyWordCount(doc: BodyDoc): number {
  return countWords(bodyToPlainText(doc));
}

/** The images of the library a body's photos show. */
export function bodyAssetIds(doc: BodyDoc): string[] {
  const ids: string[] = [];
  const visit = (nodes: readonly StoredNode[]) => {
    for (const node of nodes) {
      if (node.type === 'figure') ids.push((node.attrs as { assetId: string }).assetId);
      else if (Array.isArray(node.content)) visit(node.content as StoredNode[]);
    }
  };
  visit(doc.content);
  return ids;
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
