import { useEffect } from 'react';
import { create } from 'zustand';
import type { DocumentDetail } from '../../src-shared/model/entities';
import { useAnswer } from './useQuery';

/**
 * How many characters of a document come first: a few screens of turns (some tens of KB with
 * their codings), which arrive and render at once where the whole of a long transcript (MBs)
 * would keep the reader waiting.
 */
export const OPENING = 20_000;

/** Whether a document's answer holds all of it (not only its opening part). */
export const isWhole = (detail: DocumentDetail): boolean => !detail.opening || detail.opening.end >= detail.length;

/** Documents whose whole has been asked for: by the view showing their text, once it has been painted. */
const useWholeWanted = create<{ readonly ids: readonly string[] }>()(() => ({ ids: [] }));

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
  const whole = useAnswer('documents.get', wanted ? { id } : null);
  const opening = useAnswer('documents.get', whole.result ? null : { id, opening: OPENING });
  const part = opening.result;
  const partial = part !== null && !isWhole(part);
  useEffect(() => {
    if (!drives || !partial || wanted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A timeout from an animation frame runs once that frame has been painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => useWholeWanted.setState((s) => ({ ids: s.ids.includes(id) ? s.ids : [...s.ids, id] })));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [drives, partial, wanted, id]);
  // Opened again later (perhaps after changes), the document starts from its opening part again.
  useEffect(() => (drives ? () => useWholeWanted.setState((s) => ({ ids: s.ids.filter((other) => other !== id) })) : undefined), [drives, id]);
  return whole.result ?? part;
}
