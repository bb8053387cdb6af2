import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { ApiError } from '../../shared/api/contract';
import type { AppApi } from './sequenced';

export const ApiContext = createContext<AppApi | null>(null);

export function useApi(): AppApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiContext is missing');
  return api;
}

/** An API error in the user's language. */
export function errorText(t: TFunction, error: ApiError): string {
  return t(`errors.${error.code}`, { detail: error.message });
}
