// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { afterEach, describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../shared/model/body';
import type { CommentThread } from '../../shared/review/comments';
import { suggestionsOf } from '../../shared/review/suggestions';
import { articleExtensions } from '../../renderer/editor/articleExtensions';
import { addComment, CommentAnchors, commentsOf, loadComments, updateComment } from '../../renderer/editor/extensions/CommentAnchors';
import { docAsRejected, isSuggesting, loadSuggestionInfo, resolveSuggestion, setSuggesting, SuggestChanges, suggestionInfoOf, type SuggestAuthor } from '../../renderer/editor/extensions/SuggestChanges';

const AT = '2026-11-28T09:00:00+07:00';
const MINH_ANH: SuggestAuthor = { profileId: 'minh-anh', name: 'Minh Anh' };

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const body = (...paragraphs: string[]): BodyDoc => ({ type: 'doc', content: paragraphs.map(para) }) as BodyDoc;

let editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors) editor.destroy();
  editors = [];
});

/** The editor as ArticleEditor makes it: the article's extensions, comment anchors and suggestion mode. */
function editorWith(content: BodyDoc, author: SuggestAuthor = MINH_ANH): Editor {
  const editor = new Editor({
    extensions: [...articleExtensions({ assetUrl: (id) => `assets/${id}` }), CommentAnchors, SuggestChanges.configure({ author: () => author, now: () => AT })],
    content,
  });
  editors.push(editor);
  return editor;
}

/** Where `needle` starts (or ends, with `after`) in the document's text: its first occurrence, or its `nth`. */
function at(doc: PmNode, needle: string, after = false, nth = 0): number {
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (let i = node.text!.indexOf(needle); i >= 0; i = node.text!.indexOf(needle, i + 1)) found.push(pos + i + (after ? needle.length : 0));
    return false;
  });
  if (found[nth] === undefined) throw new Error(`"${needle}" is not in the document`);
  return found[nth];
}

const thread = (id: string): Omit<CommentThread, 'anchor' | 'quote'> => ({
  id,
  resolved: null,
  messages: [{ id: `${id}-m1`, by: 'Quốc Huy', profileId: 'quoc-huy', at: AT, text: 'Nguồn nào?' }],
});

/** A comment on the first occurrence of `word`. */
function commentOn(editor: Editor, word: string, id = 't-1') {
  const from = at(editor.state.doc, word);
  expect(addComment(editor, { from, to: from + word.length }, thread(id))).toBe(true);
}

const only = (editor: Editor) => {
  const threads = commentsOf(editor);
  expect(threads).toHaveLength(1);
  return threads[0]!;
};
/** The text a thread's anchor covers now, read from the document itself. */
const covered = (editor: Editor, t: CommentThread) => editor.state.doc.textBetween(t.anchor!.from, t.anchor!.to, ' ', ' ');

const type = (editor: Editor, text: string, pos: number) => editor.view.dispatch(editor.state.tr.insertText(text, pos));
const remove = (editor: Editor, from: number, to: number) => editor.view.dispatch(editor.state.tr.delete(from, to));

