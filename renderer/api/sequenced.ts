import type { NewsdeskApi } from '../../shared/api/contract';
import { isReadMethod, methodNames } from '../../shared/api/methods';

/**
 * Orders calls as the user made them: a write waits for earlier writes, and a read waits for
 * earlier writes, so the library list shown after leaving the editor includes the save that
 * leaving triggered. Reads do not wait for each other.
 */
export interface AppApi extends NewsdeskApi {
  /** The same methods without waiting: only for the last save as a page goes away. */
  immediate: NewsdeskApi;
}

export function sequenced(api: NewsdeskApi, immediate: NewsdeskApi = api): AppApi {
  let writes: Promise<unknown> = Promise.resolve();
  const wrapped = Object.fromEntries(
    methodNames.map((method) => {
      const call = api[method] as (input: unknown) => Promise<unknown>;
      return [
        method,
        (input: unknown) => {
          const run = writes.then(() => call(input));
          if (!isReadMethod(method)) writes = run.catch(() => undefined);
          return run;
        },
      ];
    }),
  );
  return { ...(wrapped as unknown as NewsdeskApi), immediate };
}
