import { getTextBetween, getTextSerializersFromSchema } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';

/**
 * The text of the editor's document (or of a range of it) as the status bar counts it: a line per
 * block, a photo's caption, a line break as a line break. It gives the same syllables as the
 * stored article's plain text (shared/model/body.ts), which tests/renderer/model checks block by
 * block.
 */
export function editorText(doc: PMNode, from = 0, to = doc.content.size): string {
  return getTextBetween(doc, { from, to }, { blockSeparator: '\n', textSerializers: getTextSerializersFromSchema(doc.type.schema) });
}
