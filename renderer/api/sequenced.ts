import type { CallContext, NewsdeskApi } from '../../shared/api/contract';
import { isReadMethod, methodNames } from '../../shared/api/methods';
import { currentProfileId } from './profile';

/**
 * Orders calls as the user made them: a write waits for earlier writes, and a read waits for
 * earlier writes, so the library list shown after leaving the editor includes the save that
 * leaving triggered. Reads do not wait for each other. Every call carries the profile the window
 * works as (./profile.ts).
 */
export interface AppApi extends NewsdeskApi {
  /** The same methods without waiting: only for the last save as a page goes away. */
  immediate: NewsdeskApi;
}

const context = (): CallContext => {
  const profileId = currentProfileId();
  return profileId ? { profileId } : {};
};

/** The same methods, each call carrying the window's profile. */
function withProfile(api: NewsdeskApi): NewsdeskApi {
  return Object.fromEntries(
    methodNames.map((method) => {
      const call = api[method] as (input: unknown, context?: CallContext) => Promise<unknown>;
      return [method, (input: unknown) => call(input, context())];
    }),
  ) as unknown as NewsdeskApi;
}

export function sequenced(api: NewsdeskApi, immediate: NewsdeskApi = api): AppApi {
  let writes: Promise<unknown> = Promise.resolve();
  const wrapped = Object.fromEntries(
    methodNames.map((method) => {
      const call = api[method] as (input: unknown, context?: CallContext) => Promise<unknown>;
      return [
        method,
        (input: unknown) => {
          // The profile is read when the call is made, not when it runs after earlier writes.
          const who = context();
          const run = writes.then(() => call(input, who));
          if (!isReadMethod(method)) writes = run.catch(() => undefined);
          return run;
        },
      ];
    }),
  );
  return { ...(wrapped as unknown as NewsdeskApi), immediate: withProfile(immediate) };
}
