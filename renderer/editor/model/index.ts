import type { AnyExtension } from '@tiptap/core';
import { Document } from '@tiptap/extension-document';
import { blockquote } from './blocks/blockquote';
import { figure, type FigureOptions } from './blocks/figure';
import { hardBreak } from './blocks/hardBreak';
import { heading } from './blocks/heading';
import { horizontalRule } from './blocks/horizontalRule';
import { lists } from './blocks/lists';
import { paragraph } from './blocks/paragraph';
import { pullQuote } from './blocks/pullQuote';
import { table } from './blocks/table';
import { text } from './blocks/text';
import { bold } from './marks/bold';
import { italic } from './marks/italic';
import { link } from './marks/link';
import { suggestion, withBlockSuggestions } from './marks/suggestion';
import { subscript } from './marks/subscript';
import { superscript } from './marks/superscript';

/**
 * The editor's schema: the Tiptap twin of every block and mark of shared/model/ (one file each,
 * the same names), in the model's order, so the editor holds exactly what an article stores.
 * tests/renderer/model.test.ts checks the two lists agree.
 */
export function modelNodes(options: Partial<FigureOptions> = {}): AnyExtension[] {
  const nodes: AnyExtension[] = [
    Document,
    ...paragraph,
    ...heading,
    ...blockquote,
    ...pullQuote,
    ...lists,
    ...figure(options),
    ...table,
    ...horizontalRule,
    ...text,
    ...hardBreak,
  ];
  // Whole blocks may be suggested in or out (suggestion mode): containers allow those marks on their children.
  return nodes.map(withBlockSuggestions);
}

/** Marks, in the model's nesting order (shared/model/marks/index.ts). */
export const modelMarks: AnyExtension[] = [...suggestion, ...link, ...bold, ...italic, ...subscript, ...superscript];
