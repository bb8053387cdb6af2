import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { initialsOf, permissions, roles, type Permission, type Policy, type Profile, type Role } from '../../shared/review/people';

/**
 * Settings → "Profiles and permissions": the newsroom's people (name, initials, role; the profile
 * in use here cannot be removed) and what each role may do, as a matrix of checkboxes. A new row
 * has no id until it is saved (SettingsView gives it one). The service lets only the chief editor
 * change roles, remove profiles or change the policy; this form shows everything and the save
 * reports a refusal.
 */
export function ProfileSettings({
  profiles,
  policy,
  currentId,
  onProfiles,
  onPolicy,
}: {
  profiles: Profile[];
  policy: Policy;
  currentId: string | null;
  onProfiles: (profiles: Profile[]) => void;
  onPolicy: (policy: Policy) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const setRow = (index: number, changes: Partial<Profile>) => onProfiles(profiles.map((p, i) => (i === index ? { ...p, ...changes } : p)));
  const allow = (permission: Permission, role: Role, allowed: boolean) =>
    onPolicy({ ...policy, [permission]: roles.filter((r) => (r === role ? allowed : policy[permission].includes(r))) });

  return (
    <fieldset className="profile-settings" data-testid="profile-settings">
      <legend>{t('profiles.settingsTitle')}</legend>
      <p className="muted">{t('profiles.notLogin')}</p>
      <table className="rows profile-table">
        <caption>{t('profiles.people')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('profiles.name')}</th>
            <th scope="col">{t('profiles.initials')}</th>
            <th scope="col">{t('profiles.role')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('library.colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile, index) => {
            const label = profile.name.trim() || t('profiles.newProfile');
            const inUse = profile.id !== '' && profile.id === currentId;
            return (
              <tr key={profile.id || `new-${index}`} data-testid="profile-row">
                <td>
                  <input aria-label={t('profiles.name')} value={profile.name} maxLength={120} onChange={(e) => setRow(index, { name: e.target.value })} />
                </td>
                <td>
                  <input
                    className="initials-input"
                    aria-label={t('profiles.initialsOf', { name: label })}
                    value={profile.initials}
                    placeholder={profile.id ? undefined : initialsOf(profile.name)}
                    maxLength={4}
                    onChange={(e) => setRow(index, { initials: e.target.value })}
                  />
                </td>
                <td>
                  <select aria-label={t('profiles.roleOf', { name: label })} value={profile.role} onChange={(e) => setRow(index, { role: e.target.value as Role })}>
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {t(`profiles.roles.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="profile-actions">
                  <button
                    type="button"
                    aria-label={t('profiles.removeLabel', { name: label })}
                    aria-describedby={inUse ? `${ids}-in-use` : undefined}
                    disabled={inUse}
                    onClick={() => onProfiles(profiles.filter((_, i) => i !== index))}
                  >
                    {t('settings.remove')}
                  </button>
                  {inUse && (
                    <small id={`${ids}-in-use`} className="muted">
                      {t('profiles.inUse')}
                    </small>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={() => onProfiles([...profiles, { id: '', name: '', initials: '', role: 'reporter' }])}>
        {t('profiles.add')}
      </button>

      <table className="rows policy-table">
        <caption>{t('profiles.policy')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('profiles.permission')}</th>
            {roles.map((role) => (
              <th key={role} scope="col">
                {t(`profiles.roles.${role}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {permissions.map((permission) => (
            <tr key={permission}>
              <th scope="row">{t(`profiles.permissions.${permission}`)}</th>
              {roles.map((role) => (
                <td key={role}>
                  <input
                    type="checkbox"
                    aria-label={t('profiles.allow', { permission: t(`profiles.permissions.${permission}`), role: t(`profiles.roles.${role}`) })}
                    checked={policy[permission].includes(role)}
                    onChange={(e) => allow(permission, role, e.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" data-testid="policy-note">
        {t('profiles.policyNote')}
      </p>
    </fieldset>
  );
}
