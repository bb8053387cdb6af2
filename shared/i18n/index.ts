import type { InterfaceLanguage } from '../model/settings';
import { en } from './en';
import { vi } from './vi';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> } & { [key: string]: unknown };
/** English may add plural forms (`_one`) that Vietnamese does not need. */
export type Messages = Widen<typeof vi>;

export const resources: Record<InterfaceLanguage, { translation: Messages }> = {
  vi: { translation: vi },
  en: { translation: en },
};

export const DEFAULT_LANGUAGE: InterfaceLanguage = 'vi';
