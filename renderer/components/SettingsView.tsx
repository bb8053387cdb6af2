import { UnusedImages } from './UnusedImages';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { columnImageUrl } from '../publish/pageContext';
import type { Section, Settings, WebsiteLink } from '../../shared/model/settings';
import { DEFAULT_TIME_ZONE, formatDateTime, formatShortDateTime } from '../../shared/text/dates';
import { stableStringify } from '../../shared/text/stableStringify';
import { slugify } from '../../shared/text/vietnamese';
import { initialsOf, type Profile } from '../../shared/review/people';
import { errorText, useApi } from '../api/ApiContext';
import { useImageImport } from '../hooks/useImageImport';
import { useNotify } from '../hooks/useNotice';
import { useProfile } from '../hooks/useProfile';
import { useSettings } from '../hooks/useSettings';
import { ChecklistSettings } from './ChecklistSettings';
import { EditableRows } from './EditableRows';
import { newProfileId } from './ProfileGate';
import { ProfileSettings } from './ProfileSettings';
import { LibraryFolderSettings } from './LibraryFolderSettings';
import { PreferencesSettings } from './PreferencesSettings';
import { SyncSettings } from './SyncSettings';

/** The moment each date style is shown with, as the published page would print it (in Vietnamese). */
const DATE_SAMPLE = '2026-11-27T01:15:00Z';
const TIME_ZONES = ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/Paris', 'UTC'];

