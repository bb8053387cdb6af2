import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { Node as PmNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import type { BodyDoc } from '../../shared/model/body';
import { canonicalBody } from '../../shared/model/canonicalBody';
import { bodyProseMirrorSchema as schema } from '../../shared/model/proseMirrorSchema';
import { bodyAsRejected, mergeSuggestions, nextSuggestionId, suggestionIds, suggestionsOf, type SuggestionInfo } from '../../shared/review/suggestions';

/*
 * Two copies of an article that both changed since they parted (a bundle received in conflict):
 * the suggested edits of the incoming copy are carried into this one by their ids, paragraph by
 * paragraph, where the paragraph reads the same on both sides without them. The edits here are
 * made as the editor makes them (transformToSuggestionTransaction, ids "<profile>:<n>").
 */

type Json = Record<string, unknown>;
const p = (value: string): Json => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });
const doc = (...content: Json[]): BodyDoc => ({ type: 'doc', content }) as unknown as BodyDoc;

const BASE = doc(
  p('Chợ nổi Cái Răng họp từ sáng sớm.'),
  p('Giá lúa tăng mạnh trong tuần qua.'),
  p('Thương lái mua bán ngay trên ghe.'),
  p('Sở Nông nghiệp cho biết sẽ kiểm tra.'),
);

function at(node: PmNode, needle: string, after = false): number {
  let found = -1;
  node.descendants((child, pos) => {
    if (found >= 0) return false;
    const index = child.isText ? child.text!.indexOf(needle) : -1;
    if (index >= 0) found = pos + index + (after ? needle.length : 0);
    return found < 0;
  });
  if (found < 0) throw new Error(`"${needle}" is not in the document`);
  return found;
}

/** Edits made one after another in suggestion mode by `author`: the stored body. */
function suggest(body: BodyDoc, author: string, ...edits: Array<(tr: Transaction) => void>): BodyDoc {
  let state = EditorState.create({ schema, doc: PmNode.fromJSON(schema, body) });
  for (const edit of edits) {
    const tr = state.tr;
    edit(tr);
    state = state.apply(transformToSuggestionTransaction(tr, state, (_schema: unknown, node?: PmNode) => nextSuggestionId(author, node ? suggestionsOf(node).map((s) => s.id) : [])));
  }
  return canonicalBody(state.doc.toJSON()).body as BodyDoc;
}

/** A plain edit (outside suggestion mode): the text itself changes. */
function edit(body: BodyDoc, change: (tr: Transaction) => void): BodyDoc {
  const tr = EditorState.create({ schema, doc: PmNode.fromJSON(schema, body) }).tr;
  change(tr);
  return canonicalBody(tr.doc.toJSON()).body as BodyDoc;
}

const insert = (text: string, before: string) => (tr: Transaction) => tr.insertText(text, at(tr.doc, before));
const remove = (words: string) => (tr: Transaction) => tr.delete(at(tr.doc, words), at(tr.doc, words, true));
const info = (body: BodyDoc, name: string): SuggestionInfo[] =>
  suggestionIds(body).map((id) => ({ id, profileId: String(id).split(':')[0]!, by: name, at: '2026-11-27T08:00:00.000Z' }));

