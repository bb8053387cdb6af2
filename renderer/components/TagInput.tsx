import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/model/article';
import { fold } from '../../shared/text/vietnamese';
import { useApi } from '../api/ApiContext';

/**
 * Tags as removable chips, with suggestions from the tags the library already uses (so "Giáo dục"
 * is not entered again as "giao duc"). Enter or a comma adds the tag typed.
 */
export function TagInput({ value, onChange }: { value: string[]; onChange: (tags: string[]) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const [text, setText] = useState('');
  const [known, setKnown] = useState<string[]>([]);

  useEffect(() => {
    void api.listTags({}).then((result) => result.ok && setKnown(result.value.map((entry) => entry.tag)));
  }, [api]);

  const add = (...raws: string[]) => {
    const next = [...value];
    for (const raw of raws) {
      const typed = raw.trim().replace(/\s+/g, ' ').normalize('NFC');
      if (!typed) continue;
      // Reuse the library's spelling of a tag typed with other case or marks.
      const tag = (known.find((k) => fold(k) === fold(typed)) ?? typed).slice(0, LIMITS.tag);
      if (!next.some((v) => fold(v) === fold(tag)) && next.length < LIMITS.tags) next.push(tag);
    }
    if (next.length !== value.length) onChange(next);
    setText('');
  };

  return (
    <div className="field tags-field">
      <label htmlFor={`${ids}-input`}>{t('editor.tags')}</label>
      <ul className="tag-list" aria-label={t('editor.tagsChosen')}>
        {value.map((tag) => (
          <li key={tag} className="tag">
            <span>{tag}</span>
            <button
              type="button"
              className="tag-remove"
              aria-label={t('editor.removeTag', { tag })}
              onClick={() => {
                onChange(value.filter((v) => v !== tag));
                document.getElementById(`${ids}-input`)?.focus();
              }}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <input
        id={`${ids}-input`}
        list={`${ids}-known`}
        value={text}
        maxLength={LIMITS.tag}
        aria-describedby={`${ids}-hint`}
        onChange={(event) => {
          const next = event.target.value;
          if (next.includes(',')) {
            const parts = next.split(',');
            add(...parts.slice(0, -1));
            setText(parts.at(-1) ?? '');
          } else setText(next);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            add(text);
          } else if (event.key === 'Backspace' && text === '' && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => add(text)}
        data-testid="tag-input"
      />
      <datalist id={`${ids}-known`}>
        {known
          .filter((tag) => !value.some((v) => fold(v) === fold(tag)))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
      <small id={`${ids}-hint`}>{t('editor.tagsHint')}</small>
    </div>
  );
}
