import { z } from 'zod';
import { blockMarksField } from '../marks/suggestion';
import { canonicalParagraphs, paragraphsContent } from './paragraph';
import type { BlockSpec } from './spec';

export const blockquoteSchema = z.strictObject({
  type: z.literal('blockquote'),
  marks: blockMarksField,
  content: paragraphsContent,
});
export type Blockquote = z.output<typeof blockquoteSchema>;

/** A quotation in the text: paragraphs only (anything else inside becomes paragraphs, reported). */
export const blockquote: BlockSpec<Blockquote> = {
  type: 'blockquote',
  schema: blockquoteSchema,
  canonical: (json, cx) => [{ type: 'blockquote', content: canonicalParagraphs(json.content, cx) }],
  render: (node, cx) => `<blockquote>${cx.blocks(node.content)}</blockquote>`,
  plainText: (node, cx) => cx.blocks(node.content),
};
