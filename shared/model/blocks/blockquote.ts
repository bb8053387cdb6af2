import { z } from 'zod';
import { MAX_CHILDREN } from './inline';
import { paragraphOf, paragraphSchema, type Paragraph } from './paragraph';
import type { BlockSpec } from './spec';

export const blockquoteSchema = z.strictObject({
  type: z.literal('blockquote'),
  content: z.array(paragraphSchema).min(1).max(MAX_CHILDREN),
});
export type Blockquote = z.output<typeof blockquoteSchema>;

/** A quotation in the text: paragraphs only (anything else inside becomes paragraphs, reported). */
export const blockquote: BlockSpec<Blockquote> = {
  type: 'blockquote',
  schema: blockquoteSchema,
  canonical(json, cx) {
    const content = cx.blocks(json.content, ['paragraph']) as Paragraph[];
    return [{ type: 'blockquote', content: content.length ? content : [paragraphOf([])] }];
  },
  render: (node, cx) => `<blockquote>${cx.blocks(node.content)}</blockquote>`,
  plainText: (node, cx) => cx.blocks(node.content),
};
