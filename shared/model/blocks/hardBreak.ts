import { z } from 'zod';
import { marksField, type Mark } from '../marks';
import type { InlineSpec } from './spec';

export const hardBreakSchema = z.strictObject({
  type: z.literal('hardBreak'),
  /** The marks around it (a break inside bold text is inside the bold), so the text around it stays one run. */
  marks: marksField,
});
export type HardBreak = z.output<typeof hardBreakSchema>;

/** A line break inside a paragraph (Shift+Enter): <br> on the page. */
export const hardBreak: InlineSpec<HardBreak> = {
  type: 'hardBreak',
  schema: hardBreakSchema,
  canonical(json, cx) {
    const marks = cx.marks(json.marks) as Mark[];
    return [marks.length ? { type: 'hardBreak', marks } : { type: 'hardBreak' }];
  },
  render: () => '<br>',
  plainText: () => '\n',
};
