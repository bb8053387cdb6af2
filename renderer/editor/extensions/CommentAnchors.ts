import { Extension, type Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { quoteOf, type CommentThread } from '../../../shared/review/comments';

/**
 * Where each comment thread is in the body: an inline decoration per anchored thread, mapped
 * through every transaction (ProseMirror position mapping), so an anchor follows edits around it
 * and inside it. When its whole text is deleted the decoration is gone and the thread is kept,
 * detached, with its last quote. The threads themselves (messages, resolution) are in
 * `storage.threads`; reading them (commentsOf) puts in each anchor's current range and text.
 */

interface AnchorSpec {
  commentId: string;
}

type Action = { kind: 'reset'; anchors: Array<{ id: string; from: number; to: number }> } | { kind: 'add'; id: string; from: number; to: number } | { kind: 'active'; id: string | null };

interface AnchorsState {
  decorations: DecorationSet;
  active: string | null;
  /** Anchors whose text was deleted: where it stood and what it was, so undoing the deletion brings the anchor back. */
  lost: ReadonlyMap<string, { pos: number; size: number; text: string }>;
}

export const commentAnchorsKey = new PluginKey<AnchorsState>('commentAnchors');

const anchor = (id: string, from: number, to: number, active: boolean) =>
  Decoration.inline(from, to, { class: active ? 'comment-anchor active' : 'comment-anchor', 'data-comment': id }, { commentId: id } satisfies AnchorSpec);

export interface CommentAnchorsStorage {
  threads: CommentThread[];
}

export const CommentAnchors = Extension.create<Record<string, never>, CommentAnchorsStorage>({
  name: 'commentAnchors',

  addStorage() {
    return { threads: [] };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<AnchorsState>({
        key: commentAnchorsKey,
        state: {
          init: () => ({ decorations: DecorationSet.empty, active: null, lost: new Map() }),
          apply(tr, value, previous, next) {
            let { decorations, active } = value;
            let lost = value.lost;
            decorations = decorations.map(tr.mapping, tr.doc);
            if (tr.docChanged) {
              // An anchor whose whole text went is remembered where the text stood…
              const kept = new Set(decorations.find().map((d) => (d.spec as AnchorSpec).commentId));
              const moved = new Map([...lost].map(([id, at]) => [id, { ...at, pos: tr.mapping.map(at.pos, -1) }]));
              for (const d of value.decorations.find()) {
                const id = (d.spec as AnchorSpec).commentId;
                if (!kept.has(id)) moved.set(id, { pos: tr.mapping.map(d.from, -1), size: d.to - d.from, text: previous.doc.textBetween(d.from, d.to, ' ', ' ') });
              }
              // …and comes back when an undo (or redo) puts the same text there again.
              if (tr.getMeta('history$')) {
                for (const [id, at] of moved) {
                  const end = at.pos + at.size;
                  if (end > next.doc.content.size || next.doc.textBetween(at.pos, end, ' ', ' ') !== at.text) continue;
                  decorations = decorations.add(next.doc, [anchor(id, at.pos, end, id === active)]);
                  moved.delete(id);
                }
              }
              lost = moved;
            }
            const action = tr.getMeta(commentAnchorsKey) as Action | undefined;
            if (action?.kind === 'reset') lost = new Map();
            if (action?.kind === 'reset') decorations = DecorationSet.create(next.doc, action.anchors.map((a) => anchor(a.id, a.from, a.to, false)));
            if (action?.kind === 'add') decorations = decorations.add(next.doc, [anchor(action.id, action.from, action.to, false)]);
            if (action?.kind === 'active' || action?.kind === 'reset') {
              active = action.kind === 'active' ? action.id : null;
              // Re-made so the active thread's text stands out.
              const all = decorations.find();
              decorations = DecorationSet.create(
                next.doc,
                all.map((d) => anchor((d.spec as AnchorSpec).commentId, d.from, d.to, (d.spec as AnchorSpec).commentId === active)),
              );
            }
            return { decorations, active, lost };
          },
        },
        props: {
          decorations: (state) => commentAnchorsKey.getState(state)?.decorations ?? null,
        },
      }),
    ];
  },
});

const storageOf = (editor: Editor) => (editor.storage as unknown as { commentAnchors: CommentAnchorsStorage }).commentAnchors;

/** Where each thread's text is now (null: its text is gone). */
export function anchorRanges(state: EditorState): Map<string, { from: number; to: number }> {
  const ranges = new Map<string, { from: number; to: number }>();
  for (const d of commentAnchorsKey.getState(state)?.decorations.find() ?? []) {
    const id = (d.spec as AnchorSpec).commentId;
    const seen = ranges.get(id);
    ranges.set(id, seen ? { from: Math.min(seen.from, d.from), to: Math.max(seen.to, d.to) } : { from: d.from, to: d.to });
  }
  return ranges;
}

