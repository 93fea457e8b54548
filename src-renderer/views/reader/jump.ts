import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { rangesFor } from './dom';
import { rowAt } from './model';
import type { ReaderRow } from './model';
import { useReader } from './store';
import type { PendingJump } from './store';

/** How many frames to wait for the row of a jump to be rendered before giving up on selecting it. */
const FRAMES = 60;

/**
 * Takes a jump asked for by a search hit (`useReader.pendingJump`) when it is for this document:
 * scrolls its row to the middle, selects its words (so they show, and Q codes them) and makes them
 * the passage to code. `reach` is how much of the text is here (the opening part, or all of it).
 */
export function useJump(documentId: string, rows: readonly ReaderRow[], scrollToRow: (index: number) => void, list: RefObject<HTMLElement | null>, reach: number): void {
  const jump = useReader((s) => s.pendingJump);
  const [target, setTarget] = useState<PendingJump | null>(null);

  useEffect(() => {
    // A place past the opening part waits for the whole document.
    if (!jump || jump.documentId !== documentId || rows.length === 0 || jump.end > reach) return;
    const { setJump, setPending } = useReader.getState();
    setJump(null);
    setPending(jump);
    setTarget(jump);
    scrollToRow(rowAt(rows, jump.start));
  }, [jump, documentId, rows, scrollToRow, reach]);

  // Once its row is rendered (the list is virtual), the words are selected.
  useEffect(() => {
    if (!target) return;
    let frame = 0;
    let tries = 0;
    const select = (): void => {
      const ranges = list.current ? rangesFor(list.current, target.start, target.end) : [];
      if (ranges.length === 0) {
        if (++tries < FRAMES) frame = requestAnimationFrame(select);
        return;
      }
      const range = document.createRange();
      range.setStart(ranges[0]!.startContainer, ranges[0]!.startOffset);
      range.setEnd(ranges[ranges.length - 1]!.endContainer, ranges[ranges.length - 1]!.endOffset);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    };
    frame = requestAnimationFrame(select);
    return () => cancelAnimationFrame(frame);
  }, [target, list]);
}
