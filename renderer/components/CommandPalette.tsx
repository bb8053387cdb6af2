import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterPalette, formatShortcut, type PaletteEntry } from '../../shared/commandPalette';
import { commandGroups, commandIds, commandSpecs, type CommandId } from '../../shared/commands';
import { useCommands } from '../commands';
import { useModalDialog } from '../hooks/useModalDialog';
import './commandPalette.css';

const isMac = () => navigator.platform.startsWith('Mac');

/**
 * The command palette (Ctrl+Shift+P, Ctrl+K, View → Command palette): every command that can run
 * here, from the shared command list, with its shortcut; typing narrows it without diacritics.
 * An ARIA 1.2 combobox: the text field keeps the focus, arrows move the active option, Enter runs
 * it, Esc closes. Commands the current view does not offer (the editor's, outside an article) are
 * left out: the list is what can be done now.
 *
 * `onClose` gets the command chosen, or null; the caller returns the focus and then runs it, so a
 * command acts where the user was (the selection in the article body, the library's row).
 */
export function CommandPalette({ onClose }: { onClose: (chosen: CommandId | null) => void }) {
  const { t } = useTranslation();
  const registry = useCommands();
  const ids = useId();
  const { dialog, close } = useModalDialog();
  const chosen = useRef<CommandId | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  // What can run now, menu by menu in the menus' order, named in the interface's language.
  const entries = useMemo<PaletteEntry<CommandId>[]>(
    () =>
      commandIds
        .filter((id) => id !== 'app.commandPalette' && registry.has(id))
        .sort((a, b) => commandGroups.indexOf(commandSpecs[a].group) - commandGroups.indexOf(commandSpecs[b].group))
        .map((id) => ({ id, label: t(commandSpecs[id].labelKey), group: t(`menu.${commandSpecs[id].group}`) })),
    [registry, t],
  );
  const shown = useMemo(() => filterPalette(entries, query), [entries, query]);
  const current = shown[Math.min(active, shown.length - 1)];
  const optionId = (id: CommandId) => `${ids}-${id}`;

  useEffect(() => {
    if (current) document.getElementById(optionId(current.id))?.scrollIntoView({ block: 'nearest' });
    // optionId depends on ids only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);

  const run = (id: CommandId) => {
    chosen.current = id;
    close();
  };

  return (
    <dialog ref={dialog} className="palette" aria-labelledby={`${ids}-title`} onClose={() => onClose(chosen.current)} data-testid="command-palette">
      <h2 id={`${ids}-title`} className="visually-hidden">
        {t('palette.title')}
      </h2>
      <input
        type="text"
        role="combobox"
        className="palette-input"
        aria-label={t('palette.search')}
        aria-expanded="true"
        aria-controls={`${ids}-list`}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current.id) : undefined}
        aria-describedby={`${ids}-hint`}
        placeholder={t('palette.placeholder')}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing) return;
          const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + 8, PageUp: active - 8 };
          if (event.key in moves && shown.length) {
            event.preventDefault();
            const next = moves[event.key]!;
            const wrap = event.key === 'ArrowDown' || event.key === 'ArrowUp';
            setActive(wrap ? (next + shown.length) % shown.length : Math.max(0, Math.min(shown.length - 1, next)));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            if (current) run(current.id);
          }
        }}
      />
      <p id={`${ids}-hint`} className="visually-hidden">
        {t('palette.hint')}
      </p>
      <ul id={`${ids}-list`} role="listbox" aria-label={t('palette.commands')} className="palette-list">
        {shown.map((entry) => {
          const accelerator = commandSpecs[entry.id].accelerator;
          const selected = entry === current;
          return (
            <li
              key={entry.id}
              id={optionId(entry.id)}
              role="option"
              aria-selected={selected}
              className={selected ? 'palette-option active' : 'palette-option'}
              data-command={entry.id}
              onMouseMove={() => setActive(shown.indexOf(entry))}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => run(entry.id)}
            >
              <span className="palette-label">{entry.label}</span>
              <span className="palette-group">{entry.group}</span>
              {accelerator ? <kbd className="palette-shortcut">{formatShortcut(accelerator, isMac())}</kbd> : <span className="palette-shortcut" />}
            </li>
          );
        })}
      </ul>
      <p role="status" className={shown.length ? 'visually-hidden' : 'palette-empty'}>
        {shown.length ? t('palette.count', { count: shown.length }) : t('palette.empty')}
      </p>
    </dialog>
  );
}
