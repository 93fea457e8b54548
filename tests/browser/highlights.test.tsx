import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Coding } from '../../src-shared/model/entities';
import { HighlightPainter, highlightsSupported } from '../../src-renderer/views/reader/highlights';
import { TEXT, coding, find, mountReader } from './reader';
import type { Mounted } from './reader';

/** Code highlights through the CSS Custom Highlight API, read back from Chromium's registry. */
const painter = new HighlightPainter();
/** Paints codings on every row under `root`, a column per code in order of appearance. */
function paint(root: Element, codings: readonly Coding[], colorOf: (codeId: string) => string, selectedId: string | null, found: readonly { start: number; end: number }[]): void {
  const columns = new Map<string, number>();
  for (const c of codings) if (!columns.has(c.codeId)) columns.set(c.codeId, columns.size);
  painter.sync(root, { codingsOf: () => codings, columns, colorOf, selectedId, resizing: null, found }, { first: 0, last: Number.MAX_SAFE_INTEGER });
}
const clear = (): void => painter.clear();
/** A live Range over a highlight's (static) range, to read its text. */
function live(range: AbstractRange): Range {
  const r = document.createRange();
  r.setStart(range.startContainer, range.startOffset);
  r.setEnd(range.endContainer, range.endOffset);
  return r;
}
let reader: Mounted;
beforeAll(async () => {
  reader = await mountReader(TEXT);
});
afterAll(async () => {
  await reader.unmount();
});
afterEach(() => {
  clear();
  CSS.highlights.delete('someone-else');
});

const COLORS: Record<string, string> = { pay: '#e03131', family: '#1971c2', work: '#2f9e44' };
const colorOf = (codeId: string): string => COLORS[codeId] ?? '#888888';
const over = (id: string, codeId: string, phrase: string, from = 0): Coding => {
  const { start, end } = find(TEXT, phrase, from);
  return coding(TEXT, id, codeId, start, end);
};
const spanning = (id: string, codeId: string, fromPhrase: string, toPhrase: string): Coding =>
  coding(TEXT, id, codeId, find(TEXT, fromPhrase).start, find(TEXT, toPhrase).end);

/** Our highlights by name, each as the text of its ranges in document order. */
function painted(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  CSS.highlights.forEach((highlight, name) => {
    // An empty highlight draws nothing: only those with ranges count.
    if (!name.startsWith('quire-') || highlight.size === 0) return;
    const ranges = ([...highlight] as AbstractRange[]).map(live);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b) || a.compareBoundaryPoints(Range.END_TO_END, b));
    out[name] = ranges.map((r) => r.toString());
  });
  return out;
}
/** The background Chromium computes for a highlight on the words of row `index`. */
const background = (name: string, index = 1): string => getComputedStyle(reader.words(index).parentElement!, `::highlight(${name})`).backgroundColor;

describe('paint', () => {
  it('is supported in Chromium', () => {
    expect(highlightsSupported()).toBe(true);
  });

  it('gives each code its highlight, and overlapping codings of two codes both their ranges', () => {
    const codings = [over('a', 'pay', 'старом директоре'), over('b', 'family', 'старом директоре')];
    paint(reader.list, codings, colorOf, null, []);
    expect(painted()).toEqual({ 'quire-code-0': ['старом директоре'], 'quire-code-1': ['старом директоре'] });
    // One rule per code, in its colour at 20% (hex alpha 33).
    expect(background('quire-code-0')).toBe('rgba(224, 49, 49, 0.2)');
    expect(background('quire-code-1')).toBe('rgba(25, 113, 194, 0.2)');
  });

  it('keeps nested codings, of the same code and of another, as ranges of their own', () => {
    const outer = over('outer', 'work', 'Пришёл в девяносто восьмом, ещё при старом директоре');
    const inner = over('inner', 'work', 'ещё');
    const other = over('other', 'pay', 'девяносто восьмом');
    paint(reader.list, [outer, inner, other], colorOf, null, []);
    expect(painted()).toEqual({
      'quire-code-0': ['Пришёл в девяносто восьмом, ещё при старом директоре', 'ещё'],
      'quire-code-1': ['девяносто восьмом'],
    });
  });

  it('splits a coding that crosses rows into one range per row, leaving out labels and timestamps', () => {
    paint(reader.list, [spanning('a', 'family', 'сахаром', 'Жена')], colorOf, null, []);
    expect(painted()).toEqual({ 'quire-code-0': ['сахаром.', TEXT.slice(reader.rows[2]!.bodyStart, reader.rows[2]!.segment.end), 'Жена'] });
    for (const label of ['И', '00:12:31', 'Р']) expect(painted()['quire-code-0']!.join('|')).not.toContain(`${label}:`);
  });

  it('places ranges by UTF-16 code units, so emoji and other astral characters come out whole', () => {
    paint(reader.list, [over('a', 'family', 'семья? 👩‍👩‍👧'), over('b', 'work', '𝔸𝔹'), over('c', 'pay', 'Флаг 🇷🇺 висел')], colorOf, null, []);
    expect(painted()).toEqual({ 'quire-code-0': ['семья? 👩‍👩‍👧'], 'quire-code-1': ['𝔸𝔹'], 'quire-code-2': ['Флаг 🇷🇺 висел'] });
  });

  it('adds the selected coding and find hits as highlights of their own', () => {
    const a = over('a', 'pay', 'зарплату давали сахаром');
    const b = spanning('b', 'family', 'семья', 'тёща');
    const hits = [find(TEXT, 'ещё'), find(TEXT, 'смеётся')];
    paint(reader.list, [a, b], colorOf, 'b', hits);
    expect(painted()).toEqual({
      'quire-code-0': ['зарплату давали сахаром'],
      'quire-code-1': ['семья? 👩‍👩‍👧', 'Жена — учительница 𝔸𝔹, тёща'],
      'quire-selected': ['семья? 👩‍👩‍👧', 'Жена — учительница 𝔸𝔹, тёща'],
      'quire-find': ['ещё', 'смеётся'],
    });
    expect(background('quire-selected')).toBe('rgba(255, 212, 59, 0.6)');
  });

  it('only paints the rows under the root it is given', () => {
    const crossing = spanning('a', 'pay', 'завод', 'Пришёл');
    paint(reader.row(1), [crossing, over('b', 'family', 'тёща')], colorOf, null, []);
    expect(painted()).toEqual({ 'quire-code-0': ['Пришёл'] });
  });

  it('replaces what it painted before', () => {
    paint(reader.list, [over('a', 'pay', 'сахаром'), over('b', 'family', 'тёща')], colorOf, 'a', [find(TEXT, 'ещё')]);
    paint(reader.list, [over('c', 'work', 'Ёлки')], colorOf, null, []);
    expect(painted()).toEqual({ 'quire-code-0': ['Ёлки'] });
    expect(background('quire-code-0')).toBe('rgba(47, 158, 68, 0.2)');
  });

  it('clear() removes every Quire highlight and leaves others alone', () => {
    CSS.highlights.set('someone-else', new Highlight());
    paint(reader.list, [over('a', 'pay', 'сахаром'), over('b', 'family', 'тёща')], colorOf, 'a', [find(TEXT, 'ещё')]);
    expect(Object.keys(painted()).sort()).toEqual(['quire-code-0', 'quire-code-1', 'quire-find', 'quire-selected']);
    clear();
    expect(painted()).toEqual({});
    expect([...CSS.highlights.keys()].filter((name) => name.startsWith('quire-'))).toEqual([]);
    expect(CSS.highlights.has('someone-else')).toBe(true);
  });
});
