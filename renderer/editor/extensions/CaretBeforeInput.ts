import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import * as pmView from '@tiptap/pm/view';
import type { EditorView } from '@tiptap/pm/view';

/** The part of ProseMirror's view that reads the DOM (not in its typings). */
interface DomObserver {
  forceFlush(): void;
  flush(): void;
}

/**
 * ProseMirror's own end of a composition (exported by prosemirror-view, not in its typings): reads
 * what is pending, drops the composition's hold on the page's text and redraws it from the
 * document. ProseMirror runs it 20 ms after compositionend (a timer).
 */
const endComposition = (pmView as unknown as { __endComposition?: (view: EditorView) => boolean }).__endComposition;

/**
 * Brings the editor up to the page before the browser types in it: the caret, and the text of an
 * input method's composition that has just ended.
 *
 * The caret: the browser moves it itself for arrow keys, Home and End; ProseMirror learns of it
 * from the document's `selectionchange` event, which Chromium sends as a task of its own — after
 * the next input when the machine is busy (input goes first). ProseMirror reads what the browser
 * typed by comparing the text before and after, and where that is ambiguous it trusts the caret
 * it holds: a space typed after "Giá" in "Giá lúa" ("Giá  lúa") was taken, with an old caret,
 * for the space after the existing one. In suggestion mode that matters: the existing space was
 * then the one left unmarked, and the caret followed the suggested space, so the word composed
 * next landed after both spaces ("Giá  Việtlúa").
 *
 * The composition: while an input method (ibus, fcitx) composes, the browser writes the pre-edit
 * in a text node of its own, and ProseMirror leaves that node on screen as it is, whatever the
 * document says around it, until 20 ms after compositionend (a timer). In suggestion mode the
 * document has the word as an insertion (inside an <ins>), the page has it bare beside the <ins>.
 * A key typed in that paragraph before the timer — Chromium runs input before timers on a busy
 * machine — is read by comparing the whole paragraph as drawn with the document: the word then
 * differs (it lost its mark), and the change read ran from it to the key typed. In suggestion mode
 * that became "delete the rest of the paragraph, insert it again": the word and the text after it
 * went to the end of the paragraph, and the next words before them ("Giá  lúa tăng.đẩy mạnhViệt
 * lúa tăng. "). So the composition is ended (as the timer would) before the browser types.
 *
 * Both at `beforeinput`: the caret is where the browser will type, the text not yet changed. Not
 * while an input method composes: ProseMirror reads the selection itself when a composition
 * starts (and ends the one before), and during one the browser's caret is the pre-edit's.
 */
export function syncSelectionFromDom(view: EditorView): void {
  const observer = (view as unknown as { domObserver?: DomObserver }).domObserver;
  if (!observer || view.composing) return;
  // A read ProseMirror put off (flushSoon) first, and an ended composition's text drawn from the
  // document (endComposition does both; without a composition to end it only flushes).
  if (endComposition) endComposition(view);
  else observer.forceFlush();
  // Then the selection, as selectionchange reads it.
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
