import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/model/settings';
import { initialsOf, PROFILE_ID, roles, type Profile, type Role } from '../../shared/review/people';
import { slugify } from '../../shared/text/vietnamese';
import { errorText, useApi } from '../api/ApiContext';
import { setCurrentProfileId } from '../api/profile';
import { useModalDialog } from '../hooks/useModalDialog';
import { useProfile } from '../hooks/useProfile';
import { useSettings } from '../hooks/useSettings';

const ID_LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Room left for "-" and the four random characters within PROFILE_ID's 64. */
const ID_BASE_LENGTH = 59;

/** A new profile's id: the name as a slug, "-", four random letters or digits (none of `taken`). */
export function newProfileId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const slug = slugify(name, ID_BASE_LENGTH);
  const base = PROFILE_ID.test(`${slug}-0000`) ? slug : 'ho-so';
  for (;;) {
    const random = [...crypto.getRandomValues(new Uint8Array(4))].map((byte) => ID_LETTERS[byte % ID_LETTERS.length]).join('');
    const id = `${base}-${random}`;
    if (PROFILE_ID.test(id) && !used.has(id)) return id;
  }
}

/** A profile's initials in a circle (decorative: the name is always next to it). */
export function Avatar({ initials }: { initials: string }) {
  return (
    <span className="avatar" aria-hidden="true">
      {initials}
    </span>
  );
}

/**
 * "Who are you?": choose one of the library's profiles, or create one. As the gate (no profile
 * chosen in this window yet) it cannot be dismissed; from the top bar's switcher it can (Esc,
 * Cancel). With no profiles at all only the form to create one is shown.
 */
export function ProfileDialog({ mode, onSaved, onClose }: { mode: 'gate' | 'switch'; onSaved: (settings: Settings) => void; onClose?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const settings = useSettings();
  const { profile: current } = useProfile();
  const ids = useId();
  const { dialog, close } = useModalDialog();
  const gate = mode === 'gate';
  const [name, setName] = useState('');
  // Null while the initials follow the name; what was typed once they have been edited.
  const [typedInitials, setTypedInitials] = useState<string | null>(null);
  // The first profile of a library is its chief editor (who else could set roles?); later ones start as reporters.
  const [role, setRole] = useState<Role>(settings.profiles.length === 0 ? 'chief_editor' : 'reporter');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const initials = typedInitials ?? initialsOf(name);
  const profiles = settings.profiles;

  const choose = (id: string) => {
    setCurrentProfileId(id);
    // The gate goes away by itself once a profile is chosen.
    if (!gate) close();
  };

  const create = async () => {
    const fullName = name.trim();
    const letters = initials.trim();
    if (!fullName || !letters) return;
    setBusy(true);
    setError(null);
    // Added to the profiles as they are now: another window may have added someone since this one
    // read them (a save changes only the settings it names).
    const latest = await api.getSettings({});
    const now = latest.ok ? latest.value.profiles : settings.profiles;
    const profile: Profile = { id: newProfileId(fullName, now.map((p) => p.id)), name: fullName, initials: letters, role };
    const result = await api.saveSettings({ changes: { profiles: [...now, profile] } });
    setBusy(false);
    if (!result.ok) return setError(errorText(t, result.error));
    onSaved(result.value);
    choose(profile.id);
  };

  return (
    <dialog
      ref={dialog}
      className="link-dialog profile-dialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-note`}
      data-testid="profile-dialog"
      onKeyDown={(event) => {
        if (gate && event.key === 'Escape') event.preventDefault();
      }}
      onCancel={(event) => {
        if (gate) event.preventDefault();
      }}
      onClose={() => {
        // Should the browser close the gate anyway (a repeated Esc), it opens again.
        const element = dialog.current;
        if (!gate) onClose?.();
        else if (element?.isConnected && !element.open) element.showModal();
      }}
    >
      <h2 id={`${ids}-title`}>{t('profiles.title')}</h2>
      <p id={`${ids}-note`} className="muted profile-note">
        {t('profiles.notLogin')}
      </p>
      {profiles.length > 0 && (
        <section aria-labelledby={`${ids}-choose`}>
          <h3 id={`${ids}-choose`}>{t('profiles.choose')}</h3>
          <ul className="profile-list">
            {profiles.map((profile) => (
              <li key={profile.id}>
                <button type="button" className="profile-choice" onClick={() => choose(profile.id)} aria-current={profile.id === current?.id ? 'true' : undefined}>
                  <Avatar initials={profile.initials} />
                  <span className="profile-name">{profile.name}</span>
                  <span className="profile-role">{t(`profiles.roles.${profile.role}`)}</span>
                  {profile.id === current?.id && <span className="profile-current">{t('profiles.current')}</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form
        className="profile-new"
        aria-labelledby={`${ids}-create`}
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <h3 id={`${ids}-create`}>{t('profiles.create')}</h3>
        {profiles.length === 0 && <p className="muted">{t('profiles.createFirst')}</p>}
        <label htmlFor={`${ids}-name`}>{t('profiles.name')}</label>
        <input id={`${ids}-name`} value={name} maxLength={120} autoComplete="name" placeholder={t('profiles.namePlaceholder')} onChange={(event) => setName(event.target.value)} />
        <label htmlFor={`${ids}-initials`}>{t('profiles.initials')}</label>
        <input
          id={`${ids}-initials`}
          className="initials-input"
          value={initials}
          maxLength={4}
          aria-describedby={`${ids}-initials-hint`}
          onChange={(event) => setTypedInitials(event.target.value)}
        />
        <small id={`${ids}-initials-hint`}>{t('profiles.initialsHint')}</small>
        <label htmlFor={`${ids}-role`}>{t('profiles.role')}</label>
        <select id={`${ids}-role`} value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {roles.map((value) => (
            <option key={value} value={value}>
              {t(`profiles.roles.${value}`)}
            </option>
          ))}
        </select>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {!gate && (
            <button type="button" onClick={() => close()}>
              {t('profiles.cancel')}
            </button>
          )}
          <button type="submit" className="primary" disabled={busy || !name.trim() || !initials.trim()}>
            {t('profiles.createButton')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Shown once the library's settings are in, until this window has chosen one of its profiles. */
export function ProfileGate({ onSaved }: { onSaved: (settings: Settings) => void }) {
  const { profile } = useProfile();
  return profile ? null : <ProfileDialog mode="gate" onSaved={onSaved} />;
}
