import type { DocumentCoding } from '../../../src-shared/model/entities';

/**
 * Code highlights with the CSS Custom Highlight API: the text's DOM is never split into marks,
 * so overlapping codings cost nothing in layout, and only the rendered rows get ranges.
 *
 * A painter keeps one Highlight per code column (plus the selected coding and find hits) and,
 * as rows mount and unmount while scrolling, only adds the ranges of the new rows and removes
 * those of the rows gone: the rows that stay are neither re-ranged nor repainted. The
 * stylesheet (a colour per column) is rewritten only when the columns or their colours change,
 * since any change to it makes Chromium recalculate the style of the whole document.
 */
const STYLE_ID = 'quire-highlights';
const SELECTED = 'quire-selected';
const FIND = 'quire-find';
const OFFSET = 'data-offset';

const nameOf = (column: number): string => `quire-code-${column}`;

/** Whether this browser draws custom highlights (Chromium does; without it the stripes remain). */
export const highlightsSupported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;

/** What to paint: codings by row, the code columns with their colours, the selection and find hits. */
export interface Paint {
  /** The codings touching a row (a text run's row is its closest `[data-index]`). */
  readonly codingsOf: (rowIndex: number) => readonly DocumentCoding[];
  readonly columns: ReadonlyMap<string, number>;
  readonly colorOf: (codeId: string) => string;
  readonly selectedId: string | null;
  /** A coding's extent while an end of its stripe is dragged: marked as selected instead of its own. */
  readonly resizing: { readonly codingId: string; readonly start: number; readonly end: number } | null;
  /** Find hits in text order. */
  readonly found: readonly { start: number; end: number }[];
}

interface Painted {
  readonly text: Text;
  readonly length: number;
  readonly ranges: readonly (readonly [Highlight, StaticRange])[];
}

function styleSheet(): HTMLStyleElement {
  let style = document.getElementById(STYLE_ID) as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.head.append(style);
  }
  return style;
}

/** The first hit ending after `offset` (hits are in text order and do not overlap). */
function firstHitAfter(found: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (found[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class HighlightPainter {
  private readonly painted = new Map<Element, Painted>();
  private readonly highlights = new Map<string, Highlight>();
  private last: Paint | null = null;

  /**
   * Brings the highlights in line with the text runs rendered under `root` whose rows are within
   * `rows` (those in view: Chromium rebuilds and repaints every highlighted text node whenever the
   * DOM changes, as it does on each scroll step, so runs merely rendered ahead are left plain).
   */
  sync(root: Element, next: Paint, rows: { readonly first: number; readonly last: number }): void {
    if (!highlightsSupported()) return;
    const last = this.last;
    if (!last || last.columns !== next.columns || last.colorOf !== next.colorOf) this.writeStyles(next);
    if (!last || last.codingsOf !== next.codingsOf || last.columns !== next.columns || last.selectedId !== next.selectedId || last.resizing !== next.resizing || last.found !== next.found) this.clear();
    this.last = next;
    const present = new Set<Element>();
    for (const carrier of root.querySelectorAll(`[${OFFSET}]`)) {
      const index = Number(carrier.closest('[data-index]')?.getAttribute('data-index') ?? -1);
      if (index < rows.first || index > rows.last) continue;
      present.add(carrier);
      const text = carrier.firstChild;
      const known = this.painted.get(carrier);
      // A run whose text node or length changed (an edit) is painted afresh.
      if (known && known.text === text && known.length === (text as Text).length) continue;
      if (known) this.forget(carrier, known);
      if (text?.nodeType !== Node.TEXT_NODE) continue;
      this.paintRun(carrier, text as Text, index, next);
    }
    for (const [carrier, known] of this.painted) if (!present.has(carrier)) this.forget(carrier, known);
  }

  /** Removes every highlight this painter made. */
  clear(): void {
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
    this.painted.clear();
  }

  dispose(): void {
    if (!highlightsSupported()) return;
    this.clear();
    this.last = null;
  }

  private writeStyles(next: Paint): void {
    const rules = [...next.columns].map(([id, column]) => `::highlight(${nameOf(column)}) { background-color: ${next.colorOf(id)}33; }`);
    rules.push(`::highlight(${SELECTED}) { background-color: #ffd43b99; }`, `::highlight(${FIND}) { background-color: #fab005; color: black; }`);
    const style = styleSheet();
    const css = rules.join('\n');
    if (style.textContent !== css) style.textContent = css;
  }

  private highlight(name: string, priority: number): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = priority;
      this.highlights.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
    return highlight;
  }

  private paintRun(carrier: Element, text: Text, index: number, next: Paint): void {
    const base = Number(carrier.getAttribute(OFFSET));
    const length = text.length;
    const ranges: (readonly [Highlight, StaticRange])[] = [];
    const add = (highlight: Highlight, start: number, end: number): void => {
      const from = Math.max(start, base);
      const to = Math.min(end, base + length);
      if (from >= to) return;
      const range = new StaticRange({ startContainer: text, startOffset: from - base, endContainer: text, endOffset: to - base });
      highlight.add(range);
      ranges.push([highlight, range]);
    };
    for (const coding of next.codingsOf(index)) {
      const column = next.columns.get(coding.codeId);
      if (column !== undefined) add(this.highlight(nameOf(column), 0), coding.start, coding.end);
      if (coding.id === next.selectedId && coding.id !== next.resizing?.codingId) add(this.highlight(SELECTED, 1), coding.start, coding.end);
    }
    // The dragged extent may reach rows the coding does not touch yet.
    if (next.resizing) add(this.highlight(SELECTED, 1), next.resizing.start, next.resizing.end);
    for (let i = firstHitAfter(next.found, base); i < next.found.length && next.found[i]!.start < base + length; i++) {
      add(this.highlight(FIND, 2), next.found[i]!.start, next.found[i]!.end);
    }
    this.painted.set(carrier, { text, length, ranges });
  }

  private forget(carrier: Element, known: Painted): void {
    for (const [highlight, range] of known.ranges) highlight.delete(range);
    this.painted.delete(carrier);
  }
}
