import { useEffect, useState } from 'react';
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

/**
 * A document for a view, progressively: first its opening part (`documents.get` with `opening`),
 * then, once that has been shown, the whole of it in its place. Offsets, segments and codings
 * are the same in both, so what is on screen stays put. Views showing one document share both
 * answers (see useAnswer). Fetched again when the project changes, keeping the last answer meanwhile.
 */
export function useDocument(id: string): DocumentDetail | null {
  // The whole is asked for only after the opening has been rendered, so it never delays it.
  const [wholeFor, setWholeFor] = useState<string | null>(null);
  const whole = useAnswer('documents.get', wholeFor === id ? { id } : null);
  const opening = useAnswer('documents.get', whole.result ? null : { id, opening: OPENING });
  const part = opening.result;
  const partial = part !== null && !isWhole(part);
  useEffect(() => {
    if (partial) setWholeFor(id);
  }, [partial, id]);
  return whole.result ?? part;
}
