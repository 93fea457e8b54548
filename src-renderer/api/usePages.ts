import { useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import { reportError } from '../stores/notices';

/** One page of a paged answer: its items, where the next page starts (null at the end), and the whole count when known. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next: number | null;
  readonly total?: number;
}

/**
 * A list read a page at a time: the first page again whenever `deps` change (a stale answer is
 * dropped), later pages appended by `more`. Errors go to the notices.
 *
 * @example
 * const { items, loading, next, more } = usePages((offset) => call(...).then(toPage), [codeId, version]);
 */
export function usePages<T>(fetchPage: (offset: number) => Promise<Page<T>>, deps: DependencyList) {
  const [items, setItems] = useState<readonly T[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let current = true;
    setLoading(true);
    fetchPage(0)
      .then((page) => {
        if (!current) return;
        setItems(page.items);
        setNext(page.next);
        setTotal(page.total);
      })
      .catch((error: unknown) => current && reportError(error))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // fetchPage reads only what the caller's dependencies name.
  }, deps);

  const more = async (): Promise<void> => {
    if (next === null) return;
    setLoading(true);
    try {
      const page = await fetchPage(next);
      setItems((shown) => [...shown, ...page.items]);
      setNext(page.next);
    } catch (error) {
      reportError(error);
    } finally {
      setLoading(false);
    }
  };

  return { items, next, total, loading, more };
}
