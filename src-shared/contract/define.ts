import type { z } from 'zod';

/**
 * How the core runs a method: `query` reads, `mutation` runs through the one mutation path
 * (transaction, change log, undo, events), `session` opens or closes the project itself.
 */
export type MethodKind = 'query' | 'mutation' | 'session';

/** One method of the contract. `result` is a type only; the core is trusted for its own output. */
export interface MethodSpec<K extends MethodKind, I extends z.ZodType, R> {
  readonly kind: K;
  readonly input: I;
  /** Phantom: never set at run time, it carries the result type. */
  readonly result?: R;
}

interface Returns<K extends MethodKind, I extends z.ZodType> {
  returns<R>(): MethodSpec<K, I, R>;
}

function declare<K extends MethodKind>(kind: K) {
  return <I extends z.ZodType>(input: I): Returns<K, I> => ({
    returns: <R>(): MethodSpec<K, I, R> => ({ kind, input }),
  });
}

/**
 * Declares contract methods: the input schema first, then the result type.
 *
 * @example
 * 'codes.rename': mutation(z.object({ id: Id, name: Name })).returns<Code>(),
 */
export const query = declare('query');
export const mutation = declare('mutation');
export const session = declare('session');
