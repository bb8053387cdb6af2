import { z } from 'zod';
import { text } from '../model/fields';

/**
 * People in the newsroom and what each role may do. Profiles are chosen on each machine and are a
 * workflow aid, not authentication: anyone at the keyboard can choose any profile. The library
 * service enforces the policy (a refused action fails with `forbidden`); the interface only
 * reflects it. A library without profiles is one person's: nothing is restricted.
 */

export const roles = ['reporter', 'section_editor', 'chief_editor'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** approve: move an article through review to approved; publish: publish and unpublish; spike: put someone else's article in the trash (or take it out); editOthersByline: change the byline of someone else's article. */
export const permissions = ['approve', 'publish', 'spike', 'editOthersByline'] as const;
export type Permission = (typeof permissions)[number];

export const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const profileSchema = z.strictObject({
  id: z.string().regex(PROFILE_ID, 'invalid profile id'),
  name: text(120).pipe(z.string().trim().min(1)),
  /** Two or three letters for the avatar ("MA" for Minh Anh). */
  initials: text(4).pipe(z.string().trim().min(1)),
  role: roleSchema,
});
export type Profile = z.infer<typeof profileSchema>;

export const policySchema = z.strictObject(Object.fromEntries(permissions.map((p) => [p, z.array(roleSchema).max(roles.length)])) as Record<Permission, z.ZodArray<typeof roleSchema>>);
export type Policy = z.infer<typeof policySchema>;

/** A city daily's usual rules: editors approve, publish, spike and correct bylines; reporters write and submit. */
export const DEFAULT_POLICY: Policy = {
  approve: ['section_editor', 'chief_editor'],
  publish: ['section_editor', 'chief_editor'],
  spike: ['section_editor', 'chief_editor'],
  editOthersByline: ['section_editor', 'chief_editor'],
};
export const defaultPolicy = (): Policy => ({ approve: [...DEFAULT_POLICY.approve], publish: [...DEFAULT_POLICY.publish], spike: [...DEFAULT_POLICY.spike], editOthersByline: [...DEFAULT_POLICY.editOthersByline] });

/** Whether `profile` may do what `permission` names under `policy` (no profile: no). */
export function may(policy: Policy, profile: Pick<Profile, 'role'> | null, permission: Permission): boolean {
  return profile !== null && policy[permission].includes(profile.role);
}

/**
 * The rule the service enforces and the interface reflects: in a library without profiles
 * everything is allowed; otherwise the profile's role must have the permission — except that for
 * someone else's article (spike, editOthersByline) the article's own author (or anyone, for an
 * article whose author is not known) may.
 */
export function allows(
  library: { profiles: readonly Profile[]; policy: Policy },
  profile: Pick<Profile, 'id' | 'role'> | null,
  permission: Permission,
  author?: string | null,
): boolean {
  if (library.profiles.length === 0) return true;
  if (author !== undefined && (permission === 'spike' || permission === 'editOthersByline') && (author === null || author === profile?.id)) return true;
  return may(library.policy, profile, permission);
}

/** Initials from a name: the first letter of the last two words ("Nguyễn Minh Anh" → "MA"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  return words
    .slice(-2)
    .map((word) => [...word][0]!.toUpperCase())
    .join('');
}
