import { createContext, useContext } from 'react';
import { DEFAULT_POLICY, type Policy, type Profile } from '../../shared/review/people';

/**
 * The profile this window works as (null until one is chosen) and the newsroom's policy. The
 * service enforces the policy; components read this only to reflect it (with `may`).
 */
export interface ProfileState {
  profile: Profile | null;
  policy: Policy;
}

export const ProfileContext = createContext<ProfileState>({ profile: null, policy: DEFAULT_POLICY });

export function useProfile(): ProfileState {
  return useContext(ProfileContext);
}
