import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import type { ApiError, NewsdeskApi } from '../../shared/api/contract';

export const ApiContext = createContext<NewsdeskApi | null>(null);

export function useApi(): NewsdeskApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('ApiContext is missing');
  return api;
}

/** An API error in the user's language. */
export function errorText(t: TFunction, error: ApiError): string {
  return t(`errors.${error.code}`, { detail: error.message });
}
