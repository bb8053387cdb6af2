import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSearchState } from './extensions/SearchReplace';

/** Find (Ctrl+F) and replace (Ctrl+H) in the body, with match-case and ignore-diacritics options. */
export function FindReplacePanel({ editor, withReplace, onClose }: { editor: Editor; withReplace: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const findInput = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [ignoreDiacritics, setIgnoreDiacritics] = useState(false);
  const search = useEditorState({ editor, selector: ({ editor: e }) => {
    const state = getSearchState(e.state);
    return { count: state.matches.length, current: state.current };
  } });

  useEffect(() => {
    findInput.current?.focus();
    findInput.current?.select();
  }, [withReplace]);

  useEffect(() => {
    editor.commands.setSearch(query, { matchCase, ignoreDiacritics });
  }, [editor, query, matchCase, ignoreDiacritics]);

  // Closing clears the highlights.
  useEffect(() => () => void editor.commands.setSearch('', { matchCase: false, ignoreDiacritics: false }), [editor]);

  const count = search?.count ?? 0;
  const status = !query ? '' : count === 0 ? t('find.none') : t('find.position', { current: (search?.current ?? 0) + 1, count });

  return (
    <div role="search" aria-label={t('find.label')} className="find-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="find-row">
        <label htmlFor={`${ids}-find`}>{t('find.find')}</label>
        <input
          ref={findInput}
          id={`${ids}-find`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
              event.preventDefault();
              if (event.shiftKey) editor.commands.findPrevious();
              else editor.commands.findNext();
            }
          }}
          data-testid="find-input"
        />
        <span className="find-status" aria-live="polite" data-testid="find-status">{status}</span>
        <button type="button" onClick={() => editor.commands.findPrevious()} disabled={!count}>{t('find.previous')}</button>
        <button type="button" onClick={() => editor.commands.findNext()} disabled={!count}>{t('find.next')}</button>
        <button type="button" className="find-close" aria-label={t('find.close')} onClick={onClose}><span aria-hidden="true">×</span></button>
      </div>
      <div className="find-row">
        <label className="check"><input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> {t('find.matchCase')}</label>
        <label className="check"><input type="checkbox" checked={ignoreDiacritics} onChange={(e) => setIgnoreDiacritics(e.target.checked)} /> {t('find.ignoreDiacritics')}</label>
      </div>
      {withReplace && (
        <div className="find-row">
          <label htmlFor={`${ids}-replace`}>{t('find.replaceWith')}</label>
          <input id={`${ids}-replace`} value={replacement} onChange={(event) => setReplacement(event.target.value)} data-testid="replace-input" />
          <button
            type="button"
            disabled={!count}
            // After a replacement the current match is already the next one: selecting it is enough.
            onClick={() => editor.commands.replaceCurrent(replacement.normalize('NFC'))}
          >
            {t('find.replace')}
          </button>
          <button
            type="button"
            disabled={!count}
            onClick={() => {
              editor.commands.replaceAll(replacement.normalize('NFC'));
              // The button is disabled once nothing is left to replace: keep the focus in the panel.
              findInput.current?.focus();
            }}
          >
            {t('find.replaceAll')}
          </button>
        </div>
      )}
    </div>
  );
}
