import { useEffect, useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import type { DocumentCoding } from '../../../src-shared/model/entities';
import { offsetAtPoint } from './dom';
import { draggedExtent } from './model';
import { resizeCoding } from './actions';
import { useResizePreview } from './store';

interface StripeHandleProps {
  readonly coding: DocumentCoding;
  /** Which end of the coding this handle moves. */
  readonly side: 'start' | 'end';
  readonly text: string;
  readonly label: string;
  readonly left: number;
  readonly top: number;
}

interface Drag {
  readonly pointerId: number;
  readonly fromY: number;
  extent: { start: number; end: number } | null;
}

/**
 * A grip at one end of the selected coding's stripe. Dragged (the pointer captured, so the drag
 * goes on over the text and the margin alike), it follows the pointer while the coding's
 * highlight shows the new extent; released, the coding is resized in one undoable change; Escape
 * or a lost capture leaves it as it was. The keyboard resizes in the inspector instead.
 */
export function StripeHandle({ coding, side, text, label, left, top }: StripeHandleProps) {
  const drag = useRef<Drag | null>(null);
  const [shift, setShift] = useState(0);
  const [element, setElement] = useState<HTMLButtonElement | null>(null);

  const stop = (): void => {
    const current = drag.current;
    drag.current = null;
    setShift(0);
    useResizePreview.getState().set(null);
    if (current && element?.hasPointerCapture(current.pointerId)) element.releasePointerCapture(current.pointerId);
  };

  // Escape cancels, caught before the Reader's own Escape (which would deselect the coding).
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || !drag.current) return;
      event.preventDefault();
      event.stopPropagation();
      stop();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>): void => {
    if (event.button !== 0) return;
    // No text selection or focus change: the gesture is the handle's alone.
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, fromY: event.clientY, extent: null };
  };

  const onPointerMove = (event: PointerEvent<HTMLButtonElement>): void => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    setShift(event.clientY - current.fromY);
    const list = event.currentTarget.closest('[role="list"]');
    const to = list ? offsetAtPoint(list, event.clientX, event.clientY, side) : null;
    if (to === null) return;
    current.extent = draggedExtent(text, coding, side, to, event.altKey);
    useResizePreview.getState().set(current.extent ? { codingId: coding.id, ...current.extent } : null);
  };

  const onPointerUp = (event: PointerEvent<HTMLButtonElement>): void => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const extent = current.extent;
    stop();
    if (extent && (extent.start !== coding.start || extent.end !== coding.end)) void resizeCoding(coding.id, extent.start, extent.end);
  };

  return (
    <button
      ref={setElement}
      type="button"
      tabIndex={-1}
      className={`stripe-handle ${side}${drag.current ? ' dragging' : ''}`}
      aria-label={label}
      title={label}
      style={{ left, top, transform: shift ? `translateY(${shift}px)` : undefined }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onLostPointerCapture={() => drag.current && stop()}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
