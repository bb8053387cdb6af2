import { z } from 'zod';
import { blockMarksField } from '../marks/suggestion';
import { escapeHtml } from '../../publish/html';
import { text } from '../fields';
import { canonicalParagraphs, paragraphsContent } from './paragraph';
import { fitText, type BlockSpec } from './spec';

export const CITE_MAX = 300;

export const pullQuoteSchema = z.strictObject({
  type: z.literal('pullQuote'),
  marks: blockMarksField,
  /** Who said it; absent when nobody is named. */
  attrs: z.strictObject({ cite: text(CITE_MAX).pipe(z.string().min(1)) }).optional(),
  content: paragraphsContent,
});
export type PullQuote = z.output<typeof pullQuoteSchema>;

/** A short quotation set large beside the text, with an optional attribution. */
export const pullQuote: BlockSpec<PullQuote> = {
  type: 'pullQuote',
  schema: pullQuoteSchema,
  canonical(json, cx) {
    const content = canonicalParagraphs(json.content, cx);
    const { kept, overflow } = fitText(cx.text(json.attrs?.cite).trim(), CITE_MAX);
    if (overflow) cx.note('attr', 'pullQuote.cite');
    return [
      kept ? { type: 'pullQuote', attrs: { cite: kept }, content } : { type: 'pullQuote', content },
      ...(overflow ? cx.paragraphs(overflow) : []),
    ];
  },
  render: (node, cx) =>
    `<figure class="pull-quote"><blockquote>${cx.blocks(node.content)}</blockquote>${node.attrs ? `<figcaption>${escapeHtml(node.attrs.cite)}</figcaption>` : ''}</figure>`,
  attrText: (node) => node.attrs?.cite ?? '',
  // The attribution is not counted: the editor's count (its text, not its attributes) must agree.
  plainText: (node, cx) => cx.blocks(node.content),
};
