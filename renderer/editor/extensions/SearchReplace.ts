import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { findMatches, type FindOptions } from '../../../shared/text/findMatches';

export interface SearchState {
  query: string;
  options: FindOptions;
  matches: Array<{ from: number; to: number }>;
  /** Index of the current match, or -1. */
  current: number;
}

export const searchKey = new PluginKey<SearchState>('searchReplace');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    searchReplace: {
      setSearch: (query: string, options: FindOptions) => ReturnType;
      findNext: () => ReturnType;
      findPrevious: () => ReturnType;
      replaceCurrent: (replacement: string) => ReturnType;
      /** Replaces every match in one transaction: one step to undo. */
      replaceAll: (replacement: string) => ReturnType;
    };
  }
}

/** Matches within each paragraph-like block (a match never spans two paragraphs). */
function matchesIn(doc: PMNode, query: string, options: FindOptions): SearchState['matches'] {
  const found: SearchState['matches'] = [];
  if (!query) return found;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = '';
    const positions: number[] = [];
    node.forEach((child, offset) => {
      if (child.isText) {
        for (let i = 0; i < child.text!.length; i++) positions.push(pos + 1 + offset + i);
        text += child.text;
      } else {
        positions.push(pos + 1 + offset);
        text += '\uFFFC';
      }
    });
    for (const match of findMatches(text, query, options)) {
      found.push({ from: positions[match.start]!, to: positions[match.end - 1]! + 1 });
    }
    return false;
  });
  return found;
}

const empty: SearchState = { query: '', options: { matchCase: false, ignoreDiacritics: true }, matches: [], current: -1 };

export function getSearchState(state: EditorState): SearchState {
  return searchKey.getState(state) ?? empty;
}

function select(state: SearchState, index: number) {
  return state.matches.length ? ((index % state.matches.length) + state.matches.length) % state.matches.length : -1;
}

export const SearchReplace = Extension.create({
  name: 'searchReplace',

  addProseMirrorPlugins() {
    return [
      new Plugin<SearchState>({
        key: searchKey,
        state: {
          init: () => empty,
          apply(tr, previous, _old, next) {
            const meta = tr.getMeta(searchKey) as Partial<SearchState> | undefined;
            if (meta) {
              const query = meta.query ?? previous.query;
              const options = meta.options ?? previous.options;
              const matches = meta.query !== undefined || meta.options !== undefined ? matchesIn(next.doc, query, options) : previous.matches;
              return { query, options, matches, current: meta.current ?? (matches.length ? 0 : -1) };
            }
            if (!tr.docChanged || !previous.query) return previous;
            const matches = matchesIn(next.doc, previous.query, previous.options);
            return { ...previous, matches, current: Math.min(previous.current, matches.length - 1) };
          },
        },
        props: {
          decorations(state) {
            const search = getSearchState(state);
            if (!search.matches.length) return DecorationSet.empty;
            return DecorationSet.create(
              state.doc,
              search.matches.map((m, i) => Decoration.inline(m.from, m.to, { class: i === search.current ? 'search-match search-current' : 'search-match' })),
            );
          },
        },
      }),
    ];
  },

  addCommands() {
    const go =
      (step: number) =>
      () =>
      ({ state, tr, dispatch }: { state: EditorState; tr: Transaction; dispatch?: (tr: Transaction) => void }) => {
        const search = getSearchState(state);
        if (!search.matches.length) return false;
        const index = select(search, search.current + step);
        const match = search.matches[index]!;
        if (dispatch) {
          tr.setMeta(searchKey, { current: index });
          tr.setSelection(TextSelection.create(tr.doc, match.from, match.to)).scrollIntoView();
        }
        return true;
      };
    return {
      setSearch:
        (query, options) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(searchKey, { query, options });
          return true;
        },
      findNext: go(1),
      findPrevious: go(-1),
      replaceCurrent:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const search = getSearchState(state);
          const match = search.matches[search.current];
          if (!match) return false;
          if (dispatch) {
            tr.insertText(replacement, match.from, match.to);
            // Select the next match (the matches are found again on this change).
            const next = search.matches[search.current + 1];
            const shift = replacement.length - (match.to - match.from);
            if (next) tr.setSelection(TextSelection.create(tr.doc, next.from + shift, next.to + shift)).scrollIntoView();
            else tr.setSelection(TextSelection.create(tr.doc, match.from + replacement.length));
          }
          return true;
        },
      replaceAll:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const search = getSearchState(state);
          if (!search.matches.length) return false;
          if (dispatch) for (const match of [...search.matches].reverse()) tr.insertText(replacement, match.from, match.to);
          return true;
        },
    };
  },
});
