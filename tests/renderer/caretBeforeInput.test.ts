// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../shared/model/body';
import { suggestionsOf } from '../../shared/review/suggestions';
import { articleExtensions } from '../../renderer/editor/articleExtensions';
import { setSuggesting, SuggestChanges } from '../../renderer/editor/extensions/SuggestChanges';

/*
 * The browser's typing as ProseMirror sees it, in a DOM: the caret moved in the page (as arrow keys
 * do) while the selectionchange event is still on its way (Chromium sends it as a task of its own,
 * after input when busy), then the browser's own edit of the text node at that caret, read by
 * ProseMirror's mutation observer, then the late selectionchange.
 */

let editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors) editor.destroy();
  editors = [];
  document.body.innerHTML = '';
});

function mounted(text: string): Editor {
  const element = document.createElement('div');
  document.body.append(element);
  const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } as BodyDoc;
  const editor = new Editor({
    element,
    extensions: [...articleExtensions({ assetUrl: (id) => `assets/${id}` }), SuggestChanges.configure({ author: () => ({ profileId: 'minh-anh', name: 'Minh Anh' }), now: () => '2026-11-28T09:00:00+07:00' })],
    content,
  });
  editors.push(editor);
  editor.view.focus();
  return editor;
}

/** What the browser does for a typed text at the page's caret: beforeinput, the text node changed, the caret after the text. */
function browserTypes(editor: Editor, text: string) {
  editor.view.dom.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true }));
  // The browser types at the caret as it is after beforeinput (the editor may have redrawn the text).
  const selection = document.getSelection()!;
  const node = selection.anchorNode as Text;
  const offset = selection.anchorOffset;
  node.insertData(offset, text);
  selection.collapse(node, offset + text.length);
}

/**
 * Runs `act` with the page's selectionchange events held back (happy-dom sends them at once) until
 * the editor has read the edit `act` makes, then delivers one.
 */
async function selectionChangeLate(editor: Editor, act: () => void) {
  const hold = (event: Event) => event.stopImmediatePropagation();
  const updated = new Promise((resolve) => editor.once('update', resolve));
  window.addEventListener('selectionchange', hold, true);
  try {
    act();
    await updated;
  } finally {
    window.removeEventListener('selectionchange', hold, true);
  }
  document.dispatchEvent(new Event('selectionchange'));
}

describe('typing at a caret the editor has not been told of yet', () => {
  it('a space typed after "Giá" (the editor’s caret still at the end) is the space before the word typed next, and its suggestion', async () => {
    const editor = mounted('Giá lúa tăng.');
    setSuggesting(editor, true);
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    const textNode = editor.view.dom.querySelector('p')!.firstChild as Text;
    expect(textNode.data).toBe('Giá lúa tăng.');
    await selectionChangeLate(editor, () => {
      // The caret moved after "Giá" in the page, as by Home and three ArrowRight, and a space typed there.
      document.getSelection()!.collapse(textNode, 3);
      browserTypes(editor, ' ');
    });
    expect(editor.state.doc.textContent).toBe('Giá  lúa tăng.');
    // The typed space is the one right after "Giá" (marked as suggested), the caret after it.
    const afterGia = 1 + 'Giá'.length;
    expect(suggestionsOf(editor.state.doc)).toMatchObject([{ kinds: ['insert'], inserted: ' ', from: afterGia, to: afterGia + 1 }]);
    expect(editor.state.selection.toJSON()).toEqual({ type: 'text', anchor: afterGia + 1, head: afterGia + 1 });
    editor.commands.insertContent('Việt');
    expect(editor.state.doc.textContent).toBe('Giá Việt lúa tăng.');
    expect(suggestionsOf(editor.state.doc).map((s) => editor.state.doc.textBetween(s.from, s.to))).toEqual([' Việt']);
  });
});

/*
 * An input method's composition as Chromium makes it (ibus, fcitx): the browser puts the pre-edit
 * in a text node of its own at the caret and edits it; ProseMirror reads each change, and keeps the
 * browser's text node on screen until 20 ms after compositionend (a timer), whatever the document
 * now says around it. In suggestion mode the composed word is an insertion (an <ins> in the
 * document), while the browser's text node stays outside the <ins> until then.
 */