describe('a comment’s anchor follows the text', () => {
  const TEXT = 'Chiều nay Cần Thơ mưa lớn kéo dài.';

  it('covers the word it was made on, with the word as its quote', () => {
    const editor = editorWith(body(TEXT));
    commentOn(editor, 'Cần Thơ');
    const t = only(editor);
    expect(t).toMatchObject({ id: 't-1', quote: 'Cần Thơ', resolved: null, messages: thread('t-1').messages });
    expect(t.anchor).toEqual({ from: at(editor.state.doc, 'Cần Thơ'), to: at(editor.state.doc, 'Cần Thơ', true) });
  });

  it('after typing before it and after it, still covers just the word', () => {
    const editor = editorWith(body(TEXT));
    commentOn(editor, 'Cần Thơ');
    type(editor, 'TP ', at(editor.state.doc, 'Cần Thơ'));
    type(editor, ' (mới)', at(editor.state.doc, 'Cần Thơ', true));
    const t = only(editor);
    expect(t.quote).toBe('Cần Thơ');
    expect(covered(editor, t)).toBe('Cần Thơ');
    expect(t.anchor!.from).toBe(at(editor.state.doc, 'Cần Thơ'));
    expect(editor.state.doc.textContent).toBe('Chiều nay TP Cần Thơ (mới) mưa lớn kéo dài.');
  });

  it('takes in what is typed inside it', () => {
    const editor = editorWith(body(TEXT));
    commentOn(editor, 'Cần Thơ');
    type(editor, ' thành phố', at(editor.state.doc, 'Cần', true));
    const t = only(editor);
    expect(t.quote).toBe('Cần thành phố Thơ');
    expect(covered(editor, t)).toBe('Cần thành phố Thơ');
  });

  it('after deleting text around it (and a part of it), covers what is left of it', () => {
    const editor = editorWith(body(TEXT));
    commentOn(editor, 'Cần Thơ');
    remove(editor, at(editor.state.doc, 'Chiều nay '), at(editor.state.doc, 'Chiều nay ', true));
    remove(editor, at(editor.state.doc, ' mưa'), at(editor.state.doc, 'lớn', true));
    expect(editor.state.doc.textContent).toBe('Cần Thơ kéo dài.');
    expect(only(editor)).toMatchObject({ quote: 'Cần Thơ', anchor: { from: 1, to: 1 + 'Cần Thơ'.length } });
    // The end of the commented text and what follows it.
    remove(editor, at(editor.state.doc, 'hơ kéo'), at(editor.state.doc, 'kéo', true));
    expect(only(editor).quote).toBe('Cần T');
  });

  it('after the paragraph is split inside it, covers both halves', () => {
    const editor = editorWith(body(TEXT, 'Đoạn sau.'));
    commentOn(editor, 'Cần Thơ');
    editor.view.dispatch(editor.state.tr.split(at(editor.state.doc, ' Thơ')));
    expect(editor.state.doc.childCount).toBe(3);
    const t = only(editor);
    expect(t.quote).toBe('Cần Thơ');
    expect(t.anchor).toEqual({ from: at(editor.state.doc, 'Cần'), to: at(editor.state.doc, ' Thơ', true) });
  });

  it('when exactly its text is deleted, the thread is kept detached with its quote', () => {
    const editor = editorWith(body(TEXT));
    commentOn(editor, 'Cần Thơ');
    commentOn(editor, 'mưa lớn', 't-2');
    remove(editor, at(editor.state.doc, 'Cần Thơ'), at(editor.state.doc, 'Cần Thơ', true));
    expect(editor.state.doc.textContent).toBe('Chiều nay  mưa lớn kéo dài.');
    const [gone, kept] = commentsOf(editor);
    expect(gone).toMatchObject({ id: 't-1', anchor: null, quote: 'Cần Thơ', messages: thread('t-1').messages });
    expect(kept).toMatchObject({ id: 't-2', quote: 'mưa lớn' });
    expect(covered(editor, kept!)).toBe('mưa lớn');
    // A reply to the detached thread keeps it detached, with its quote.
    updateComment(editor, 't-1', (t) => ({ ...t, messages: [...t.messages, { id: 'r', by: 'Minh Anh', profileId: 'minh-anh', at: AT, text: 'Đã bỏ.' }] }));
    expect(commentsOf(editor)[0]).toMatchObject({ anchor: null, quote: 'Cần Thơ', messages: [{}, { text: 'Đã bỏ.' }] });
  });

  it('undoing the deletion of its text brings the anchor back; redoing detaches it again', () => {
    const editor = editorWith(body(TEXT));
    commentOn(editor, 'Cần Thơ');
    editor.commands.setTextSelection({ from: at(editor.state.doc, 'Cần Thơ'), to: at(editor.state.doc, 'Cần Thơ', true) });
    editor.commands.deleteSelection();
    expect(only(editor).anchor).toBeNull();
    editor.commands.undo();
    expect(editor.state.doc.textContent).toBe(TEXT);
    expect(covered(editor, only(editor))).toBe('Cần Thơ');
    editor.commands.redo();
    expect(only(editor).anchor).toBeNull();
    editor.commands.undo();
    expect(covered(editor, only(editor))).toBe('Cần Thơ');
  });

  it('in suggestion mode, deleting its text only marks it deleted: the anchor stays', () => {
    const editor = editorWith(body(TEXT));
    commentOn(editor, 'Cần Thơ');
    setSuggesting(editor, true);
    remove(editor, at(editor.state.doc, 'Cần Thơ'), at(editor.state.doc, 'Cần Thơ', true));
    expect(editor.state.doc.textContent).toBe(TEXT);
    expect(suggestionsOf(editor.state.doc)).toMatchObject([{ kinds: ['delete'], deleted: 'Cần Thơ' }]);
    const t = only(editor);
    expect(t.quote).toBe('Cần Thơ');
    expect(covered(editor, t)).toBe('Cần Thơ');
    // Accepting the deletion removes the text, and detaches the thread.
    expect(resolveSuggestion(editor, 'all', true)).toBe(true);
    expect(only(editor)).toMatchObject({ anchor: null, quote: 'Cần Thơ' });
  });

  it('refuses an empty range or one past the end', () => {
    const editor = editorWith(body(TEXT));
    expect(addComment(editor, { from: 3, to: 3 }, thread('t-1'))).toBe(false);
    expect(addComment(editor, { from: 3, to: editor.state.doc.content.size + 1 }, thread('t-1'))).toBe(false);
    expect(commentsOf(editor)).toEqual([]);
  });
});

