import type { CallResult, InputOf, MethodName, ResultOf } from '../../src-shared/contract';

/** Anything that answers contract calls with the envelope: the core client, or a fake in tests. */
export interface CoreCaller {
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
}

/**
 * A typed call. The core is trusted for its own output (src-shared/contract/define.ts), so the
 * envelope's result takes the method's result type.
 */
export function callCore<M extends MethodName>(core: CoreCaller, method: M, input: InputOf<M>): Promise<CallResult<ResultOf<M>>> {
  return core.call(method, input) as Promise<CallResult<ResultOf<M>>>;
}

/** Who works, when the shell opens a project: this machine's user, as the core names them for the sample. */
export async function actorFor(core: CoreCaller): Promise<{ name: string }> {
  const settings = await callCore(core, 'app.settings', {});
  return { name: (settings.ok ? settings.result.actorName : null) ?? 'Researcher' };
}
