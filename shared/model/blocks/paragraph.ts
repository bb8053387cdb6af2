import { z } from 'zod';
import { blockMarksField } from '../marks/suggestion';
import { inlineContent, MAX_CHILDREN, type Inline } from './inline';
import type { BlockSpec, CanonicalContext } from './spec';

export const paragraphSchema = z.strictObject({ type: z.literal('paragraph'), marks: blockMarksField, content: inlineContent });
export type Paragraph = z.output<typeof paragraphSchema>;

/** A paragraph of content (no content: an empty paragraph). */
export function paragraphOf(content: readonly Inline[]): Paragraph {
  return content.length ? { type: 'paragraph', content: [...content] } : { type: 'paragraph' };
}

/** A paragraph: <p> on the page. */
export const paragraph: BlockSpec<Paragraph> = {
  type: 'paragraph',
  schema: paragraphSchema,
  canonical: (json, cx) => [paragraphOf(cx.inline(json.content) as Inline[])],
  render: (node, cx) => `<p>${cx.inline(node.content)}</p>`,
  plainText: (node, cx) => [cx.inline(node.content)],
};

/** What a quote or a pull quote holds: paragraphs, at least one. */
export const paragraphsContent = z.array(paragraphSchema).min(1).max(MAX_CHILDREN);

/** A container's paragraphs, canonical (anything else inside becomes paragraphs, reported); an empty one keeps an empty paragraph. */
export function canonicalParagraphs(content: unknown, cx: CanonicalContext): Paragraph[] {
  const blocks = cx.blocks(content, ['paragraph']) as Paragraph[];
  return blocks.length ? blocks : [paragraphOf([])];
}
