import { z } from 'zod';
import { escapeHtml } from '../../publish/html';
import { text as textField } from '../fields';
import { marksField, type Mark } from '../marks';
import type { InlineSpec, StoredNode } from './spec';

/** Longest text node; longer runs are stored as several nodes with the same marks. */
export const MAX_TEXT_NODE = 100_000;

export const textSchema = z.strictObject({
  type: z.literal('text'),
  text: textField(MAX_TEXT_NODE).pipe(z.string().min(1)),
  marks: marksField,
});
export type TextNode = z.output<typeof textSchema>;

/**
 * A run of text with its marks (bold, italic, link, sub, sup). A line break inside the text
 * becomes a line-break node (the page would show it as a space); a run over the size limit is
 * stored as several.
 */
export const text: InlineSpec<TextNode> = {
  type: 'text',
  schema: textSchema,
  canonical(json, cx) {
    const value = cx.text(json.text);
    if (!value) return [];
    const marks = cx.marks(json.marks) as Mark[];
    const out: StoredNode[] = [];
    value.split(/\r\n|\r|\n/).forEach((line, index) => {
      if (index > 0) out.push({ type: 'hardBreak' });
      for (let start = 0; start < line.length; start += MAX_TEXT_NODE) {
        const chunk = line.slice(start, start + MAX_TEXT_NODE);
        out.push(marks.length ? { type: 'text', text: chunk, marks } : { type: 'text', text: chunk });
      }
    });
    return out;
  },
  render: (node) => escapeHtml(node.text),
  plainText: (node) => node.text,
};
