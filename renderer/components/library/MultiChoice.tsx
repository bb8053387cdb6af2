import { useId, useRef, useState, type ReactNode } from 'react';
import { fold } from '../../../shared/text/vietnamese';

export interface Choice {
  value: string;
  label: string;
}

/**
 * A filter as a disclosure (a native <details>, so Enter or Space opens it): its checkboxes, any
 * number ticked; with `searchLabel`, a box that narrows long lists (tags) as one types.
 */
export function MultiChoice({
  label,
  choices,
  value,
  onChange,
  searchLabel,
  testId,
  onOpen,
  children,
}: {
  label: string;
  choices: Choice[];
  value: string[];
  onChange: (value: string[]) => void;
  searchLabel?: string;
  testId?: string;
  /** Called when opened (to fetch long lists only when wanted). */
  onOpen?: () => void;
  children?: ReactNode;
}) {
  const ids = useId();
  const details = useRef<HTMLDetailsElement>(null);
  const [narrow, setNarrow] = useState('');
  const shown = searchLabel && narrow.trim() ? choices.filter((c) => fold(c.label).includes(fold(narrow.trim()))) : choices;
  // Ticked ones stay listed even when narrowed away or no longer offered.
  const listed = [...value.filter((v) => !shown.some((c) => c.value === v)).map((v) => choices.find((c) => c.value === v) ?? { value: v, label: v }), ...shown].slice(0, 60);
  return (
    <details
      ref={details}
      className="choice"
      data-testid={testId}
      onToggle={(event) => {
        if (event.currentTarget.open) onOpen?.();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && details.current?.open) {
          event.stopPropagation();
          details.current.open = false;
          details.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary className={value.length ? 'has-value' : undefined}>
        {label}
        {value.length > 0 && <span className="choice-count"> ({value.length})</span>}
      </summary>
      <div className="choice-panel">
        {searchLabel && (
          <div className="choice-search">
            <label htmlFor={`${ids}-narrow`}>{searchLabel}</label>
            <input id={`${ids}-narrow`} type="search" value={narrow} onChange={(event) => setNarrow(event.target.value)} />
          </div>
        )}
        <fieldset>
          <legend className="visually-hidden">{label}</legend>
          {listed.map((choice) => (
            <label key={choice.value} className="check">
              <input
                type="checkbox"
                checked={value.includes(choice.value)}
                onChange={(event) => onChange(event.target.checked ? [...value, choice.value] : value.filter((v) => v !== choice.value))}
              />
              {choice.label}
            </label>
          ))}
        </fieldset>
        {children}
      </div>
    </details>
  );
}
