import { useSyncExternalStore } from 'react';
import type { Preferences } from '../../shared/model/preferences';
import { getPreferences, subscribePreferences } from '../preferences/preferencesStore';

/** This computer's preferences (theme, editor font and size, autosave delay, spellcheck languages). */
export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribePreferences, getPreferences);
}
