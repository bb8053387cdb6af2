import { z } from 'zod';
import { inlineContent, type Inline } from './inline';
import type { BlockSpec } from './spec';

export const paragraphSchema = z.strictObject({ type: z.literal('paragraph'), content: inlineContent });
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