/** The page's text before each pre-edit node when the browser put it in the paragraph. */
const textBeforeWhenPlaced = new WeakMap<Node, string>();
function textBefore(node: Node): string {
  let text = '';
  for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) text = (sibling.textContent ?? '') + text;
  return text;
}

/** Updates to the pre-edit, then its commit, as Chromium does them in the page (compositionend last). */
async function compose(editor: Editor, steps: string[]) {
  const view = editor.view;
  view.dom.dispatchEvent(new Event('compositionstart', { bubbles: true }));
  const selection = document.getSelection()!;
  let node: Text | null = null;
  for (const text of steps) {
    const updated = new Promise((resolve) => editor.once('update', resolve));
    view.dom.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertCompositionText', data: text, isComposing: true, bubbles: true, cancelable: true }));
    if (!node) {
      // The pre-edit goes in a text node of its own at the caret (beside ProseMirror's mark placeholder, if any).
      node = document.createTextNode(text);
      selection.getRangeAt(0).insertNode(node);
      textBeforeWhenPlaced.set(node, textBefore(node));
      selection.collapse(node, text.length);
    } else if (text) {
      node.data = text;
      selection.collapse(node, text.length);
    } else {
      // A pre-edit cleared (fcitx, before its commit): the node goes, the caret stays where it was.
      const before = node.previousSibling!;
      node.remove();
      selection.collapse(before.firstChild ?? before, (before.firstChild ?? before).textContent!.length);
    }
    await updated;
  }
  view.dom.dispatchEvent(new Event('compositionend', { bubbles: true }));
  return node!;
}

/** Types `text` the way the browser does, at a caret `place` puts in the page, and has the editor read it. */
function typeAt(editor: Editor, place: () => void, text: string) {
  place();
  browserTypes(editor, text);
  // What ProseMirror's mutation observer would read next.
  (editor.view as unknown as { domObserver: { flush(): void } }).domObserver.flush();
}

/** "Giá lúa tăng." in suggestion mode with " Việt" composed after "Giá" (a space typed, then the word by ibus), its composition just ended. */
async function composedAfterGia() {
  const editor = mounted('Giá lúa tăng.');
  setSuggesting(editor, true);
  editor.commands.setTextSelection(1 + 'Giá'.length);
  editor.commands.insertContent(' ');
  const composed = await compose(editor, ['V', 'Vi', 'Viê', 'Việt']);
  expect(editor.state.doc.textContent).toBe('Giá Việt lúa tăng.');
  // The browser's text node for the word is still on screen, beside the <ins> (the editor redraws it 20 ms later).
  expect(composed.isConnected).toBe(true);
  expect(composed.parentElement!.nodeName).toBe('P');
  return { editor, composed };
}

const suggested = (editor: Editor) => suggestionsOf(editor.state.doc).map((s) => editor.state.doc.textBetween(s.from, s.to));

describe('typing right after a composition ends (before the editor has taken it in)', () => {
  it('a space typed at the end of the paragraph (End) goes there; the composed word stays where it is, one suggestion each', async () => {
    const { editor } = await composedAfterGia();
    const last = editor.view.dom.querySelector('p')!.lastChild as Text;
    expect(last.data).toBe(' lúa tăng.');
    typeAt(editor, () => document.getSelection()!.collapse(last, last.data.length), ' ');
    expect(editor.state.doc.textContent).toBe('Giá Việt lúa tăng. ');
    expect(suggested(editor)).toEqual([' Việt', ' ']);
    expect(editor.state.selection.from).toBe(editor.state.doc.content.size - 1);
  });

  it('a word typed at a caret placed before "tăng" (a click) goes there', async () => {
    const { editor } = await composedAfterGia();
    const last = editor.view.dom.querySelector('p')!.lastChild as Text;
    typeAt(editor, () => document.getSelection()!.collapse(last, ' lúa '.length), 'rất ');
    expect(editor.state.doc.textContent).toBe('Giá Việt lúa rất tăng.');
    expect(suggested(editor)).toEqual([' Việt', 'rất ']);
    expect(editor.state.selection.from).toBe(1 + 'Giá Việt lúa rất '.length);
  });

  it('a full stop typed right after the composed word joins its suggestion', async () => {
    const { editor, composed } = await composedAfterGia();
    typeAt(editor, () => document.getSelection()!.collapse(composed, composed.data.length), '.');
    expect(editor.state.doc.textContent).toBe('Giá Việt. lúa tăng.');
    expect(suggested(editor)).toEqual([' Việt.']);
  });

  it('fcitx: the pre-edit cleared, then the word committed as typed text, goes where the pre-edit was', async () => {
    const editor = mounted('Giá lúa tăng.');
    setSuggesting(editor, true);
    editor.commands.setTextSelection(1 + 'Giá'.length);
    editor.commands.insertContent(' ');
    await compose(editor, ['N', 'Na', 'Nam', '']);
    expect(editor.state.doc.textContent).toBe('Giá  lúa tăng.');
    typeAt(editor, () => {}, 'Nam');
    expect(editor.state.doc.textContent).toBe('Giá Nam lúa tăng.');
    expect(suggested(editor)).toEqual([' Nam']);
  });
});

