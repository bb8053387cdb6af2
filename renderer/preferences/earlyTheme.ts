/** Where this computer's preferences are kept, and the system's dark-mode question (./preferencesStore.ts reads them in full). */
export const PREFERENCES_KEY = 'newsdesk.preferences';
export const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * The theme alone, set before anything is drawn and before the application (and the schemas that
 * check the preferences) has loaded: no flash of the light theme. The checked preferences are
 * applied as the application starts (startPreferences).
 */
export function applyThemeEarly(): void {
  let theme: unknown = null;
  try {
    theme = (JSON.parse(window.localStorage.getItem(PREFERENCES_KEY) ?? 'null') as { theme?: unknown } | null)?.theme;
  } catch {
    // Unreadable: the system's choice.
  }
  const dark = theme === 'dark' || (theme !== 'light' && (window.matchMedia?.(DARK_QUERY).matches ?? false));
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}
