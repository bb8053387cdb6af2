import { blockquote } from './blockquote';
import { figure } from './figure';
import { heading } from './heading';
import { horizontalRule } from './horizontalRule';
import { bulletList, listItem, orderedList } from './lists';
import { paragraph } from './paragraph';
import { pullQuote } from './pullQuote';
import { table, tableCell, tableHeader, tableRow } from './table';

/**
 * Every block of the article body (what a document may hold at its top level), in the order the
 * editor registers their twins (renderer/editor/model/). Adding one: docs/model.md.
 */
export const blockSpecs = [paragraph, heading, blockquote, pullQuote, bulletList, orderedList, figure, table, horizontalRule] as const;

/** Parts of blocks: they appear only inside their block (a list item in a list, a cell in a row). */
export const partSpecs = [listItem, tableRow, tableCell, tableHeader] as const;

export { inlineSpecs } from './inline';
export { markSpecs } from '../marks';