const visibleText = (doc: PMNode, from: number, to: number) => quoteOf(doc.textBetween(from, to, ' ', ' '));

/** The threads as stored: each with its anchor's current range and text, or detached. */
export function commentsOf(editor: Editor): CommentThread[] {
  const ranges = anchorRanges(editor.state);
  return storageOf(editor).threads.map((thread) => {
    const range = ranges.get(thread.id);
    if (!range || range.from >= range.to) return { ...thread, anchor: null };
    const quote = visibleText(editor.state.doc, range.from, range.to);
    return { ...thread, anchor: { from: range.from, to: range.to }, quote: quote || thread.quote };
  });
}

/** Finds a quote's text in a paragraph-like block of the document (where a stored anchor no longer matches). */
function findQuote(doc: PMNode, quote: string): { from: number; to: number } | null {
  if (!quote) return null;
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (!node.isTextblock) return true;
    const positions: number[] = [];
    let text = '';
    node.forEach((child, offset) => {
      const value = child.isText ? child.text! : ' ';
      for (let i = 0; i < value.length; i++) positions.push(pos + 1 + offset + i);
      text += value;
    });
    const at = text.replace(/\u200B/g, ' ').indexOf(quote.replace(/…$/, ''));
    if (at >= 0) found = { from: positions[at]!, to: positions[at + quote.replace(/…$/, '').length - 1]! + 1 };
    return false;
  });
  return found;
}

/**
 * Loads an article's threads: each stored anchor is kept where its text still is; one whose text
 * moved (the body was changed outside this editor: a restored version, an import) is found again
 * by its quote; one whose text is gone is detached.
 */
export function loadComments(editor: Editor, threads: readonly CommentThread[]): void {
  const doc = editor.state.doc;
  const anchors: Array<{ id: string; from: number; to: number }> = [];
  for (const thread of threads) {
    const stored = thread.anchor;
    // A detached thread stays detached: its words were deleted, even if the same words stand elsewhere.
    if (!stored) continue;
    if (stored.to <= doc.content.size && visibleText(doc, stored.from, stored.to) === thread.quote) {
      anchors.push({ id: thread.id, ...stored });
      continue;
    }
    const found = findQuote(doc, thread.quote);
    if (found) anchors.push({ id: thread.id, ...found });
  }
  storageOf(editor).threads = threads.map((thread) => ({ ...thread }));
  editor.view.dispatch(editor.state.tr.setMeta(commentAnchorsKey, { kind: 'reset', anchors } satisfies Action).setMeta('addToHistory', false));
}

/** A new thread on a range of the body (the selection when it was asked for). Returns false for an empty range. */
export function addComment(editor: Editor, range: { from: number; to: number }, thread: Omit<CommentThread, 'anchor' | 'quote'>): boolean {
  const { from, to } = range;
  if (from >= to || to > editor.state.doc.content.size) return false;
  storageOf(editor).threads = [...storageOf(editor).threads, { ...thread, anchor: { from, to }, quote: visibleText(editor.state.doc, from, to) }];
  editor.view.dispatch(editor.state.tr.setMeta(commentAnchorsKey, { kind: 'add', id: thread.id, from, to } satisfies Action).setMeta('addToHistory', false));
  setActiveComment(editor, thread.id);
  return true;
}

/** The text a comment on the range would be about. */
export const quoteAt = (editor: Editor, range: { from: number; to: number }): string => visibleText(editor.state.doc, range.from, range.to);

/** Changes one thread (a reply, resolved, reopened); the anchor stays as it is. */
export function updateComment(editor: Editor, id: string, change: (thread: CommentThread) => CommentThread): void {
  storageOf(editor).threads = storageOf(editor).threads.map((thread) => (thread.id === id ? change(thread) : thread));
  setActiveComment(editor, id);
}

/** Highlights one thread's text (null: none). Every comment change passes here, so listeners hear of it. */
export function setActiveComment(editor: Editor, id: string | null): void {
  editor.view.dispatch(editor.state.tr.setMeta(commentAnchorsKey, { kind: 'active', id } satisfies Action).setMeta('addToHistory', false));
}

export const activeComment = (state: EditorState): string | null => commentAnchorsKey.getState(state)?.active ?? null;

/** Whether a transaction changed the comments (an add, reply, resolution or highlight). */
export const changesComments = (transaction: { getMeta: (key: PluginKey) => unknown }): boolean => transaction.getMeta(commentAnchorsKey) !== undefined;