describe('loadComments', () => {
  const stored = (id: string, quote: string, anchor: CommentThread['anchor']): CommentThread => ({ ...thread(id), quote, anchor });

  it('keeps a stored anchor whose text is still there (not the first occurrence of the quote)', () => {
    const editor = editorWith(body('Cần Thơ mưa. Ở Cần Thơ, đường ngập.'));
    const second = at(editor.state.doc, 'Cần Thơ', false, 1);
    loadComments(editor, [stored('t-1', 'Cần Thơ', { from: second, to: second + 7 })]);
    expect(only(editor).anchor).toEqual({ from: second, to: second + 7 });
  });

  it('finds a thread again by its quote when its stored place no longer holds it', () => {
    const editor = editorWith(body('Một đoạn mới ở đầu bài.', 'Chiều nay Cần Thơ mưa lớn.'));
    // Stored when the body had no first paragraph, and one past the end of this one.
    loadComments(editor, [stored('t-1', 'Cần Thơ', { from: 11, to: 18 }), stored('t-2', 'mưa lớn', { from: 900, to: 907 })]);
    const [moved, beyond] = commentsOf(editor);
    expect(moved).toMatchObject({ quote: 'Cần Thơ', anchor: { from: at(editor.state.doc, 'Cần Thơ'), to: at(editor.state.doc, 'Cần Thơ', true) } });
    expect(beyond).toMatchObject({ quote: 'mưa lớn', anchor: { from: at(editor.state.doc, 'mưa lớn'), to: at(editor.state.doc, 'mưa lớn', true) } });
    // The found anchors follow edits like any other.
    type(editor, 'TP ', at(editor.state.doc, 'Cần Thơ'));
    expect(covered(editor, commentsOf(editor)[0]!)).toBe('Cần Thơ');
  });

  it('finds a cut quote (…) by its start', () => {
    const long = `${'Mưa lớn kéo dài '.repeat(80)}cuối.`;
    const editor = editorWith(body('Mở đầu.', long));
    const quote = `${long.slice(0, 990).trimEnd()}…`;
    loadComments(editor, [stored('t-1', quote, { from: 1, to: 5 })]);
    expect(only(editor).anchor).toMatchObject({ from: at(editor.state.doc, 'Mưa lớn') });
  });

  it('detaches a thread whose quote is nowhere, keeping its quote', () => {
    const editor = editorWith(body('Chiều nay Cần Thơ mưa lớn.'));
    loadComments(editor, [stored('t-1', 'Hậu Giang', { from: 1, to: 10 }), stored('t-2', 'Vĩnh Long', null)]);
    expect(commentsOf(editor)).toMatchObject([
      { id: 't-1', anchor: null, quote: 'Hậu Giang' },
      { id: 't-2', anchor: null, quote: 'Vĩnh Long' },
    ]);
  });

  it('leaves a thread stored detached detached, even where its words stand elsewhere', () => {
    const editor = editorWith(body('Cần Thơ mưa. Ở Cần Thơ, đường ngập.'));
    const second = at(editor.state.doc, 'Cần Thơ', false, 1);
    commentOn(editor, 'Cần Thơ, đường');
    remove(editor, second, at(editor.state.doc, 'đường', true));
    const saved = commentsOf(editor);
    expect(saved).toMatchObject([{ anchor: null, quote: 'Cần Thơ, đường' }]);
    const reopened = editorWith(body('Cần Thơ, đường Trần Phú ngập.'));
    loadComments(reopened, saved);
    expect(commentsOf(reopened)).toMatchObject([{ anchor: null, quote: 'Cần Thơ, đường' }]);
  });

  it('replaces the threads loaded before', () => {
    const editor = editorWith(body('Chiều nay Cần Thơ mưa lớn.'));
    commentOn(editor, 'Cần Thơ');
    loadComments(editor, []);
    expect(commentsOf(editor)).toEqual([]);
  });
});

