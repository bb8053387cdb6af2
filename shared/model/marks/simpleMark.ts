import { z } from 'zod';
import type { MarkSpec } from '../blocks/spec';

/** A mark with no attributes, rendered as one HTML element (bold → strong, …). */
export function simpleMark<T extends string>(type: T, tag: string): MarkSpec<{ type: T }> {
  return {
    type,
    schema: z.strictObject({ type: z.literal(type) }) as unknown as z.ZodType<{ type: T }>,
    canonical: () => ({ type }),
    open: () => `<${tag}>`,
    close: () => `</${tag}>`,
  };
}
