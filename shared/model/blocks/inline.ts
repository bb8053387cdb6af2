import { z } from 'zod';
import { hardBreak } from './hardBreak';
import { unionOf } from './spec';
import { text } from './text';

/** Every inline node of the body. */
export const inlineSpecs = [text, hardBreak] as const;

/** Most children a node may have (paragraphs in a document, runs in a paragraph). */
export const MAX_CHILDREN = 20_000;

export const inlineSchema = unionOf(inlineSpecs);
export type Inline = z.output<typeof inlineSchema>;

/** The inline content of a paragraph or heading (absent when empty). */
export const inlineContent = z.array(inlineSchema).max(MAX_CHILDREN).optional();
