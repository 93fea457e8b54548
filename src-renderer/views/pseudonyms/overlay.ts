import { useMemo } from 'react';
import { create } from 'zustand';
import type { Excerpt } from '../../../src-shared/contract';
import { pseudonymizer } from '../../../src-shared/text/pseudonyms';
import type { Pseudonymizer } from '../../../src-shared/text/pseudonyms';
import { useQuery } from '../../api/useQuery';

/** Whether views show registered real names as their pseudonyms; kept while the window is open. */
export const useShowPseudonyms = create<{ readonly show: boolean; setShow(show: boolean): void }>()((set) => ({
  show: false,
  setShow: (show) => set({ show }),
}));

/**
 * The pseudonym overlay for excerpts as the Excerpts view shows them: title, citation, words,
 * context and related passages, each through the registry. The identity while the toggle is off.
 */
export function useExcerptOverlay(): (excerpt: Excerpt) => Excerpt {
  const show = useShowPseudonyms((s) => s.show);
  const overlay = usePseudonymizer(show);
  return useMemo(() => {
    if (!overlay) return (e: Excerpt) => e;
    const { apply } = overlay;
    return (e: Excerpt): Excerpt => ({
      ...e,
      documentTitle: apply(e.documentTitle),
      citation: apply(e.citation),
      quote: apply(e.quote),
      contextBefore: apply(e.contextBefore),
      contextAfter: apply(e.contextAfter),
      related: e.related.map((r) => ({ ...r, quote: apply(r.quote) })),
    });
  }, [overlay]);
}

/**
 * The registry's overlay while `show` is on: null while off, while the registry loads, or when
 * nothing is registered (then nothing would change).
 */
export function usePseudonymizer(show: boolean): Pseudonymizer | null {
  const entries = useQuery('pseudonyms.list', show ? {} : null);
  return useMemo(() => (show && entries && entries.length > 0 ? pseudonymizer(entries) : null), [show, entries]);
}
