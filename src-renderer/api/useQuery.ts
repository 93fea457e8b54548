import { useEffect, useState } from 'react';
import type { InputOf, MethodName, ResultOf } from '../../src-shared/contract';
import { useData } from '../stores/data';
import { reportError } from '../stores/notices';
import { call } from './client';

/**
 * Answers shared between views asking the same question at the same project version: the reader,
 * the inspector and the review list all show one document, which is fetched once.
 */
const shared = new Map<string, { readonly version: number; readonly answer: Promise<unknown> }>();

function ask<M extends MethodName>(method: M, key: string, version: number): Promise<ResultOf<M>> {
  const id = `${method} ${key}`;
  const hit = shared.get(id);
  if (hit && hit.version === version) return hit.answer as Promise<ResultOf<M>>;
  const answer = call(method, JSON.parse(key) as InputOf<M>);
  shared.set(id, { version, answer });
  answer.catch(() => shared.delete(id));
  for (const [other, entry] of shared) if (entry.version < version) shared.delete(other);
  return answer;
}

/**
 * Asks a query now, ahead of the view that will show its answer: the view's `useAnswer` then gets
 * the same answer (asked once) instead of asking only after it has rendered. A failure is left
 * for that view to ask again and report.
 */
export function prefetch<M extends MethodName>(method: M, input: InputOf<M>): void {
  ask(method, JSON.stringify(input), useData.getState().version).catch(() => undefined);
}

/** A query's answer and whether it has arrived, for methods whose answer may itself be null. */
export interface Answer<M extends MethodName> {
  readonly arrived: boolean;
  readonly result: ResultOf<M> | null;
}

/**
 * A contract query's answer for a view, fetched again whenever the project changes. Stale
 * answers to an earlier input are dropped.
 *
 * @example
 * const { arrived, result: memo } = useAnswer('memos.get', { id }); // memo null: gone
 */
export function useAnswer<M extends MethodName>(method: M, input: InputOf<M> | null): Answer<M> {
  const version = useData((s) => s.version);
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ key: string | null; result: ResultOf<M> | null }>({ key: null, result: null });
  useEffect(() => {
    if (key === null) return;
    let current = true;
    ask(method, key, version)
      .then((result) => current && setState({ key, result }))
      .catch((error: unknown) => current && reportError(error));
    return () => {
      current = false;
    };
  }, [method, key, version]);
  return state.key === key ? { arrived: true, result: state.result } : { arrived: false, result: null };
}

/**
 * A contract query's result for a view, null until it arrives.
 *
 * @example
 * const detail = useQuery('documents.get', { id });
 */
export function useQuery<M extends MethodName>(method: M, input: InputOf<M> | null): ResultOf<M> | null {
  return useAnswer(method, input).result;
}
