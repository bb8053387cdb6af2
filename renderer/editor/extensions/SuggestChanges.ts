import { Extension, type Editor } from '@tiptap/core';
import type { Node as PMNode, Schema } from '@tiptap/pm/model';
import { EditorState, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import {
  applySuggestion,
  applySuggestions,
  findSuggestionMarkEnd,
  isSuggestChangesEnabled,
  revertSuggestion,
  revertSuggestions,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from '@handlewithcare/prosemirror-suggest-changes';
import type { SuggestionId } from '../../../shared/model/marks/suggestion';
import { nextSuggestionId, suggestionsOf, type SuggestionInfo } from '../../../shared/review/suggestions';
import { syncSelectionFromDom } from './CaretBeforeInput';

/**
 * Suggestion mode (tracked changes) in the editor, through @handlewithcare/prosemirror-suggest-changes
 * (vendor/, why: docs/suggestions.md). While it is on, every change to the body — typing,
 * deleting, pasting, formatting, whole blocks — is rewritten as a suggestion: inserted text and
 * blocks are marked as inserted, deleted ones as deleted (and kept), formatting as a
 * modification. Typing inside one's own pending insertion stays one insertion, so an input
 * method's corrections (Telex, VNI, Unikey's Backspace-and-retype) make one suggestion per
 * word, not one per keystroke. Who made each suggestion and when is kept in `storage.info`
 * (the article's `suggestions`).
 */

export interface SuggestAuthor {
  /** The profile's id (the first part of each suggestion id). */
  profileId: string;
  name: string;
}

export interface SuggestChangesOptions {
  author: () => SuggestAuthor;
  now: () => string;
}

export interface SuggestChangesStorage {
  info: Map<string, SuggestionInfo>;
}

function idsIn(doc: PMNode): SuggestionId[] {
  return suggestionsOf(doc).map((suggestion) => suggestion.id);
}

export const SuggestChanges = Extension.create<SuggestChangesOptions, SuggestChangesStorage>({
  name: 'suggestChanges',

  addOptions() {
    return { author: () => ({ profileId: 'local', name: '' }), now: () => new Date().toISOString() };
  },

  addStorage() {
    return { info: new Map() };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('suggestChangesComposition'),
        props: {
          handleDOMEvents: {
            // An input method's key (keyCode 229, "Process") comes before its composition starts.
            keydown: (view, event) => {
              if ((event.keyCode === 229 || event.key === 'Process') && !event.isComposing) placeComposition(view);
              return false;
            },
          },
        },
      }),
      suggestChanges(),
    ];
  },

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const meta = transaction.getMeta(suggestChangesKey) as Record<string, unknown> | undefined;
    // Undo and redo replay what was already tracked; accepting and rejecting are not suggestions.
    if (!transaction.docChanged || !isSuggestChangesEnabled(state) || transaction.getMeta('history$') || (meta && 'skip' in meta)) {
      next(transaction);
      return;
    }
    const author = this.options.author();
    const info = this.storage.info;
    const generateId = (_schema: Schema, doc: PMNode | undefined) => {
      const id = nextSuggestionId(author.profileId, [...(doc ? idsIn(doc) : []), ...info.keys()]);
      info.set(id, { id, by: author.name, ...(author.profileId !== 'local' ? { profileId: author.profileId } : {}), at: this.options.now() });
      return id;
    };
    next(transformToSuggestionTransaction(transaction, state, generateId));
  },
});

/**
 * Puts the caret where suggestion mode will put the text an input method is about to compose.
 *
 * Text typed over a selection, or just before (or inside) a suggested deletion, goes after that
 * deletion: the library moves it there (the deleted words stay, marked, before the new ones). For
 * Unikey's typed letters that is right, the editor draws each one where it went. But an input
 * method's pre-edit (ibus, fcitx) is written by the browser in a text node of its own at the caret,
 * and ProseMirror leaves that node alone only while the document has the text at the same place:
 * moved after the deletion, the node was drawn again there, the browser lost its composition and
 * started another with the next pre-edit, the first letter kept ("lúa" deleted with Backspace, then
 * "gạo" composed in its place, gave "ggạo").
 *
 * So at the input method's first key (keydown "Process", keyCode 229, which Chromium sends before
 * the composition starts) the selection is made a suggested deletion, and the caret is put after the
 * deletion it is in or before: the browser composes there, where the document puts the word. Not
 * at compositionstart: Chromium has read the caret's offset in the text by then, and puts the
 * pre-edit's caret at that offset ("lú|a"), so the word came out scrambled.
 */
export function placeComposition(view: EditorView): void {
  if (view.composing || !isSuggestChangesEnabled(view.state)) return;
  // The caret as the page has it (selectionchange may be late), and an ended composition's text drawn.
  syncSelectionFromDom(view);
  if (!(view.state.selection instanceof TextSelection)) return;
  if (!view.state.selection.empty) view.dispatch(view.state.tr.deleteSelection());
  const deletion = view.state.schema.marks.deletion;
  const { $cursor } = view.state.selection as TextSelection;
  if (!deletion || !$cursor) return;
  const $end = view.state.doc.resolve(findSuggestionMarkEnd($cursor, deletion));
  if ($end.pos !== $cursor.pos && $end.parent.inlineContent) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, $end.pos)));
}

/** A document as if every pending suggestion were rejected (itself when it has none). */
export function docAsRejected(doc: PMNode): PMNode {
  const marks = ['insertion', 'deletion', 'modification'].flatMap((name) => doc.type.schema.marks[name] ?? []);
  if (!marks.some((mark) => doc.rangeHasMark(0, doc.content.size, mark))) return doc;
  let result = doc;
  revertSuggestions(EditorState.create({ doc }), (tr) => (result = tr.doc));
  return result;
}

/** Whether the editor is suggesting rather than editing. */
export const isSuggesting = (editor: Editor): boolean => isSuggestChangesEnabled(editor.state);

/** Turns suggestion mode on or off. */
export function setSuggesting(editor: Editor, on: boolean): void {
  if (isSuggesting(editor) === on) return;
  editor.view.dispatch(editor.state.tr.setMeta(suggestChangesKey, { enabled: on }));
}

/** Who made each suggestion of the document, as stored (entries of suggestions no longer there are dropped). */
export function suggestionInfoOf(editor: Editor): SuggestionInfo[] {
  const info = (editor.storage as unknown as { suggestChanges: SuggestChangesStorage }).suggestChanges.info;
  return idsIn(editor.state.doc).flatMap((id) => {
    const entry = info.get(String(id));
    return entry ? [entry] : [];
  });
}

/** Seeds who made the suggestions of a loaded article. */
export function loadSuggestionInfo(editor: Editor, entries: readonly SuggestionInfo[]): void {
  const info = (editor.storage as unknown as { suggestChanges: SuggestChangesStorage }).suggestChanges.info;
  info.clear();
  for (const entry of entries) info.set(String(entry.id), entry);
}

/** Accepts (the change is made) or rejects (the text goes back) one suggestion, or all. */
export function resolveSuggestion(editor: Editor, id: SuggestionId | 'all', accept: boolean): boolean {
  const command = id === 'all' ? (accept ? applySuggestions : revertSuggestions) : (accept ? applySuggestion : revertSuggestion)(id);
  return command(editor.state, editor.view.dispatch);
}
