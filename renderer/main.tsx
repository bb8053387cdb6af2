import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connect';
import { App } from './App';
import { initI18n } from './i18n';
import { startPreferences } from './preferences/preferencesStore';
import './styles.css';
import './themes.css';

// The theme and the editor's type before the first paint (no flash of the light theme).
startPreferences();
initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App connection={connect()} />
  </StrictMode>,
);
