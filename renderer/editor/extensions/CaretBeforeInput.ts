import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** The part of ProseMirror's view that reads the DOM (not in its typings). */
interface DomObserver {
  forceFlush(): void;
  flush(): void;
}

/**
 * Brings the editor's selection up to the caret in the page before the browser types at it.
 *
 * The browser moves the caret itself for arrow keys, Home and End; ProseMirror learns of it from
 * the document's `selectionchange` event, which Chromium sends as a task of its own — after the
 * next input when the machine is busy (input goes first). ProseMirror reads what the browser
 * typed by comparing the text before and after, and where that is ambiguous it trusts the caret
 * it holds: a space typed after "Giá" in "Giá lúa" ("Giá  lúa") was taken, with an old caret,
 * for the space after the existing one. In suggestion mode that matters: the existing space was
 * then the one left unmarked, and the caret followed the suggested space, so the word composed
 * next landed after both spaces ("Giá  Việtlúa").
 *
 * So, at `beforeinput` (the caret is where the browser will type, the text not yet changed),
 * the editor reads the page's selection as it would on `selectionchange`. Not while an input
 * method composes: ProseMirror reads the selection itself when a composition starts, and
 * during one the browser's caret is the pre-edit's.
 */
export function syncSelectionFromDom(view: EditorView): void {
  const observer = (view as unknown as { domObserver?: DomObserver }).domObserver;
  if (!observer || view.composing) return;
  // A read ProseMirror put off (flushSoon) first, then the selection as selectionchange reads it.
  observer.forceFlush();
  observer.flush();
}

export const CaretBeforeInput = Extension.create({
  name: 'caretBeforeInput',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('caretBeforeInput'),
        props: {
          handleDOMEvents: {
            beforeinput: (view, event) => {
              if (!event.isComposing) syncSelectionFromDom(view);
              return false;
            },
          },
        },
      }),
    ];
  },
});
