import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUTOSAVE_MAX_SECONDS,
  AUTOSAVE_MIN_SECONDS,
  clampAutosave,
  editorFonts,
  editorFontSizes,
  spellLanguages,
  themes,
  type EditorFont,
  type EditorFontSize,
  type SpellLanguages,
  type Theme,
} from '../../shared/model/preferences';
import { usePreferences } from '../hooks/usePreferences';
import { setPreferences } from '../preferences/preferencesStore';

/**
 * This computer's preferences (shared/model/preferences.ts): each applies and is kept at once,
 * apart from the newsroom's settings below and their Save button. The interface language is the
 * library's (the main process reads it for its menus before any window opens): changed here as
 * from the top bar.
 */
export function PreferencesSettings() {
  const { t } = useTranslation();
  const ids = useId();
  const preferences = usePreferences();
  // The delay as typed (it may be empty or out of range while typing); kept when the field is left.
  const [seconds, setSeconds] = useState(String(preferences.autosaveSeconds));
  const keepSeconds = () => {
    const value = Number(seconds);
    const kept = setPreferences({ autosaveSeconds: Number.isFinite(value) && seconds.trim() ? clampAutosave(value) : preferences.autosaveSeconds });
    setSeconds(String(kept.autosaveSeconds));
  };

  return (
    <fieldset className="preferences" data-testid="preferences">
      <legend>{t('preferences.title')}</legend>
      <p className="muted">{t('preferences.hint')}</p>
      <div className="field">
        <label htmlFor={`${ids}-theme`}>{t('preferences.theme')}</label>
        <select id={`${ids}-theme`} value={preferences.theme} onChange={(e) => setPreferences({ theme: e.target.value as Theme })} data-testid="pref-theme">
          {themes.map((theme) => (
            <option key={theme} value={theme}>
              {t(`preferences.themes.${theme}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-font`}>{t('preferences.editorFont')}</label>
        <select id={`${ids}-font`} value={preferences.editorFont} onChange={(e) => setPreferences({ editorFont: e.target.value as EditorFont })} data-testid="pref-font">
          {editorFonts.map((font) => (
            <option key={font} value={font}>
              {t(`preferences.fonts.${font}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-size`}>{t('preferences.editorFontSize')}</label>
        <select
          id={`${ids}-size`}
          value={preferences.editorFontSize}
          onChange={(e) => setPreferences({ editorFontSize: Number(e.target.value) as EditorFontSize })}
          aria-describedby={`${ids}-size-hint`}
          data-testid="pref-size"
        >
          {editorFontSizes.map((size) => (
            <option key={size} value={size}>
              {t('preferences.sizeOption', { size })}
            </option>
          ))}
        </select>
        <small id={`${ids}-size-hint`}>{t('preferences.sizeHint')}</small>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-autosave`}>{t('preferences.autosave')}</label>
        <input
          id={`${ids}-autosave`}
          type="number"
          min={AUTOSAVE_MIN_SECONDS}
          max={AUTOSAVE_MAX_SECONDS}
          step={1}
          value={seconds}
          onChange={(e) => setSeconds(e.target.value)}
          onBlur={keepSeconds}
          onKeyDown={(e) => {
            // Enter keeps the delay; it does not submit the newsroom's settings around it.
            if (e.key === 'Enter') {
              e.preventDefault();
              keepSeconds();
            }
          }}
          aria-describedby={`${ids}-autosave-hint`}
          data-testid="pref-autosave"
        />
        <small id={`${ids}-autosave-hint`}>{t('preferences.autosaveHint', { min: AUTOSAVE_MIN_SECONDS, max: AUTOSAVE_MAX_SECONDS })}</small>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-spell`}>{t('preferences.spellcheck')}</label>
        <select id={`${ids}-spell`} value={preferences.spellcheck} onChange={(e) => setPreferences({ spellcheck: e.target.value as SpellLanguages })} data-testid="pref-spell">
          {spellLanguages.map((choice) => (
            <option key={choice} value={choice}>
              {t(`preferences.spell.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="muted" data-testid="pref-language-note">
        {t('preferences.languageNote')}
      </p>
    </fieldset>
  );
}
