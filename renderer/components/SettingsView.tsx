import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/model/settings';
import { errorText, useApi } from '../api/ApiContext';
import { useNotify } from '../hooks/useNotice';
import { useSettings } from '../hooks/useSettings';

/** Newsroom settings: the paper's name and tagline, and the house word list the spellchecker accepts. */
export function SettingsView({ onSaved }: { onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const settings = useSettings();
  const ids = useId();
  const [paperName, setPaperName] = useState(settings.paperName);
  const [tagline, setTagline] = useState(settings.tagline);
  const [houseWords, setHouseWords] = useState(settings.houseWords.join('\n'));

  const save = async () => {
    const words = [...new Set(houseWords.split(/\r?\n/).map((w) => w.trim()).filter(Boolean))];
    const result = await api.saveSettings({ changes: { paperName, tagline, houseWords: words } });
    if (!result.ok) return notify({ text: errorText(t, result.error), tone: 'error' });
    onSaved(result.value);
    notify({ text: t('settings.saved') });
  };

  return (
    <form
      className="settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h1>{t('settings.title')}</h1>
      <div className="field">
        <label htmlFor={`${ids}-paper`}>{t('settings.paperName')}</label>
        <input id={`${ids}-paper`} value={paperName} maxLength={120} onChange={(e) => setPaperName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-tagline`}>{t('settings.tagline')}</label>
        <input id={`${ids}-tagline`} value={tagline} maxLength={200} onChange={(e) => setTagline(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-words`}>{t('settings.houseWords')}</label>
        <textarea id={`${ids}-words`} rows={12} value={houseWords} aria-describedby={`${ids}-words-hint`} onChange={(e) => setHouseWords(e.target.value)} data-testid="house-words" />
        <small id={`${ids}-words-hint`}>{t('settings.houseWordsHint')}</small>
      </div>
      <button type="submit" className="primary">
        {t('settings.save')}
      </button>
    </form>
  );
}
