/**
 * The profile this window works as (its id), remembered on this machine. Every call to the
 * library carries it (renderer/api/sequenced.ts), so the service knows who is acting.
 */
const PROFILE_KEY = 'newsdesk.profile';
const listeners = new Set<(id: string | null) => void>();

export function currentProfileId(): string | null {
  try {
    return window.localStorage.getItem(PROFILE_KEY);
  } catch {
    return null;
  }
}

export function setCurrentProfileId(id: string | null): void {
  if (id) window.localStorage.setItem(PROFILE_KEY, id);
  else window.localStorage.removeItem(PROFILE_KEY);
  for (const listener of listeners) listener(id);
}

/** Called when the profile changes; returns an unsubscribe function. */
export function onProfileChange(listener: (id: string | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
