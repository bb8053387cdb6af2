import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { WORD_PATTERN, type SpellChecker } from '../../../shared/text/spelling';

export interface SpellcheckStorage {
  /** Set by the app once the dictionaries are loaded (and again when the house words change). */
  checker: SpellChecker | null;
}

interface SpellState {
  decorations: DecorationSet;
  /** Bumped when the checker changes (dictionaries loaded, house words edited). */
  version: number;
}

export const spellKey = new PluginKey<SpellState>('spellcheck');
const CHECK_DELAY_MS = 400;

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    spellcheck: {
      /** Uses this checker from now on (and checks the whole body again). */
      setSpellChecker: (checker: SpellChecker) => ReturnType;
    };
  }
}

/**
 * Underlines words the offline spellchecker does not know, a moment after typing pauses. It only
 * adds decorations (never changes text) and waits while an input method is composing.
 */
export const Spellcheck = Extension.create<Record<string, never>, SpellcheckStorage>({
  name: 'spellcheck',

  addStorage() {
    return { checker: null };
  },

  addCommands() {
    return {
      setSpellChecker:
        (checker) =>
        ({ tr, state, dispatch }) => {
          const current = spellKey.getState(state);
          if (dispatch) {
            this.storage.checker = checker;
            tr.setMeta(spellKey, { version: (current?.version ?? 0) + 1 }).setMeta('addToHistory', false);
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    return [
      new Plugin<SpellState>({
        key: spellKey,
        state: {
          init: () => ({ decorations: DecorationSet.empty, version: 0 }),
          apply(tr, previous) {
            const meta = tr.getMeta(spellKey) as Partial<SpellState> | undefined;
            const decorations = meta?.decorations ?? previous.decorations.map(tr.mapping, tr.doc);
            return { decorations, version: meta?.version ?? previous.version };
          },
        },
        props: {
          decorations: (state) => spellKey.getState(state)?.decorations,
        },
        view(view) {
          let timer: ReturnType<typeof setTimeout> | null = null;
          const check = () => {
            timer = null;
            const checker = storage.checker;
            if (!checker) return;
            if (view.composing) return schedule();
            const found: Decoration[] = [];
            view.state.doc.descendants((node, pos) => {
              if (!node.isTextblock) return true;
              node.forEach((child, offset) => {
                if (!child.isText) return;
                for (const match of child.text!.matchAll(WORD_PATTERN)) {
                  if (checker.isCorrect(match[0])) continue;
                  const from = pos + 1 + offset + match.index;
                  found.push(Decoration.inline(from, from + match[0].length, { class: 'misspelled', 'data-word': match[0] }));
                }
              });
              return false;
            });
            view.dispatch(view.state.tr.setMeta(spellKey, { decorations: DecorationSet.create(view.state.doc, found) }).setMeta('addToHistory', false));
          };
          const schedule = () => {
            if (timer) clearTimeout(timer);
            timer = setTimeout(check, CHECK_DELAY_MS);
          };
          schedule();
          return {
            update(updated, previous) {
              if (!updated.state.doc.eq(previous.doc) || spellKey.getState(updated.state)?.version !== spellKey.getState(previous)?.version) schedule();
            },
            destroy() {
              if (timer) clearTimeout(timer);
            },
          };
        },
      }),
    ];
  },
});
