import type { Extensions } from '@tiptap/core';
import { ListKeymap } from '@tiptap/extension-list';
import { Dropcursor, Gapcursor, TrailingNode, UndoRedo } from '@tiptap/extensions';
import { columnImageUrl } from '../publish/pageContext';
import type { FigureOptions } from './model/blocks/figure';
import { modelMarks, modelNodes } from './model';
import { CaretBeforeInput } from './extensions/CaretBeforeInput';
import { SearchReplace } from './extensions/SearchReplace';

/**
 * The editor: exactly the article's blocks and marks (./model, twins of shared/model/), and the
 * editing behaviour around them (undo, list keys, drop and gap cursors, a paragraph kept at the
 * end to type into, find and replace, the caret read from the page before the browser types).
 */
export function articleExtensions(options: Partial<FigureOptions> = {}): Extensions {
  return [
    ...modelNodes({ assetUrl: columnImageUrl, ...options }),
    ...modelMarks,
    UndoRedo,
    ListKeymap,
    Dropcursor,
    Gapcursor,
    TrailingNode,
    SearchReplace,
    CaretBeforeInput,
  ];
}
