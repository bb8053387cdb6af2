import { createContext, useContext } from 'react';
import { defaultSettings, type Settings } from '../../shared/model/settings';

export const SettingsContext = createContext<Settings>(defaultSettings());

export function useSettings(): Settings {
  return useContext(SettingsContext);
}
