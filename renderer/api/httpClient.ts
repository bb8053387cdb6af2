import type { CallContext, NewsdeskApi, Result } from '../../shared/api/contract';
import { httpPath, methodNames, PROFILE_HEADER, type MethodName } from '../../shared/api/methods';

const TOKEN_KEY = 'newsdesk.token';
/** Browsers refuse keepalive requests with bodies over 64 KiB (bytes, not characters). */
export const KEEPALIVE_LIMIT = 60_000;

/**
 * The web host's per-launch token arrives in the address fragment (#token=…). It is kept for
 * this tab only and removed from the address bar so it is not copied around. Only a whole
 * base64url value is taken: `#token=abc<x` is refused, not cut to `abc`.
 */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)(?:&|$)/.exec(location.hash);
  if (match) {
    storage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return match[1]!;
  }
  return storage.getItem(TOKEN_KEY);
}

/**
 * The API over the loopback web host: one POST per call, generated from the method list.
 * With `keepalive`, requests outlive the page (for the last save as it closes); browsers allow
 * only 64 KiB of those in flight, so only that save uses it.
 */
export function createHttpApi(token: string, { keepalive = false } = {}): NewsdeskApi {
  const call = async (method: MethodName, input: unknown, context?: CallContext): Promise<Result<unknown>> => {
    const body = JSON.stringify(input ?? {});
    // Vietnamese letters take two or three bytes each in UTF-8: count bytes, not characters.
    const bytes = new TextEncoder().encode(body).byteLength;
    try {
      const response = await fetch(httpPath(method), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          ...(context?.profileId ? { [PROFILE_HEADER]: context.profileId } : {}),
        },
        body,
        keepalive: keepalive && bytes < KEEPALIVE_LIMIT,
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return { ok: false, error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
    }
  };
  return Object.fromEntries(methodNames.map((method) => [method, (input: unknown, context?: CallContext) => call(method, input, context)])) as unknown as NewsdeskApi;
}
