import { useEffect, useState } from 'react';
import type { InputOf, MethodName, ResultOf } from '../../src-shared/contract';
import { useData } from '../stores/data';
import { reportError } from '../stores/notices';
import { call } from './client';

/**
 * A contract query's result for a view, fetched again whenever the project changes. Stale
 * answers to an earlier input are dropped.
 *
 * @example
 * const detail = useQuery('documents.get', { id });
 */
export function useQuery<M extends MethodName>(method: M, input: InputOf<M> | null): ResultOf<M> | null {
  const version = useData((s) => s.version);
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ key: string | null; result: ResultOf<M> | null }>({ key: null, result: null });
  useEffect(() => {
    if (key === null) return;
    let current = true;
    call(method, JSON.parse(key) as InputOf<M>)
      .then((result) => current && setState({ key, result }))
      .catch((error: unknown) => current && reportError(error));
    return () => {
      current = false;
    };
  }, [method, key, version]);
  return state.key === key ? state.result : null;
}
