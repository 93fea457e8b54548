import type { InputOf, MethodName, QuireClient, ResultOf } from '../../src-shared/contract';

export interface MethodTally {
  calls: number;
  ms: number;
}

/**
 * Wraps a client so every call's wall time is added up per method: when loading a project is
 * slow, this says which contract method the time went to without touching the core.
 */
export function timedClient(inner: QuireClient, tally: Map<string, MethodTally>): QuireClient {
  return {
    call: async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
      const t0 = performance.now();
      try {
        return await inner.call(method, input);
      } finally {
        const entry = tally.get(method) ?? { calls: 0, ms: 0 };
        entry.calls++;
        entry.ms += performance.now() - t0;
        tally.set(method, entry);
      }
    },
  };
}

/** The tally as rows, slowest method first. */
export function tallyRows(tally: ReadonlyMap<string, MethodTally>): { method: string; calls: number; ms: number }[] {
  return [...tally].map(([method, t]) => ({ method, calls: t.calls, ms: Math.round(t.ms) })).sort((a, b) => b.ms - a.ms);
}
