import { describe, expect, it } from 'vitest';
import { characterRuns, sentenceUnits, turnUnits } from '../../../src-main/core/services/agreement-units';

describe('units of agreement', () => {
  it('takes the paragraphs that continue a turn into it; lines before the first turn and stage directions stand alone', () => {
    const segments = [
      { start: 0, end: 10, kind: 'paragraph' },
      { start: 11, end: 20, kind: 'turn' },
      { start: 21, end: 30, kind: 'paragraph' },
      { start: 31, end: 40, kind: 'direction' },
      { start: 41, end: 50, kind: 'paragraph' },
      { start: 51, end: 60, kind: 'turn' },
    ];
    expect(turnUnits(segments)).toEqual([
      { start: 0, end: 10 },
      { start: 11, end: 30 },
      { start: 31, end: 40 },
      { start: 41, end: 50 },
      { start: 51, end: 60 },
    ]);
    expect(turnUnits(segments.filter((s) => s.kind !== 'turn'))).toBeNull();
  });

  it('splits lines into sentences by the document’s language, never across lines, without trailing spaces', () => {
    const text = 'Р: Мастер даёт работу своим. Кто помогал, тот и получает.\nИ: А директор?';
    const lines = [
      { start: 0, end: text.indexOf('\n') },
      { start: text.indexOf('\n') + 1, end: text.length },
    ];
    const sentences = sentenceUnits(text, lines, 'ru').map((s) => text.slice(s.start, s.end));
    expect(sentences).toEqual(['Р: Мастер даёт работу своим.', 'Кто помогал, тот и получает.', 'И: А директор?']);
    // An unknown language tag falls back to Russian rules instead of failing.
    expect(sentenceUnits(text, lines, 'not a language!').length).toBe(3);
  });

  it('cuts characters into runs wherever a coding starts or ends', () => {
    expect(characterRuns(20, [{ start: 5, end: 10 }, { start: 8, end: 25 }])).toEqual([
      { start: 0, end: 5 },
      { start: 5, end: 8 },
      { start: 8, end: 10 },
      { start: 10, end: 20 },
    ]);
    expect(characterRuns(0, [])).toEqual([]);
  });
});
