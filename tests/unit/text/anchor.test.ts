import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { reanchor, type Anchor, type AnchorResult } from '../../../src-shared/text';

/** The anchor covering the first occurrence of `quote` in `text`. */
function anchorOf(text: string, quote: string): Anchor {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { start, end: start + quote.length };
}

function quoteOf(text: string, r: AnchorResult): string {
  return text.slice(r.start, r.end);
}

const transcript = [
  'Интервью с начальником цеха, завод «Красный пролетарий», июнь 1993.',
  'И: Как вы пришли на завод?',
  'Р: По распределению, в восемьдесят седьмом году. Мастером участка.',
  'И: А когда начались задержки зарплаты?',
  'Р: Да с девяносто второго. Сначала на месяц, потом на три. Люди уходили в кооперативы.',
  'И: А директор что?',
  'Р: Директор в Москве всё время, выбивал заказы.',
].join('\n');

describe('reanchor', () => {
  it('keeps every coding intact when the text did not change', () => {
    const anchors = [anchorOf(transcript, 'По распределению'), { start: 0, end: 0 }];
    expect(reanchor(transcript, transcript, anchors)).toEqual([
      { ...anchors[0], status: 'intact' },
      { start: 0, end: 0, status: 'intact' },
    ]);
  });

  it('returns nothing for no anchors', () => {
    expect(reanchor('a', 'b', [])).toEqual([]);
  });

  it('moves codings after an edit and leaves codings before it intact', () => {
    const before = anchorOf(transcript, 'По распределению');
    const after = anchorOf(transcript, 'Люди уходили в кооперативы');
    const edited = transcript.replace('Как вы пришли', 'Скажите, как вы пришли');
    const [b, a] = reanchor(transcript, edited, [before, after]);
    expect(b).toEqual({ ...before, status: 'moved', start: before.start + 9, end: before.end + 9 });
    expect(a?.status).toBe('moved');
    expect(a && quoteOf(edited, a)).toBe('Люди уходили в кооперативы');

    const fixedLater = transcript.replace('выбивал', 'выбивал, как мог,');
    expect(reanchor(transcript, fixedLater, [before])).toEqual([{ ...before, status: 'intact' }]);
  });

  it('does not pull text typed right before or after a coding into it', () => {
    const coding = anchorOf(transcript, 'Сначала на месяц, потом на три.');
    const edited = transcript.replace('Сначала на месяц, потом на три.', '(пауза) Сначала на месяц, потом на три. (смеётся)');
    const [r] = reanchor(transcript, edited, [coding]);
    expect(r?.status).toBe('moved');
    expect(r && quoteOf(edited, r)).toBe('Сначала на месяц, потом на три.');
  });

  it('flags a coding whose text was edited and keeps a best-guess range over the edit', () => {
    const coding = anchorOf(transcript, 'в восемьдесят седьмом году');
    const edited = transcript.replace('восемьдесят седьмом', '1987-м');
    const [r] = reanchor(transcript, edited, [coding]);
    expect(r?.status).toBe('needs_review');
    expect(r && quoteOf(edited, r)).toBe('в 1987-м году');
  });

  it('flags a coding whose text was deleted and never drops it', () => {
    const coding = anchorOf(transcript, 'Люди уходили в кооперативы.');
    const edited = transcript.replace(' Люди уходили в кооперативы.', '');
    const [r] = reanchor(transcript, edited, [coding]);
    expect(r?.status).toBe('needs_review');
    expect(r?.start).toBe(r?.end);
    expect(r?.start).toBe(edited.indexOf('\nИ: А директор'));
  });

  it('finds a passage that was cut and pasted elsewhere', () => {
    const sentence = ' Люди уходили в кооперативы.';
    const edited = transcript.replace(sentence, '').replace('выбивал заказы.', `выбивал заказы.${sentence}`);
    const coding = anchorOf(transcript, 'Люди уходили в кооперативы.');
    const [r] = reanchor(transcript, edited, [coding]);
    expect(r?.status).toBe('moved');
    expect(r && quoteOf(edited, r)).toBe('Люди уходили в кооперативы.');
  });

  it('does not re-anchor a short word to another occurrence of it', () => {
    const text = 'И: Вы согласны?\nР: Да.\nИ: И тогда тоже?\nР: Да, конечно.';
    const coding = anchorOf(text, 'Да.');
    const coded = { start: coding.start, end: coding.start + 2 };
    const edited = text.replace('Р: Да.', 'Р: Нет.');
    const [r] = reanchor(text, edited, [coded]);
    expect(r?.status).toBe('needs_review');
    expect(r && quoteOf(edited, r)).toBe('Нет');
  });

  it('re-finds a short word whose surroundings survived', () => {
    const text = 'Р: Да. И ещё: станки стояли.\nИ: Понятно.';
    const coded = anchorOf(text, 'Да');
    // Moving the paragraph defeats the diff mapping; the context still identifies the word.
    const edited = 'И: Понятно.\nР: Да. И ещё: станки стояли.';
    const [r] = reanchor(text, edited, [coded]);
    expect(r).toEqual({ start: edited.indexOf('Да'), end: edited.indexOf('Да') + 2, status: 'moved' });
  });

  it('follows paragraphs that were reordered far apart', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Абзац ${i}: рассказ о работе цеха в ${1980 + i} году, без особых событий.`);
    const turn = 'Р: Да. Директор в Москве всё время, выбивал заказы.';
    const text = [turn, ...filler].join('\n');
    const edited = [...filler, turn].join('\n');
    const word = anchorOf(text, 'Да');
    const spanning = { start: text.indexOf('заказы.'), end: text.indexOf('Абзац 1:') };
    const [w, s] = reanchor(text, edited, [word, spanning]);
    expect(w).toEqual({ start: edited.indexOf('Р: Да') + 3, end: edited.indexOf('Р: Да') + 5, status: 'moved' });
    // Its quote now ends the text, without the line break that followed it: changed.
    expect(s?.status).toBe('needs_review');
  });

  it('finds a long passage pasted far away only if it occurs once', () => {
    // Over 4,000 code units of other text: beyond the nearby search.
    const filler = Array.from({ length: 100 }, (_, i) => `Абзац ${i}: рассказ о работе цеха в ${1900 + i} году.`);
    const passage = 'Люди уходили в кооперативы.\nОставались одни пенсионеры.';
    const text = [passage, ...filler].join('\n');
    const coding = anchorOf(text, 'кооперативы.\nОставались');
    const moved = [...filler, passage].join('\n');
    const [r] = reanchor(text, moved, [coding]);
    expect(r?.status).toBe('moved');
    expect(r && quoteOf(moved, r)).toBe('кооперативы.\nОставались');
    // Both lines edited outside the coding: found by the quote alone.
    const reworded = [...filler, `Тогда ${passage} И мы.`].join('\n');
    const [q] = reanchor(text, reworded, [coding]);
    expect(q?.status).toBe('moved');
    expect(q && quoteOf(reworded, q)).toBe('кооперативы.\nОставались');
    const twice = [...filler, passage, 'x', passage].join('\n');
    expect(reanchor(text, twice, [coding])[0]?.status).toBe('needs_review');
  });

  it('handles surrogate pairs before and inside codings', () => {
    const text = 'Смена 😀 закончилась 🏭 в шесть.';
    const coding = anchorOf(text, 'закончилась 🏭');
    const edited = '👷 ' + text;
    expect(reanchor(text, edited, [coding])).toEqual([
      { start: coding.start + 3, end: coding.end + 3, status: 'moved' },
    ]);
  });

  it('clamps anchors that fall outside the old text', () => {
    const [r] = reanchor('abc', 'abcd', [{ start: 2, end: 99 }]);
    expect(r).toEqual({ start: 2, end: 3, status: 'intact' });
  });
});

/** Characters for arbitrary texts: small alphabets make repeats (the hard case) common. */
const unit = fc.constantFrom('а', 'б', 'a', 'b', ' ', '\n', '😀', '𝐀', 'Ё', '.');
const anyText = fc.oneof(fc.string({ unit, maxLength: 80 }), fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 40 }));

interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/**
 * Up to four non-overlapping, non-adjacent edits, in order, expressed against the old text. Like
 * a real editor, an edit never cuts a surrogate pair in half.
 */
function editsFor(text: fc.Arbitrary<string>): fc.Arbitrary<Array<{ gap: number; cut: number; put: string }>> {
  return fc.array(fc.record({ gap: fc.nat({ max: 25 }), cut: fc.nat({ max: 6 }), put: text }), { maxLength: 4 });
}

function placeEdits(text: string, raw: ReadonlyArray<{ gap: number; cut: number; put: string }>): TextEdit[] {
  const length = text.length;
  const splitsPair = (i: number): boolean =>
    i > 0 && i < length && text.charCodeAt(i - 1) >> 10 === 0x36 && text.charCodeAt(i) >> 10 === 0x37;
  const whole = (i: number): number => (splitsPair(i) ? i + 1 : i);
  const placed: TextEdit[] = [];
  let cursor = 0;
  for (const r of raw) {
    const start = whole(Math.min(length, cursor + r.gap));
    const end = whole(Math.min(length, start + r.cut));
    if (start === end && r.put === '') continue;
    placed.push({ start, end, insert: r.put });
    cursor = end + 1;
    if (cursor > length) break;
  }
  return placed;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let cursor = 0;
  for (const e of edits) {
    out += text.slice(cursor, e.start) + e.insert;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

function placeAnchors(length: number, raw: ReadonlyArray<[number, number]>): Anchor[] {
  return raw.map(([x, y]) => {
    const a = x % (length + 1);
    const b = y % (length + 1);
    return { start: Math.min(a, b), end: Math.max(a, b) };
  });
}

const rawAnchors = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 });

describe('reanchor: properties', () => {
  it('keeps every coding, within bounds, and intact or moved only when the quote is exact', () => {
    fc.assert(
      fc.property(anyText, editsFor(fc.string({ unit, maxLength: 6 })), rawAnchors, (oldText, rawEdits, raw) => {
        const newText = applyEdits(oldText, placeEdits(oldText, rawEdits));
        const anchors = placeAnchors(oldText.length, raw);
        const results = reanchor(oldText, newText, anchors);
        expect(results).toHaveLength(anchors.length);
        results.forEach((r, i) => {
          const a = anchors[i] as Anchor;
          expect(0 <= r.start && r.start <= r.end && r.end <= newText.length).toBe(true);
          if (r.status !== 'needs_review') expect(quoteOf(newText, r)).toBe(oldText.slice(a.start, a.end));
          if (r.status === 'intact') expect([r.start, r.end]).toEqual([a.start, a.end]);
          if (r.status === 'moved') expect([r.start, r.end]).not.toEqual([a.start, a.end]);
        });
      }),
      { numRuns: 300 },
    );
  });

  /**
   * An untouched coding is found again even in very repetitive text: by the diff, or by searching
   * for its quote. A quote under 12 code units is only accepted where its context also matches,
   * so this holds for short quotes whose nearest edits leave 8 code units of context intact.
   */
  it('never flags a coding that no edit touched', () => {
    fc.assert(
      fc.property(anyText, editsFor(fc.string({ unit, maxLength: 6 })), rawAnchors, (oldText, rawEdits, raw) => {
        const edits = placeEdits(oldText, rawEdits);
        const newText = applyEdits(oldText, edits);
        const anchors = placeAnchors(oldText.length, raw);
        reanchor(oldText, newText, anchors).forEach((r, i) => {
          const a = anchors[i] as Anchor;
          if (!edits.every((e) => e.end < a.start || e.start > a.end)) return;
          const editsBefore = edits.filter((e) => e.end < a.start);
          const editsAfter = edits.filter((e) => e.start > a.end);
          const contextBefore = editsBefore.length === 0 ? 16 : Math.min(16, a.start - (editsBefore.at(-1)?.end ?? 0));
          const contextAfter = editsAfter.length === 0 ? 16 : Math.min(16, (editsAfter[0]?.start ?? 0) - a.end);
          if (a.end - a.start < 12 && contextBefore + contextAfter < 8) return;
          expect(r.status).not.toBe('needs_review');
        });
      }),
      { numRuns: 300 },
    );
  });

  /**
   * From two texts alone an edit can be ambiguous: inserting "ab" before "abab" or after it gives
   * the same result, so "the" shifted position is only defined when the text does not repeat
   * around the edit. Texts here are therefore made of distinct characters (Cyrillic, Latin and
   * astral ones, separated by newlines), and inserted text uses characters the old text lacks.
   */
  it('shifts an untouched coding by exactly the length change of the edits before it', () => {
    const pool = [
      ...'абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ',
      ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
      ...Array.from({ length: 40 }, (_, i) => String.fromCodePoint(0x1f600 + i)),
    ];
    const fresh = [...'αβγδεζηθικλμνξοπρστυφχψω', ...Array.from({ length: 20 }, (_, i) => String.fromCodePoint(0x1d400 + i))];
    const distinctText = fc
      .tuple(fc.shuffledSubarray(pool, { maxLength: 60 }), fc.array(fc.boolean(), { maxLength: 60 }))
      .map(([chars, breaks]) => chars.map((c, i) => (breaks[i] === true && i > 0 ? `\n${c}` : c)).join(''));
    const freshPieces = fc.shuffledSubarray(fresh, { maxLength: 16 });

    fc.assert(
      fc.property(distinctText, editsFor(fc.constant('')), freshPieces, rawAnchors, (oldText, rawEdits, pieces, raw) => {
        // Hand out the fresh characters so that no two insertions share one.
        const withInserts = rawEdits.map((r, i) => ({ ...r, put: pieces.slice(i * 4, i * 4 + ((r.gap + r.cut) % 5)).join('') }));
        const edits = placeEdits(oldText, withInserts);
        const newText = applyEdits(oldText, edits);
        const anchors = placeAnchors(oldText.length, raw);
        reanchor(oldText, newText, anchors).forEach((r, i) => {
          const a = anchors[i] as Anchor;
          if (!edits.every((e) => e.end < a.start || e.start > a.end)) return;
          const shift = edits
            .filter((e) => e.end < a.start)
            .reduce((sum, e) => sum + e.insert.length - (e.end - e.start), 0);
          expect(r.status).not.toBe('needs_review');
          expect(r).toMatchObject({ start: a.start + shift, end: a.end + shift });
          expect(quoteOf(newText, r)).toBe(oldText.slice(a.start, a.end));
        });
      }),
      { numRuns: 300 },
    );
  });
});
