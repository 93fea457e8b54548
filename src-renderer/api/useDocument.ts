import { useEffect } from 'react';
import { create } from 'zustand';
import type { DocumentDetail } from '../../src-shared/model/entities';
import { useUi } from '../stores/ui';
import { prefetch, useAnswer } from './useQuery';

/**
 * How many characters of a document come first: a few screens of turns (some tens of KB with
 * their codings), which arrive and render at once where the whole of a long transcript (MBs)
 * would keep the reader waiting.
 */
export const OPENING = 20_000;

/** Whether a document's answer holds all of it (not only its opening part). */
export const isWhole = (detail: DocumentDetail): boolean => !detail.opening || detail.opening.end >= detail.length;

// A new document tab: its opening part is asked for at once, so the server reads it while the
// page renders the tab (the Reader's useDocument would ask only after that render).
useUi.subscribe((state, previous) => {
  for (const tab of state.tabs) if (tab.kind === 'document' && !previous.tabs.includes(tab)) prefetch('documents.get', { id: tab.id, opening: OPENING });
});

/** Documents whose whole has been asked for: by the view showing their text, once it has been painted. */
const useWholeWanted = create<{ readonly ids: readonly string[] }>()(() => ({ ids: [] }));

/** Documents whose text is on screen: the view showing it has painted a frame with its answer. */
const usePainted = create<{ readonly ids: readonly string[] }>()(() => ({ ids: [] }));

const adding = (id: string) => (s: { readonly ids: readonly string[] }) => ({ ids: s.ids.includes(id) ? s.ids : [...s.ids, id] });
const removing = (id: string) => (s: { readonly ids: readonly string[] }) => ({ ids: s.ids.filter((other) => other !== id) });

/**
 * Whether the view showing a document's text has painted it: views beside it (the inspector's
 * details) wait for this, so that their rendering does not hold up the text's first screen.
 */
export function useTextPainted(id: string | null): boolean {
  return usePainted((s) => id !== null && s.ids.includes(id));
}

/**
 * A document for a view, progressively: first its opening part (`documents.get` with `opening`),
 * then the whole of it in its place. Offsets, segments and codings are the same in both, so what
 * is on screen stays put. Views showing one document share both answers (see useAnswer).
 * Fetched again when the project changes, keeping the last answer meanwhile.
 *
 * The whole is asked for only by the view that shows the text (`drives`), after a frame with the
 * opening part has been painted, so that neither its transfer nor its reading delays that frame;
 * the other views (details, inspector) get it then too.
 */
export function useDocument(id: string, drives = false): DocumentDetail | null {
  const wanted = useWholeWanted((s) => s.ids.includes(id));
  const painted = useTextPainted(id);
  const whole = useAnswer('documents.get', wanted ? { id } : null);
  const opening = useAnswer('documents.get', whole.result ? null : { id, opening: OPENING });
  const detail = whole.result ?? opening.result;
  const arrived = detail !== null;
  const partial = detail !== null && !isWhole(detail);
  useEffect(() => {
    if (!drives || !arrived || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A timeout from an animation frame runs once that frame has been painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => usePainted.setState(adding(id)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drives, arrived, painted, id]);
  useEffect(() => {
    if (drives && partial && painted && !wanted) useWholeWanted.setState(adding(id));
  }, [drives, partial, painted, wanted, id]);
  // Opened again later (perhaps after changes), the document starts from its opening part again.
  useEffect(
    () =>
      drives
        ? () => {
            useWholeWanted.setState(removing(id));
            usePainted.setState(removing(id));
          }
        : undefined,
    [drives, id],
  );
  return detail;
}
