import { Blockquote } from '@tiptap/extension-blockquote';

/** Twin of shared/model/blocks/blockquote.ts: paragraphs only (a photo goes beside a quote, not inside). */
export const blockquote = [Blockquote.extend({ content: 'paragraph+' })];