describe('suggested edits of two copies, merged by their ids', () => {
  it('carries the incoming suggestions in other paragraphs into this copy, with who made them; the text as read is unchanged', () => {
    const ours = suggest(BASE, 'quoc-huy', insert('rất ', 'mạnh'));
    const theirs = suggest(BASE, 'thu-ha', remove('ngay '), insert('Ông Trần Văn A, ', 'Sở'));
    const merged = mergeSuggestions({ body: ours, suggestions: info(ours, 'Quốc Huy') }, { body: theirs, suggestions: info(theirs, 'Thu Hà') });
    expect(merged.placed.map(String).sort()).toEqual(['thu-ha:1', 'thu-ha:2']);
    expect(merged.left).toEqual([]);
    expect(suggestionIds(merged.body).map(String).sort()).toEqual(['quoc-huy:1', 'thu-ha:1', 'thu-ha:2']);
    expect(merged.body.content).toEqual([ours.content[0], ours.content[1], theirs.content[2], theirs.content[3]]);
    expect(bodyAsRejected(merged.body)).toEqual(BASE);
    expect(merged.suggestions.map((entry) => [entry.id, entry.by])).toEqual([
      ['quoc-huy:1', 'Quốc Huy'],
      ['thu-ha:1', 'Thu Hà'],
      ['thu-ha:2', 'Thu Hà'],
    ]);
  });

  it('leaves in the incoming copy a suggestion in a paragraph that reads differently here: edited, or with a suggestion of ours', () => {
    const edited = edit(BASE, (tr) => tr.insertText('hôm nay ', at(tr.doc, 'họp')));
    const oursEdited = suggest(edited, 'quoc-huy', insert('rất ', 'mạnh'));
    const theirs = suggest(BASE, 'thu-ha', insert('đông vui ', 'họp'), insert('cao ', 'trong'), remove('ngay '));
    const merged = mergeSuggestions({ body: oursEdited, suggestions: info(oursEdited, 'Quốc Huy') }, { body: theirs, suggestions: info(theirs, 'Thu Hà') });
    // Paragraph 1 was edited here, paragraph 2 holds our own suggestion: only paragraph 3's is carried.
    expect(merged.placed.map(String)).toEqual(['thu-ha:3']);
    expect(merged.left.map(String).sort()).toEqual(['thu-ha:1', 'thu-ha:2']);
    expect(bodyAsRejected(merged.body)).toEqual(edited);
    expect(merged.body.content[0]).toEqual(oursEdited.content[0]);
    expect(merged.body.content[1]).toEqual(oursEdited.content[1]);
    expect(merged.suggestions.map((entry) => String(entry.id)).sort()).toEqual(['quoc-huy:1', 'thu-ha:3']);
  });

  it('does not repeat a suggestion both copies hold (the one made before they parted)', () => {
    const before = suggest(BASE, 'thu-ha', remove('ngay '));
    const ours = suggest(before, 'quoc-huy', insert('rất ', 'mạnh'));
    const theirs = suggest(before, 'thu-ha', insert('Ông Trần Văn A, ', 'Sở'));
    const merged = mergeSuggestions({ body: ours, suggestions: info(ours, 'Quốc Huy') }, { body: theirs, suggestions: info(theirs, 'Thu Hà') });
    expect(merged.placed.map(String)).toEqual(['thu-ha:2']);
    expect(suggestionIds(merged.body).map(String).sort()).toEqual(['quoc-huy:1', 'thu-ha:1', 'thu-ha:2']);
    expect(JSON.stringify(merged.body).match(/thu-ha:1/g)).toHaveLength(1);
  });

  it('finds the paragraph where it moved here (unique), and leaves one whose text appears twice here', () => {
    const moved = edit(BASE, (tr) => tr.insert(0, PmNode.fromJSON(schema, p('Tin mới nhất.'))));
    const theirs = suggest(BASE, 'thu-ha', remove('ngay '));
    const merged = mergeSuggestions({ body: moved, suggestions: [] }, { body: theirs, suggestions: info(theirs, 'Thu Hà') });
    expect(merged.placed.map(String)).toEqual(['thu-ha:1']);
    expect(merged.body.content[3]).toEqual(theirs.content[2]);

    const twice = edit(BASE, (tr) => tr.insert(tr.doc.content.size, PmNode.fromJSON(schema, p('Thương lái mua bán ngay trên ghe.'))));
    const moved2 = edit(twice, (tr) => tr.insert(0, PmNode.fromJSON(schema, p('Tin mới nhất.'))));
    const ambiguous = mergeSuggestions({ body: moved2, suggestions: [] }, { body: theirs, suggestions: info(theirs, 'Thu Hà') });
    expect(ambiguous.placed).toEqual([]);
    expect(ambiguous.body).toEqual(moved2);
  });

  it('carries a suggestion across two paragraphs whole or not at all', () => {
    const theirs = suggest(BASE, 'thu-ha', (tr) => tr.delete(at(tr.doc, 'qua.'), at(tr.doc, 'Thương lái')));
    expect(suggestionIds(theirs).map(String)).toEqual(['thu-ha:1']);
    const whole = mergeSuggestions({ body: BASE, suggestions: [] }, { body: theirs, suggestions: info(theirs, 'Thu Hà') });
    expect(whole.placed.map(String)).toEqual(['thu-ha:1']);
    expect(whole.body).toEqual(theirs);

    const oneSideEdited = edit(BASE, (tr) => tr.insertText('cả ', at(tr.doc, 'trên ghe')));
    const half = mergeSuggestions({ body: oneSideEdited, suggestions: [] }, { body: theirs, suggestions: info(theirs, 'Thu Hà') });
    expect(half.placed).toEqual([]);
    expect(half.left.map(String)).toEqual(['thu-ha:1']);
    expect(half.body).toEqual(oneSideEdited);
  });

  it('leaves a suggested new paragraph in the incoming copy (there is no certain place for it)', () => {
    const theirs = suggest(BASE, 'thu-ha', (tr) => tr.insert(tr.doc.content.size, PmNode.fromJSON(schema, p('Đoạn mới.'))), remove('ngay '));
    const merged = mergeSuggestions({ body: BASE, suggestions: [] }, { body: theirs, suggestions: info(theirs, 'Thu Hà') });
    expect(merged.body).toEqual(BASE);
    expect(merged.left.length).toBeGreaterThan(0);
  });

  it('does not bring back a suggestion resolved here since the copies parted, when that version is known', () => {
    const parted = suggest(BASE, 'thu-ha', remove('ngay '));
    // Here it was rejected (the paragraph reads as before); there, another suggestion was made.
    const rejectedHere = BASE;
    const theirs = suggest(parted, 'thu-ha', insert('Ông Trần Văn A, ', 'Sở'));
    const withParted = mergeSuggestions({ body: rejectedHere, suggestions: [] }, { body: theirs, suggestions: info(theirs, 'Thu Hà') }, suggestionIds(parted));
    expect(withParted.placed.map(String)).toEqual(['thu-ha:2']);
    expect(suggestionIds(withParted.body).map(String)).toEqual(['thu-ha:2']);
    // Without it, the rejected one cannot be told from a new one, and comes back.
    const without = mergeSuggestions({ body: rejectedHere, suggestions: [] }, { body: theirs, suggestions: info(theirs, 'Thu Hà') });
    expect(without.placed.map(String).sort()).toEqual(['thu-ha:1', 'thu-ha:2']);
  });

  it('changes nothing when the incoming copy has no suggestion this one lacks', () => {
    const ours = suggest(BASE, 'quoc-huy', insert('rất ', 'mạnh'));
    const merged = mergeSuggestions({ body: ours, suggestions: info(ours, 'Quốc Huy') }, { body: BASE, suggestions: [] });
    expect(merged).toEqual({ body: ours, suggestions: info(ours, 'Quốc Huy'), placed: [], left: [] });
  });
});
