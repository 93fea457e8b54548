import type { Coding } from '../../../src-shared/model/entities';
import { rangesFor } from './dom';

/**
 * Code highlights with the CSS Custom Highlight API: the text's DOM is never split into marks,
 * so overlapping codings cost nothing in layout, and only the rendered rows get ranges.
 */
const STYLE_ID = 'quire-highlights';
const SELECTED = 'quire-selected';
const FIND = 'quire-find';

const nameOf = (index: number): string => `quire-code-${index}`;

function styleSheet(): HTMLStyleElement {
  let style = document.getElementById(STYLE_ID) as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.head.append(style);
  }
  return style;
}

/** Whether this browser draws custom highlights (Chromium does; without it the stripes remain). */
export const highlightsSupported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;

/** Paints the codings under `root`, one highlight per code colour, plus the selected coding and find hits. */
export function paint(root: Element, codings: readonly Coding[], columns: ReadonlyMap<string, number>, colorOf: (codeId: string) => string, selectedId: string | null, found: readonly { start: number; end: number }[]): void {
  if (!highlightsSupported()) return;
  const rules = [...columns].map(([id, i]) => `::highlight(${nameOf(i)}) { background-color: ${colorOf(id)}33; }`);
  rules.push(`::highlight(${SELECTED}) { background-color: #ffd43b99; }`, `::highlight(${FIND}) { background-color: #fab005; color: black; }`);
  const style = styleSheet();
  const css = rules.join('\n');
  if (style.textContent !== css) style.textContent = css;
  clear();
  const codes = [...new Set(codings.map((c) => c.codeId))];
  codes.forEach((codeId) => {
    const ranges = codings.filter((c) => c.codeId === codeId).flatMap((c) => rangesFor(root, c.start, c.end));
    if (ranges.length > 0) CSS.highlights.set(nameOf(columns.get(codeId) ?? 0), new Highlight(...ranges));
  });
  const selected = codings.find((c) => c.id === selectedId);
  if (selected) CSS.highlights.set(SELECTED, new Highlight(...rangesFor(root, selected.start, selected.end)));
  const hits = found.flatMap((f) => rangesFor(root, f.start, f.end));
  if (hits.length > 0) CSS.highlights.set(FIND, new Highlight(...hits));
}

export function clear(): void {
  if (!highlightsSupported()) return;
  for (const name of [...CSS.highlights.keys()]) if (name.startsWith('quire-')) CSS.highlights.delete(name);
}
