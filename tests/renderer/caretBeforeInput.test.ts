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
  const selection = document.getSelection()!;
  const node = selection.anchorNode as Text;
  const offset = selection.anchorOffset;
  editor.view.dom.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true }));
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
