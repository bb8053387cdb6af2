import { readPreferences, resolvedTheme, type Preferences } from '../../shared/model/preferences';
import { DARK_QUERY, PREFERENCES_KEY } from './earlyTheme';

/**
 * The preferences of this computer (shared/model/preferences.ts), kept in the window's local
 * storage: in the desktop app that is the per-user application folder, so each person's
 * computer keeps its own; the library is not written. Every window of the app follows a change
 * at once (the storage event).
 */
const STORAGE_KEY = PREFERENCES_KEY;

type Listener = () => void;
const listeners = new Set<Listener>();
let current: Preferences | null = null;

function load(): Preferences {
  try {
    return readPreferences(JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null'));
  } catch {
    return readPreferences(null);
  }
}

export function getPreferences(): Preferences {
  current ??= load();
  return current;
}

export function subscribePreferences(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(next: Preferences): void {
  current = next;
  applyToDocument(next);
  for (const listener of listeners) listener();
}

/** Saves a change (checked as if read back: out-of-range values are brought within bounds). */
export function setPreferences(changes: Partial<Preferences>): Preferences {
  const next = readPreferences({ ...getPreferences(), ...changes });
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage full or refused: the change still applies to this window.
  }
  changed(next);
  return next;
}

/** The page follows the preferences: `data-theme` (light or dark, the system's when following it), the editor's font and size. */
function applyToDocument(preferences: Preferences): void {
  const root = document.documentElement;
  const systemDark = window.matchMedia?.(DARK_QUERY).matches ?? false;
  root.dataset.theme = resolvedTheme(preferences.theme, systemDark);
  root.dataset.editorFont = preferences.editorFont;
  root.dataset.editorSize = String(preferences.editorFontSize);
}

/** Applies the preferences before the first paint, and keeps following the system's theme and other windows' changes. */
export function startPreferences(): void {
  applyToDocument(getPreferences());
  window.matchMedia?.(DARK_QUERY).addEventListener('change', () => applyToDocument(getPreferences()));
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) changed(load());
  });
}
