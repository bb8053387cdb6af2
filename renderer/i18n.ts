import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, resources } from '../shared/i18n';
import { interfaceLanguage, type InterfaceLanguage } from '../shared/model/settings';

const LANGUAGE_KEY = 'newsdesk.language';

/** The language last chosen on this machine, used until the library's setting has loaded. */
export function cachedLanguage(): InterfaceLanguage {
  const parsed = interfaceLanguage.safeParse(localStorage.getItem(LANGUAGE_KEY));
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
}

export function initI18n(): typeof i18next {
  const lng = cachedLanguage();
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export async function applyLanguage(language: InterfaceLanguage): Promise<void> {
  if (i18next.language !== language) await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  localStorage.setItem(LANGUAGE_KEY, language);
}
