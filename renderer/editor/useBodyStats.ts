import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { countWords } from '../../shared/text/vietnamese';
import { editorText } from './bodyText';
import { docAsRejected } from './extensions/SuggestChanges';

export interface TextStats {
  words: number;
  chars: number;
}

export interface BodyStats {
  body: TextStats;
  selection: TextStats | null;
}

const STATS_DELAY_MS = 250;

function statsOf(text: string): TextStats {
  const composed = text.normalize('NFC');
  return { words: countWords(composed), chars: [...composed.replace(/\n/g, '')].length };
}

/** Syllable and character counts of the body and of the selection, refreshed shortly after typing pauses. */
export function useBodyStats(editor: Editor | null): BodyStats {
  const [stats, setStats] = useState<BodyStats>({ body: { words: 0, chars: 0 }, selection: null });
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const measure = () => {
      timer = null;
      const { doc, selection } = editor.state;
      // Counted as the page will read it: as if every pending suggested edit were rejected.
      const body = statsOf(editorText(docAsRejected(doc)));
      const selected = selection.empty ? null : statsOf(editorText(doc, selection.from, selection.to));
      setStats({ body, selection: selected });
    };
    const schedule = () => {
      if (timer === null) timer = setTimeout(measure, STATS_DELAY_MS);
    };
    measure();
    editor.on('update', schedule);
    editor.on('selectionUpdate', schedule);
    return () => {
      if (timer !== null) clearTimeout(timer);
      editor.off('update', schedule);
      editor.off('selectionUpdate', schedule);
    };
  }, [editor]);
  return stats;
}
