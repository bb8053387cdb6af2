import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Connection } from './api/connect';
import { App } from './App';
import { initI18n } from './i18n';
import { startPreferences } from './preferences/preferencesStore';

/** The application itself, loaded once main.tsx has asked for what the window shows first. */
export function boot(connection: Connection): void {
  // The theme and the editor's type before the application's first paint.
  startPreferences();
  initI18n();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App connection={connection} />
    </StrictMode>,
  );
}
