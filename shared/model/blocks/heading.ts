import { z } from 'zod';
import { blockMarksField } from '../marks/suggestion';
import { inlineContent, type Inline } from './inline';
import type { BlockSpec } from './spec';

/** Sub-headings only: the page's h1 is the headline. */
export const HEADING_LEVELS = [2, 3] as const;

export const headingSchema = z.strictObject({
  type: z.literal('heading'),
  marks: blockMarksField,
  attrs: z.strictObject({ level: z.union([z.literal(2), z.literal(3)]) }),
  content: inlineContent,
});
export type Heading = z.output<typeof headingSchema>;

/** A sub-heading (h2) or a smaller one (h3). A level out of range is brought into it: h1 → h2, h4–h6 → h3. */
export const heading: BlockSpec<Heading> = {
  type: 'heading',
  schema: headingSchema,
  canonical(json, cx) {
    const raw = json.attrs?.level;
    let level: 2 | 3 = 2;
    if (raw === 2 || raw === 3) level = raw;
    else {
      cx.note('attr', 'heading.level');
      if (typeof raw === 'number' && raw > 3) level = 3;
    }
    const content = cx.inline(json.content) as Inline[];
    return [content.length ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } }];
  },
  render: (node, cx) => `<h${node.attrs.level}>${cx.inline(node.content)}</h${node.attrs.level}>`,
  plainText: (node, cx) => [cx.inline(node.content)],
};