describe('an input method composing where suggestion mode puts typed text after a deletion', () => {
  /** The input method's first key, as Chromium sends it before the composition starts. */
  const processKey = (editor: Editor) => editor.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Process', bubbles: true, cancelable: true }));

  it('a word composed after Backspace deleted "lúa" (caret before the deletion) is composed after it, in one piece', async () => {
    const editor = mounted('Giá lúa tăng.');
    setSuggesting(editor, true);
    editor.commands.setTextSelection(1 + 'Giá lúa'.length);
    for (let i = 0; i < 3; i++) editor.commands.deleteRange({ from: editor.state.selection.from - 1, to: editor.state.selection.from });
    expect(editor.state.selection.from).toBe(1 + 'Giá '.length);
    processKey(editor);
    expect(editor.state.selection.from).toBe(1 + 'Giá lúa'.length);
    const composed = await compose(editor, ['g', 'ga', 'gao', 'gạo']);
    // The pre-edit stayed where the browser put it, after the deletion (Chromium drops a composition
    // whose node the page's script moves, and starts another with the next pre-edit).
    expect(textBefore(composed)).toBe(textBeforeWhenPlaced.get(composed));
    expect(textBefore(composed)).toBe('Giá lúa');
    expect(composed.previousSibling!.nodeName).toBe('DEL');
    expect(editor.state.doc.textContent).toBe('Giá lúagạo tăng.');
    expect(suggestionsOf(editor.state.doc)).toMatchObject([{ kinds: ['delete', 'insert'], deleted: 'lúa', inserted: 'gạo' }]);
  });

  it('a word composed over a selection: the selection is suggested deleted, the word composed after it', async () => {
    const editor = mounted('Giá lúa tăng.');
    setSuggesting(editor, true);
    editor.commands.setTextSelection({ from: 1 + 'Giá '.length, to: 1 + 'Giá lúa'.length });
    processKey(editor);
    expect(editor.state.selection.toJSON()).toEqual({ type: 'text', anchor: 1 + 'Giá lúa'.length, head: 1 + 'Giá lúa'.length });
    const composed = await compose(editor, ['g', 'ga', 'gao', 'gạo']);
    expect(textBefore(composed)).toBe(textBeforeWhenPlaced.get(composed));
    expect(textBefore(composed)).toBe('Giá lúa');
    expect(editor.state.doc.textContent).toBe('Giá lúagạo tăng.');
    expect(suggestionsOf(editor.state.doc)).toMatchObject([{ kinds: ['delete', 'insert'], deleted: 'lúa', inserted: 'gạo' }]);
  });

  it('outside suggestion mode, and with no deletion at the caret, the first key moves nothing', () => {
    const editor = mounted('Giá lúa tăng.');
    editor.commands.setTextSelection({ from: 5, to: 8 });
    processKey(editor);
    expect(editor.state.selection.toJSON()).toEqual({ type: 'text', anchor: 5, head: 8 });
    expect(editor.state.doc.textContent).toBe('Giá lúa tăng.');
    setSuggesting(editor, true);
    editor.commands.setTextSelection(5);
    processKey(editor);
    expect(editor.state.selection.from).toBe(5);
    expect(suggestionsOf(editor.state.doc)).toEqual([]);
  });
});
