import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { diffText, type Edit } from '../../../src-shared/text';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (s: string, i: number): boolean =>
  i > 0 && i < s.length && isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i));

/** Checks every invariant an edit script promises; returns the script for further checks. */
function checkScript(oldText: string, newText: string): Edit[] {
  const edits = diffText(oldText, newText);
  let o = 0;
  let n = 0;
  let rebuilt = '';
  let previous: Edit | undefined;
  for (const e of edits) {
    expect(e.oldStart).toBe(o);
    expect(e.newStart).toBe(n);
    expect(e.oldEnd - e.oldStart + (e.newEnd - e.newStart)).toBeGreaterThan(0);
    if (e.op === 'equal') {
      expect(oldText.slice(e.oldStart, e.oldEnd)).toBe(newText.slice(e.newStart, e.newEnd));
    } else if (e.op === 'insert') {
      expect(e.oldEnd).toBe(e.oldStart);
    } else {
      expect(e.newEnd).toBe(e.newStart);
    }
    if (previous) {
      expect(previous.op === e.op).toBe(false);
      expect(previous.op === 'insert' && e.op === 'delete').toBe(false);
    }
    expect(splitsPair(oldText, e.oldStart) || splitsPair(newText, e.newStart)).toBe(false);
    if (e.op !== 'delete') rebuilt += newText.slice(e.newStart, e.newEnd);
    o = e.oldEnd;
    n = e.newEnd;
    previous = e;
  }
  expect(o).toBe(oldText.length);
  expect(n).toBe(newText.length);
  expect(rebuilt).toBe(newText);
  return edits;
}

/** The script as compact strings: `=abc`, `-abc`, `+abc`. */
function show(oldText: string, newText: string): string[] {
  return checkScript(oldText, newText).map((e) =>
    e.op === 'equal' ? `=${oldText.slice(e.oldStart, e.oldEnd)}`
    : e.op === 'delete' ? `-${oldText.slice(e.oldStart, e.oldEnd)}`
    : `+${newText.slice(e.newStart, e.newEnd)}`,
  );
}

describe('diffText', () => {
  it('returns one equal run for identical texts and nothing for two empty ones', () => {
    expect(diffText('', '')).toEqual([]);
    expect(diffText('abc', 'abc')).toEqual([{ op: 'equal', oldStart: 0, oldEnd: 3, newStart: 0, newEnd: 3 }]);
  });

  it('handles texts that are entirely inserted or deleted', () => {
    expect(show('', 'новый')).toEqual(['+новый']);
    expect(show('старый', '')).toEqual(['-старый']);
  });

  it('finds a single insertion, deletion and replacement', () => {
    expect(show('И: да.', 'И: да, конечно.')).toEqual(['=И: да', '+, конечно', '=.']);
    expect(show('Р: ну, я не знаю.', 'Р: я не знаю.')).toEqual(['=Р: ', '-ну, ', '=я не знаю.']);
    expect(show('в 1987 году', 'в 1988 году')).toEqual(['=в 198', '-7', '+8', '= году']);
  });

  it('finds several separate edits across lines', () => {
    const oldText = 'И: Как вы пришли на завод?\nР: По распределению.\nИ: А потом?\nР: Мастером.';
    const newText = 'И: Как вы пришли на завод?\nР: По распределению, в 1987-м.\nИ: А потом?\nР: Мастером участка.';
    expect(show(oldText, newText)).toEqual([
      '=И: Как вы пришли на завод?\nР: По распределению',
      '+, в 1987-м',
      '=.\nИ: А потом?\nР: Мастером',
      '+ участка',
      '=.',
    ]);
  });

  it('keeps a moved paragraph aligned with the lines around it', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `Строка номер ${i} про завод.`);
    const moved = [...lines.slice(0, 5), ...lines.slice(6, 15), lines[5] ?? '', ...lines.slice(15)];
    const edits = checkScript(lines.join('\n'), moved.join('\n'));
    const changed = edits.filter((e) => e.op !== 'equal').reduce((sum, e) => sum + (e.oldEnd - e.oldStart) + (e.newEnd - e.newStart), 0);
    expect(changed).toBe(2 * (lines[5] ?? '').length + 2);
  });

  it('never splits a surrogate pair', () => {
    expect(show('a😀b', 'a😁b')).toEqual(['=a', '-😀', '+😁', '=b']);
    expect(show('😀', '😀😀')).toEqual(['=😀', '+😀']);
    expect(show('x\ud83d', 'x😀')).toEqual(['=x', '-\ud83d', '+😀']);
  });

  it('stays correct when the whole text is rewritten (patience and budget fallbacks)', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `Line ${i}: ${'слово '.repeat(i % 7)}end`);
    const reversed = [...lines].reverse();
    checkScript(lines.join('\n'), reversed.join('\n'));
    const random = (seed: number): string => {
      let x = seed;
      let s = '';
      for (let i = 0; i < 50_000; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        s += 'абвгд \n'[x % 7];
      }
      return s;
    };
    checkScript(random(1), random(2));
  });

  it('produces a valid script for arbitrary texts (property)', () => {
    const unit = fc.constantFrom('a', 'b', 'ж', 'Ё', ' ', '\n', '\n', '.', '😀', '😁', '\ud83d', '\ude00', '𝐀');
    const text = fc.oneof(
      fc.string({ unit, maxLength: 50 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 60 }),
    );
    fc.assert(
      fc.property(text, text, (a, b) => {
        checkScript(a, b);
      }),
      { numRuns: 300 },
    );
  });

  it('produces a valid script for a text and an edited copy of it (property)', () => {
    const unit = fc.constantFrom('a', 'b', 'c', 'ж', ' ', '\n', '😀');
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 200 }),
        fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 8 }), put: fc.string({ unit, maxLength: 8 }) }), { maxLength: 5 }),
        (text, edits) => {
          let edited = text;
          for (const e of edits) {
            const at = e.at % (edited.length + 1);
            edited = edited.slice(0, at) + e.put + edited.slice(at + e.cut);
          }
          checkScript(text, edited);
        },
      ),
      { numRuns: 300 },
    );
  });
});
