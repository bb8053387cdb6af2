import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from '../../shared/model/settings';
import { DEFAULT_POLICY, initialsOf, may, profileSchema } from '../../shared/review/people';

describe('roles and the policy', () => {
  it('lets editors approve, publish, spike and correct bylines by default, and reporters none of it', () => {
    for (const permission of ['approve', 'publish', 'spike', 'editOthersByline'] as const) {
      expect(may(DEFAULT_POLICY, { role: 'reporter' }, permission)).toBe(false);
      expect(may(DEFAULT_POLICY, { role: 'section_editor' }, permission)).toBe(true);
      expect(may(DEFAULT_POLICY, { role: 'chief_editor' }, permission)).toBe(true);
    }
  });

  it('follows the newsroom’s own policy, and never lets a call without a profile through', () => {
    const policy = { ...DEFAULT_POLICY, publish: ['chief_editor' as const] };
    expect(may(policy, { role: 'section_editor' }, 'publish')).toBe(false);
    expect(may(policy, { role: 'chief_editor' }, 'publish')).toBe(true);
    expect(may(policy, null, 'approve')).toBe(false);
  });

  it('keeps profiles in the settings: older settings files get none and the default policy', () => {
    const { profiles: _p, policy: _q, ...older } = defaultSettings();
    const parsed = settingsSchema.parse(older);
    expect(parsed.profiles).toEqual([]);
    expect(parsed.policy).toEqual(DEFAULT_POLICY);
    expect(settingsSchema.safeParse({ ...defaultSettings(), profiles: [{ id: 'a', name: 'A', initials: 'A', role: 'reporter' }, { id: 'a', name: 'B', initials: 'B', role: 'reporter' }] }).success).toBe(false);
    expect(profileSchema.safeParse({ id: '../x', name: 'A', initials: 'A', role: 'reporter' }).success).toBe(false);
    expect(profileSchema.safeParse({ id: 'x', name: 'A', initials: 'A', role: 'admin' }).success).toBe(false);
  });

  it('makes initials from the given names, as Vietnamese names are written', () => {
    expect(initialsOf('Nguyễn Minh Anh')).toBe('MA');
    expect(initialsOf('Thu Hà')).toBe('TH');
    expect(initialsOf('đặng văn đức')).toBe('VĐ');
  });
});
