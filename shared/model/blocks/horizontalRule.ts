import { z } from 'zod';
import { blockMarksField } from '../marks/suggestion';
import type { BlockSpec } from './spec';

export const horizontalRuleSchema = z.strictObject({ type: z.literal('horizontalRule'), marks: blockMarksField });
export type HorizontalRule = z.output<typeof horizontalRuleSchema>;

/** A separator between parts of the article: <hr> on the page. */
export const horizontalRule: BlockSpec<HorizontalRule> = {
  type: 'horizontalRule',
  schema: horizontalRuleSchema,
  canonical: () => [{ type: 'horizontalRule' }],
  render: () => '<hr>',
  plainText: () => [],
};
