import type { AppApi } from './sequenced';

type SettingsAnswer = ReturnType<AppApi['getSettings']>;

/** The settings asked for as the window started (main.tsx), before the application had loaded. */
let early: SettingsAnswer | null = null;

export function askSettingsEarly(api: AppApi): void {
  early = api.getSettings({});
}

/** The settings the window reads first: the early answer once, else asked now. */
export function firstSettings(api: AppApi): SettingsAnswer {
  const taken = early;
  early = null;
  return taken ?? api.getSettings({});
}
