import { createContext, useContext, useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Tells rows when their words rewrap (the reading column narrowed or widened, a font arrived), so
 * their stripes follow the lines. One ResizeObserver serves a whole list: rows register their
 * words element and are called back only when its size differs from the one they were told last,
 * so the observer's first report of a newly mounted row (as it scrolls in) costs nothing.
 */
export class RewrapWatch {
  private readonly observer: ResizeObserver;
  private readonly watched = new Map<Element, { width: number; height: number; changed: () => void }>();

  constructor() {
    this.observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const known = this.watched.get(entry.target);
        const { width, height } = entry.contentRect;
        if (!known || (known.width === width && known.height === height)) continue;
        known.width = width;
        known.height = height;
        known.changed();
      }
    });
  }

  /** Calls `changed` whenever `element` changes size after now; returns the way to stop. */
  watch(element: Element, changed: () => void): () => void {
    const { width, height } = element.getBoundingClientRect();
    this.watched.set(element, { width, height, changed });
    this.observer.observe(element);
    return () => {
      this.observer.unobserve(element);
      this.watched.delete(element);
    };
  }

  dispose(): void {
    this.observer.disconnect();
    this.watched.clear();
  }
}

/** The list's watch, given to its rows (a row outside any list is simply not watched). */
export const RewrapContext = createContext<RewrapWatch | null>(null);

/** A list's watch, made once and disconnected when the list goes. */
export function useRewrapWatch(): RewrapWatch {
  const [watch] = useState(() => new RewrapWatch());
  useEffect(() => () => watch.dispose(), [watch]);
  return watch;
}

/** A counter that moves each time the element rewraps, for a layout effect to depend on. */
export function useRewraps(element: RefObject<Element | null>): number {
  const watch = useContext(RewrapContext);
  const [rewraps, setRewraps] = useState(0);
  useEffect(() => {
    const target = element.current;
    if (!watch || !target) return;
    return watch.watch(target, () => setRewraps((n) => n + 1));
  }, [watch, element]);
  return rewraps;
}
