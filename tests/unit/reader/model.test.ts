import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSegments } from '../../../src-shared/text';
import type { Code, Coding, TextSegment } from '../../../src-shared/model/entities';
import { bodyStartOf, buildRows, labelDirection, codersOf, rankCodes, rowAt, stripeColumns, visibleCodings } from '../../../src-renderer/views/reader/model';

const TEXT = ['И: Как распределяют работу?', 'Р: Мастер даёт калым своим.', '', '[00:12:31] Р: Опоздал — закроет глаза.'].join('\n');
const segments: TextSegment[] = splitSegments(TEXT).map((s) => ({ ...s }));

const coding = (id: string, codeId: string, start: number, end: number): Coding => ({
  id, documentId: 'd', revisionId: 'r', codeId, start, end, quote: TEXT.slice(start, end), contextBefore: '', contextAfter: '', coderId: 'm', createdAt: '', status: 'ok', comment: null,
});
const code = (id: string, name: string, archived = false): Code => ({
  id, parentId: null, name, color: '#000000', definition: '', inclusion: '', exclusion: '', example: '', order: 0, archived, codingCount: 0, documentCount: 0,
});

describe('the reader’s rows', () => {
  it('put the speaker label aside and start the words after it', () => {
    expect(segments.map((s) => TEXT.slice(bodyStartOf(TEXT, s), s.end))).toEqual(['Как распределяют работу?', 'Мастер даёт калым своим.', 'Опоздал — закроет глаза.']);
  });

  it('start the words after a stage direction written before the colon, which goes with the speaker', () => {
    const text = 'Директор (показывая договор): — Вот.\n[00:01:02] Р: Да.';
    const rows = splitSegments(text);
    expect(rows.map((s) => text.slice(bodyStartOf(text, s), s.end))).toEqual(['— Вот.', 'Да.']);
    const [first, second] = buildRows(text, rows, []);
    const direction = labelDirection(first!)!;
    expect(text.slice(direction.start, direction.end)).toBe('(показывая договор)');
    expect(labelDirection(second!)).toBeUndefined();
  });

  it('give each row the codings that touch it, including ones spanning rows', () => {
    const across = coding('a', 'x', TEXT.indexOf('работу'), TEXT.indexOf('даёт'));
    const inside = coding('b', 'y', TEXT.indexOf('калым'), TEXT.indexOf('калым') + 5);
    const rows = buildRows(TEXT, segments, [inside, across]);
    expect(rows.map((r) => r.codings.map((c) => c.id))).toEqual([['a'], ['a', 'b'], []]);
  });

  it('find the row of any offset', () => {
    const rows = buildRows(TEXT, segments, []);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TEXT.length - 1 }), (offset) => {
        const i = rowAt(rows, offset);
        const s = rows[i]!.segment;
        // inside its row, or (between paragraphs) the next row
        return (offset >= s.start && offset < s.end) || (offset < s.start && (i === 0 || rows[i - 1]!.segment.end <= offset));
      }),
    );
  });

  it('keep one stripe column per code, in codebook order', () => {
    const columns = stripeColumns([coding('1', 'late', 0, 3), coding('2', 'early', 5, 9), coding('3', 'late', 9, 12)], ['early', 'other', 'late']);
    expect([...columns]).toEqual([['early', 0], ['late', 1]]);
  });
});

describe('the code picker', () => {
  const codes = [code('1', 'Paternalism'), code('2', 'Piece-rates'), code('3', 'Informal pay'), code('4', 'Patronage', true)];
  it('offers recent codes first, then name starts, then matches inside, never archived codes', () => {
    expect(rankCodes(codes, '', ['2']).map((c) => c.name)).toEqual(['Piece-rates', 'Paternalism', 'Informal pay']);
    expect(rankCodes(codes, 'pa', []).map((c) => c.name)).toEqual(['Paternalism', 'Informal pay']);
    expect(rankCodes(codes, 'zzz', [])).toEqual([]);
  });
});

describe('whose codings the reader shows', () => {
  const mine = { ...coding('a', 'x', 0, 5), coderId: 'me' };
  const anna = { ...coding('b', 'x', 3, 9), coderId: 'anna' };
  const oleg = { ...coding('c', 'y', 3, 9), coderId: 'oleg' };
  const oleg2 = { ...coding('d', 'y', 10, 19), coderId: 'oleg' };
  const all = [mine, anna, oleg, oleg2];

  it('shows everyone by default, hides coders switched off, and only one’s own when blind', () => {
    expect(visibleCodings(all, { blind: false, actorId: 'me', hidden: [] })).toEqual(all);
    expect(visibleCodings(all, { blind: false, actorId: 'me', hidden: ['oleg'] }).map((c) => c.id)).toEqual(['a', 'b']);
    expect(visibleCodings(all, { blind: true, actorId: 'me', hidden: ['me'] }).map((c) => c.id)).toEqual(['a']);
  });

  it('lists the coders of a document, most codings first', () => {
    expect(codersOf(all)).toEqual([{ coderId: 'oleg', count: 2 }, { coderId: 'me', count: 1 }, { coderId: 'anna', count: 1 }]);
  });
});