/** Newsroom settings: the paper, its sections and links, reader feedback, dates, and the house words. */
export function SettingsView({ onSaved }: { onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const notify = useNotify();
  const settings = useSettings();
  const ids = useId();
  const importImage = useImageImport();
  const { profile: current } = useProfile();
  const [form, setForm] = useState<Settings>(settings);
  const [houseWords, setHouseWords] = useState(settings.houseWords.join('\n'));
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setForm((current) => ({ ...current, [key]: value }));

  // The settings changed elsewhere (a profile added from the top bar, the language switched): what
  // was not edited here follows them, so saving does not undo that change.
  const [base, setBase] = useState(settings);
  if (base !== settings) {
    setBase(settings);
    setForm(rebase(form, base, settings));
    if (houseWords === base.houseWords.join('\n')) setHouseWords(settings.houseWords.join('\n'));
  }

  const savedWords = settings.houseWords.join('\n');
  const dirty = stableStringify({ ...form, recentFolders: [] }) !== stableStringify({ ...settings, recentFolders: [] }) || houseWords !== savedWords;
  const undo = () => {
    setForm(settings);
    setHouseWords(savedWords);
  };

  const save = async () => {
    const words = [...new Set(houseWords.split(/\r?\n/).map((w) => w.trim()).filter(Boolean))];
    // The language is switched on its own; the recent folders are the exports' to keep.
    const { interfaceLanguage: _language, recentFolders: _recent, ...changes } = form;
    const result = await api.saveSettings({
      changes: {
        ...changes,
        // Sent only when changed here (new rows get their ids), so another window's new profile is
        // never written over with this window's older list. (Changing them is the chief editor's.)
        profiles: stableStringify(form.profiles) === stableStringify(settings.profiles) ? undefined : withIds(form.profiles),
        policy: stableStringify(form.policy) === stableStringify(settings.policy) ? undefined : form.policy,
        houseWords: words,
        sections: form.sections.map((s) => ({ ...s, slug: slugify(s.slug || s.name) })),
        websiteLinks: form.websiteLinks.filter((l) => l.name.trim() || l.url.trim()),
        checklist: { ...form.checklist, abbreviations: form.checklist.abbreviations.filter((a) => a.short.trim() || a.long.trim()) },
      },
    });
    if (!result.ok) return notify({ text: errorText(t, result.error), tone: 'error' });
    onSaved(result.value);
    setForm(result.value);
    setHouseWords(result.value.houseWords.join('\n'));
    notify({ text: t('settings.saved') });
  };

  const text = (key: 'paperName' | 'tagline' | 'baseUrl' | 'feedbackEmail' | 'feedbackFormAction', label: string, hint?: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      <input id={`${ids}-${key}`} type={type} value={form[key]} onChange={(e) => set(key, e.target.value)} aria-describedby={hint ? `${ids}-${key}-hint` : undefined} />
      {hint && <small id={`${ids}-${key}-hint`}>{hint}</small>}
    </div>
  );

  return (
    <form
      className="settings"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h1>{t('settings.title')}</h1>

      {/* This computer's, applied at once (not part of the newsroom's Save below). */}
      <PreferencesSettings />
      <LibraryFolderSettings />
      <SyncSettings />

      <fieldset>
        <legend>{t('settings.paper')}</legend>
        {/* eslint-disable-next-line i18next/no-literal-string -- the setting's name and the input's type, not text */}
        {text('paperName', t('settings.paperName'))}
        {/* eslint-disable-next-line i18next/no-literal-string -- the setting's name and the input's type, not text */}
        {text('tagline', t('settings.tagline'))}
        {/* eslint-disable-next-line i18next/no-literal-string -- the setting's name and the input's type, not text */}
        {text('baseUrl', t('settings.baseUrl'), t('settings.baseUrlHint'), 'url')}
        <div className="field">
          <span className="label">{t('settings.logo')}</span>
          {form.logoAssetId ? <img src={columnImageUrl(form.logoAssetId)} alt={t('settings.logoPreview')} className="logo-preview" /> : null}
          <div className="row-actions">
            <button type="button" onClick={() => void importImage().then((id) => id && set('logoAssetId', id))}>
              {t('settings.chooseLogo')}
            </button>
            {form.logoAssetId && (
              <button type="button" onClick={() => set('logoAssetId', '')}>
                {t('settings.removeLogo')}
              </button>
            )}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-accent`}>{t('settings.accent')}</label>
          <input id={`${ids}-accent`} type="color" value={form.accentColor} onChange={(e) => set('accentColor', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-footer`}>{t('settings.footer')}</label>
          <textarea id={`${ids}-footer`} rows={2} value={form.footerText} onChange={(e) => set('footerText', e.target.value)} />
        </div>
      </fieldset>

      <EditableRows<Section>
        legend={t('settings.sections')}
        columns={[
          { key: 'name', label: t('settings.sectionName') },
          { key: 'slug', label: t('settings.sectionSlug') },
          { key: 'headlineLimit', label: t('settings.sectionLimit'), type: 'number', min: 20, max: 300 },
        ]}
        rows={form.sections}
        onChange={(sections) => set('sections', sections)}
        newRow={() => ({ name: '', slug: '', headlineLimit: 100 })}
        addLabel={t('settings.addSection')}
        rowName={(section) => section.name}
        minRows={1}
      />

      <EditableRows<WebsiteLink>
        legend={t('settings.links')}
        columns={[
          { key: 'name', label: t('settings.linkName') },
          { key: 'url', label: t('settings.linkUrl'), type: 'url' },
        ]}
        rows={form.websiteLinks}
        onChange={(websiteLinks) => set('websiteLinks', websiteLinks)}
        newRow={() => ({ name: '', url: '' })}
        addLabel={t('settings.addLink')}
        rowName={(link) => link.name}
      />

      <fieldset>
        <legend>{t('settings.feedback')}</legend>
        {/* eslint-disable-next-line i18next/no-literal-string -- the setting's name and the input's type, not text */}
        {text('feedbackEmail', t('settings.feedbackEmail'), t('settings.feedbackEmailHint'), 'email')}
        {/* eslint-disable-next-line i18next/no-literal-string -- the setting's name and the input's type, not text */}
        {text('feedbackFormAction', t('settings.feedbackForm'), t('settings.feedbackFormHint'), 'url')}
      </fieldset>

      <fieldset>
        <legend>{t('settings.photos')}</legend>
        <div className="field check">
          <input
            id={`${ids}-strip`}
            type="checkbox"
            checked={form.stripLocationFromOriginals}
            onChange={(e) => set('stripLocationFromOriginals', e.target.checked)}
            aria-describedby={`${ids}-strip-hint`}
            data-testid="strip-location"
          />
          <label htmlFor={`${ids}-strip`}>{t('settings.stripLocation')}</label>
          <small id={`${ids}-strip-hint`}>{t('settings.stripLocationHint')}</small>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-max-image`}>{t('settings.maxImage')}</label>
          <input
            id={`${ids}-max-image`}
            type="number"
            min={1}
            max={50}
            value={form.maxImageMB}
            onChange={(e) => set('maxImageMB', Math.min(50, Math.max(1, Math.round(Number(e.target.value) || 20))))}
            aria-describedby={`${ids}-max-image-hint`}
            data-testid="max-image"
          />
          <small id={`${ids}-max-image-hint`}>{t('settings.maxImageHint')}</small>
        </div>
        <UnusedImages />
      </fieldset>

      <fieldset>
        <legend>{t('settings.dates')}</legend>
        <div className="field">
          <label htmlFor={`${ids}-date`}>{t('settings.dateStyle')}</label>
          <select id={`${ids}-date`} value={form.dateStyle} onChange={(e) => set('dateStyle', e.target.value as Settings['dateStyle'])}>
            <option value="weekday">{formatDateTime(DATE_SAMPLE, DEFAULT_TIME_ZONE)}</option>
            <option value="short">{formatShortDateTime(DATE_SAMPLE, DEFAULT_TIME_ZONE)}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-zone`}>{t('settings.timeZone')}</label>
          <input id={`${ids}-zone`} list={`${ids}-zones`} value={form.timeZone} onChange={(e) => set('timeZone', e.target.value)} />
          <datalist id={`${ids}-zones`}>
            {TIME_ZONES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
      </fieldset>

      <ProfileSettings
        profiles={form.profiles}
        policy={form.policy}
        currentId={current?.id ?? null}
        onProfiles={(profiles) => set('profiles', profiles)}
        onPolicy={(policy) => set('policy', policy)}
      />

      <ChecklistSettings checklist={form.checklist} sections={form.sections} onChange={(checklist, sections) => setForm((current) => ({ ...current, checklist, sections }))} />

      <fieldset>
        <legend>{t('settings.spelling')}</legend>
        <div className="field">
          <label htmlFor={`${ids}-words`}>{t('settings.houseWords')}</label>
          <textarea id={`${ids}-words`} rows={10} value={houseWords} aria-describedby={`${ids}-words-hint`} onChange={(e) => setHouseWords(e.target.value)} data-testid="house-words" />
          <small id={`${ids}-words-hint`}>{t('settings.houseWordsHint')}</small>
        </div>
      </fieldset>

      {/* Always in view, however long the page: what is unsaved, undo, save. */}
      <div className="save-bar" role="group" aria-label={t('settings.saveBar')}>
        <span data-testid="settings-state">{dirty ? t('settings.unsaved') : t('settings.allSaved')}</span>
        <button type="button" onClick={undo} disabled={!dirty}>
          {t('settings.undo')}
        </button>
        <button type="submit" className="primary" disabled={!dirty}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}

/** `form` moved from `before` onto `after`: each setting edited in the form keeps its edit, the others take the new value. */
function rebase(form: Settings, before: Settings, after: Settings): Settings {
  const next = { ...form } as Record<string, unknown>;
  for (const key of Object.keys(after) as (keyof Settings)[]) {
    if (stableStringify(form[key]) === stableStringify(before[key])) next[key] = after[key];
  }
  return next as Settings;
}

/** New rows of the profiles table get an id (and initials from the name if none were typed); rows left empty are dropped. */
function withIds(profiles: Profile[]): Profile[] {
  const taken = profiles.map((p) => p.id).filter(Boolean);
  return profiles
    .filter((p) => p.id || p.name.trim())
    .map((p) => {
      if (p.id) return p;
      const id = newProfileId(p.name, taken);
      taken.push(id);
      return { ...p, id, name: p.name.trim(), initials: p.initials.trim() || initialsOf(p.name) };
    });
}
