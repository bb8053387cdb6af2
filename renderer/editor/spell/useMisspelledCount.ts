import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { spellKey } from '../extensions/Spellcheck';

/** How many words the spellchecker has underlined in the body. */
export function useMisspelledCount(editor: Editor | null): number {
  return (
    useEditorState({
      editor,
      selector: ({ editor: e }) => (e ? (spellKey.getState(e.state)?.decorations.find().length ?? 0) : 0),
    }) ?? 0
  );
}
