import type { z } from 'zod';
import { contract, type CallContext, type NewsdeskService, type Result } from '../../shared/api/contract';
import { PROFILE_ID } from '../../shared/review/people';
import { isMethodName, isReadMethod, type MethodName } from '../../shared/api/methods';
import type { ApiError } from '../../shared/api/contract';
import { toApiError } from '../library/errors';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

/**
 * The single entry both transports use: check the method name, validate the input with the
 * contract's schema, call the service, and return the outcome as data. Nothing thrown crosses.
 */
/** The call's context as the transport passed it, kept only when well formed (a profile id, nothing else). */
export function callContext(raw: unknown): CallContext {
  const profileId = (raw as { profileId?: unknown } | null | undefined)?.profileId;
  return typeof profileId === 'string' && PROFILE_ID.test(profileId) ? { profileId } : {};
}

export async function dispatch(service: NewsdeskService, method: string, input: unknown, context: unknown = {}): Promise<Result<unknown>> {
  if (!isMethodName(method)) return { ok: false, error: { code: 'invalid_input', message: `Unknown method: ${method.slice(0, 80)}` } };
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error) } };
  // The library was copied elsewhere this session: a write would land in the folder left behind.
  const refused = isReadMethod(method) ? null : (service as Partial<{ refusedWrites(): ApiError | null }>).refusedWrites?.();
  if (refused) return { ok: false, error: refused };
  try {
    const call = service[method] as (arg: unknown, context: CallContext) => Promise<unknown>;
    const value = await call.call(service, parsed.data, callContext(context));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

export type Dispatcher = (method: MethodName | string, input: unknown, context?: unknown) => Promise<Result<unknown>>;

export function createDispatcher(service: NewsdeskService): Dispatcher {
  return (method, input, context) => dispatch(service, method, input, context);
}
