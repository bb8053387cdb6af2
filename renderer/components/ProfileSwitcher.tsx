import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/model/settings';
import { useProfile } from '../hooks/useProfile';
import { Avatar, ProfileDialog } from './ProfileGate';

/** The top bar's profile: who this window works as; opens "Who are you?" to change it or add one. */
export function ProfileSwitcher({ onSaved }: { onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const { profile } = useProfile();
  const [open, setOpen] = useState(false);
  if (!profile) return null;
  return (
    <>
      <button
        type="button"
        className="profile-switcher"
        aria-haspopup="dialog"
        aria-label={t('profiles.switcher', { name: profile.name, role: t(`profiles.roles.${profile.role}`) })}
        onClick={() => setOpen(true)}
        data-testid="profile-switcher"
      >
        <Avatar initials={profile.initials} />
        <span className="profile-name">{profile.name}</span>
      </button>
      {open && <ProfileDialog mode="switch" onSaved={onSaved} onClose={() => setOpen(false)} />}
    </>
  );
}
