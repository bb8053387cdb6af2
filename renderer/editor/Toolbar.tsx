import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commandSpecs, type CommandId } from '../../shared/commands';
import { ariaKeyShortcut, formatShortcut } from '../../shared/commandPalette';
import { useCommands } from '../commands';
import { editorCommands } from './editorCommands';
import { isSuggesting } from './extensions/SuggestChanges';

const GROUPS: CommandId[][] = [
  ['edit.undo', 'edit.redo'],
  ['format.bold', 'format.italic', 'format.link', 'format.subscript', 'format.superscript'],
  ['block.paragraph', 'block.h2', 'block.h3', 'block.quote', 'block.pullQuote'],
  ['block.bulletList', 'block.orderedList', 'block.table', 'block.separator', 'block.image'],
  ['review.comment', 'review.suggest'],
];

/** Buttons that show a word rather than a symbol (review is not formatting: it must read as what it is). */
const WORDS: Partial<Record<CommandId, string>> = {
  'review.comment': 'toolbar.comment',
  'review.suggest': 'toolbar.suggest',
};

/** Short visible faces for the buttons; the full name is the accessible label. */
const FACES: Partial<Record<CommandId, string>> = {
  'edit.undo': '↶',
  'edit.redo': '↷',
  'format.bold': 'B',
  'format.italic': 'I',
  'format.subscript': 'x₂',
  'format.superscript': 'x²',
  'block.paragraph': '¶',
  'block.h2': 'H2',
  'block.h3': 'H3',
  'block.quote': '❝',
  'block.pullQuote': '❞',
  'block.bulletList': '•',
  'block.orderedList': '1.',
  'block.table': '▦',
  'block.separator': '―',
};

const isMac = () => navigator.platform.startsWith('Mac');

const ORDER = GROUPS.flat();

export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const registry = useCommands();
  // One tab stop for the whole toolbar; arrow keys, Home and End move between its buttons.
  const [focused, setFocused] = useState(0);
  const bar = useRef<HTMLDivElement>(null);
  const moveTo = (index: number) => {
    const next = (index + ORDER.length) % ORDER.length;
    setFocused(next);
    bar.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const state: Partial<Record<CommandId, boolean>> = {};
      for (const [id, command] of Object.entries(editorCommands)) {
        if (command.isActive) state[id as CommandId] = command.isActive(e);
      }
      state['format.link'] = e.isActive('link');
      state['review.suggest'] = isSuggesting(e);
      return state;
    },
  });
  return (
    <div
      role="toolbar"
      aria-label={t('toolbar.label')}
      className="toolbar"
      ref={bar}
      onKeyDown={(event) => {
        const keys: Record<string, number> = { ArrowRight: focused + 1, ArrowLeft: focused - 1, Home: 0, End: ORDER.length - 1 };
        if (event.key in keys) {
          event.preventDefault();
          moveTo(keys[event.key]!);
        }
      }}
    >
      {GROUPS.map((group, index) => (
        <div key={index} className="toolbar-group">
          {group.map((id) => {
            const spec = commandSpecs[id];
            const shortcut = spec.accelerator && formatShortcut(spec.accelerator, isMac());
            const label = t(spec.labelKey).replace('…', '');
            const pressed = active?.[id];
            return (
              <button
                key={id}
                type="button"
                tabIndex={ORDER.indexOf(id) === focused ? 0 : -1}
                onFocus={() => setFocused(ORDER.indexOf(id))}
                className={`tool tool-${id.replace('.', '-')}${WORDS[id] ? ' tool-word' : ''}`}
                aria-label={label}
                aria-pressed={pressed === undefined ? undefined : pressed}
                aria-keyshortcuts={spec.accelerator && ariaKeyShortcut(spec.accelerator, isMac())}
                title={shortcut ? `${label} (${shortcut})` : label}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => void registry.run(id)}
              >
                {WORDS[id] ? (
                  <span aria-hidden="true">{t(WORDS[id])}</span>
                ) : id === 'format.link' ? (
                  <LinkIcon />
                ) : id === 'block.image' ? (
                  <ImageIcon />
                ) : (
                  <span aria-hidden="true">{FACES[id]}</span>
                )}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

function LinkIcon() {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round">
      <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L12 5.6" />
      <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.2-1.2" />
    </svg>
  );
}

function ImageIcon() {
  return (
    <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <circle cx="9" cy="10" r="2" />
      <path d="M21 17l-5-5-9 8" />
    </svg>
  );
}