describe('the SuggestChanges extension', () => {
  const TEXT = 'Giá lúa tăng mạnh trong tuần.';

  it('is off until asked; while on, edits become suggestions with who and when', () => {
    const editor = editorWith(body(TEXT));
    expect(isSuggesting(editor)).toBe(false);
    type(editor, 'x', 1);
    expect(suggestionsOf(editor.state.doc)).toEqual([]);
    expect(suggestionInfoOf(editor)).toEqual([]);
    setSuggesting(editor, true);
    expect(isSuggesting(editor)).toBe(true);
    type(editor, ' gạo', at(editor.state.doc, 'lúa', true));
    // Typing on at the end of one's own insertion stays that insertion.
    type(editor, ' nếp', at(editor.state.doc, ' gạo', true));
    remove(editor, at(editor.state.doc, ' mạnh'), at(editor.state.doc, ' mạnh', true));
    const ids = suggestionsOf(editor.state.doc).map((s) => s.id);
    expect(ids).toHaveLength(2);
    expect(suggestionsOf(editor.state.doc).map((s) => [s.inserted, s.deleted])).toEqual([
      [' gạo nếp', ''],
      ['', ' mạnh'],
    ]);
    expect(suggestionInfoOf(editor)).toEqual(ids.map((id) => ({ id, by: 'Minh Anh', profileId: 'minh-anh', at: AT })));
    expect(ids.every((id) => String(id).startsWith('minh-anh:'))).toBe(true);
  });

  it('records no profile for the computer’s own user (no profiles)', () => {
    const editor = editorWith(body(TEXT), { profileId: 'local', name: 'may-tinh' });
    setSuggesting(editor, true);
    type(editor, 'Hôm nay ', 1);
    expect(suggestionInfoOf(editor)).toEqual([{ id: 'local:1', by: 'may-tinh', at: AT }]);
  });

  it('keeps the info of a loaded article’s suggestions, and adds new ones after them', () => {
    const loaded: BodyDoc = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Giá lúa ' }, { type: 'text', text: 'tăng', marks: [{ type: 'insertion', attrs: { id: 'minh-anh:4' } }] }] }],
    } as BodyDoc;
    const editor = editorWith(loaded);
    const old = { id: 'minh-anh:4', by: 'Minh Anh', profileId: 'minh-anh', at: '2026-11-27T08:00:00+07:00' };
    loadSuggestionInfo(editor, [old, { id: 'quoc-huy:1', by: 'Quốc Huy', profileId: 'quoc-huy', at: AT }]);
    expect(suggestionInfoOf(editor)).toEqual([old]);
    setSuggesting(editor, true);
    type(editor, 'Sáng nay, ', 1);
    expect(suggestionInfoOf(editor)).toEqual([{ id: 'minh-anh:5', by: 'Minh Anh', profileId: 'minh-anh', at: AT }, old]);
  });

  it('accepts and rejects one suggestion, or all; the resolved ones’ info goes', () => {
    const editor = editorWith(body(TEXT, 'Đoạn hai.'));
    setSuggesting(editor, true);
    type(editor, ' gạo', at(editor.state.doc, 'lúa', true));
    remove(editor, at(editor.state.doc, ' mạnh'), at(editor.state.doc, ' mạnh', true));
    type(editor, ' ngắn', at(editor.state.doc, 'Đoạn hai', true));
    const [insert, del, last] = suggestionsOf(editor.state.doc).map((s) => s.id);
    // Resolving is not itself a suggestion, in suggestion mode or not.
    expect(resolveSuggestion(editor, del!, true)).toBe(true);
    expect(editor.state.doc.textContent).toBe('Giá lúa gạo tăng trong tuần.Đoạn hai ngắn.');
    expect(resolveSuggestion(editor, insert!, false)).toBe(true);
    expect(editor.state.doc.textContent).toBe('Giá lúa tăng trong tuần.Đoạn hai ngắn.');
    expect(suggestionsOf(editor.state.doc).map((s) => s.id)).toEqual([last]);
    expect(suggestionInfoOf(editor).map((entry) => entry.id)).toEqual([last]);
    expect(resolveSuggestion(editor, insert!, false)).toBe(false);
    setSuggesting(editor, false);
    expect(resolveSuggestion(editor, 'all', true)).toBe(true);
    expect(editor.getJSON()).toEqual({ type: 'doc', content: [para('Giá lúa tăng trong tuần.'), para('Đoạn hai ngắn.')] });
    expect(suggestionInfoOf(editor)).toEqual([]);
  });

  it('rejecting all gives back the text as it was', () => {
    const original = body(TEXT, 'Đoạn hai.');
    const editor = editorWith(original);
    setSuggesting(editor, true);
    type(editor, ' gạo', at(editor.state.doc, 'lúa', true));
    editor.view.dispatch(editor.state.tr.split(at(editor.state.doc, ' trong')));
    remove(editor, at(editor.state.doc, 'Đoạn'), at(editor.state.doc, 'Đoạn', true));
    expect(resolveSuggestion(editor, 'all', false)).toBe(true);
    expect(editor.getJSON()).toEqual(original);
  });

  it('docAsRejected: the document as if every suggestion were rejected (itself without any)', () => {
    const original = body(TEXT, 'Đoạn hai.');
    const editor = editorWith(original);
    const before = editor.state.doc;
    expect(docAsRejected(before)).toBe(before);
    setSuggesting(editor, true);
    type(editor, ' gạo', at(editor.state.doc, 'lúa', true));
    remove(editor, at(editor.state.doc, 'Đoạn hai.') - 1, editor.state.doc.content.size);
    editor.view.dispatch(editor.state.tr.setNodeMarkup(0, editor.schema.nodes.heading, { level: 2 }));
    expect(suggestionsOf(editor.state.doc).length).toBeGreaterThan(0);
    expect(docAsRejected(editor.state.doc).toJSON()).toEqual(before.toJSON());
    // The editor's own document is left as it is.
    expect(suggestionsOf(editor.state.doc).length).toBeGreaterThan(0);
  });
});
