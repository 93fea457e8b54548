import { describe, expect, it } from 'vitest';
import { sideOf, Turns } from '../../../src-main/core/services/speaker-sides';
import type { Label } from '../../../src-main/core/services/speaker-sides';

/** И: 0–10, Р1: 10–30, a paragraph gap, И: 40–50, Р1: 50–80 (Р1 linked to a case). */
const LABELS = new Map<string, Label>([
  ['И', { side: 'interviewer', caseId: null }],
  ['Р1', { side: 'informant', caseId: 'case-1' }],
]);
const STARTS = [0, 10, 40, 50];
const ENDS = [10, 30, 50, 80];
const SPEAKERS = ['И', 'Р1', 'И', 'Р1'];

describe('a document’s turns', () => {
  const turns = Turns.of(STARTS, ENDS, SPEAKERS, LABELS);

  it('gives the turns a passage touches, with each label’s side and case', () => {
    expect(turns.touching(12, 45)).toEqual([
      { start: 10, end: 30, speaker: 'Р1', side: 'informant', caseId: 'case-1' },
      { start: 40, end: 50, speaker: 'И', side: 'interviewer', caseId: null },
    ]);
    expect(turns.touching(30, 40)).toEqual([]);
    // An empty passage touches the turn it sits in; one at a turn's end touches only the next.
    expect(turns.touching(5, 5).map((t) => t.start)).toEqual([0]);
    expect(turns.touching(10, 11).map((t) => t.start)).toEqual([10]);
    expect(turns.touching(79, 200).map((t) => t.start)).toEqual([50]);
    expect(turns.all().map((t) => t.speaker)).toEqual(SPEAKERS);
  });

  it('puts turns handed over out of order in text order', () => {
    const shuffled = [2, 0, 3, 1];
    const mixed = Turns.of(
      shuffled.map((i) => STARTS[i]!),
      shuffled.map((i) => ENDS[i]!),
      shuffled.map((i) => SPEAKERS[i]!),
      LABELS,
    );
    for (const [start, end] of [
      [12, 45],
      [0, 80],
      [55, 56],
    ] as const)
      expect(mixed.touching(start, end)).toEqual(turns.touching(start, end));
    expect(mixed.all()).toEqual(turns.all());
  });

  it('knows turns without a label as nobody’s', () => {
    const unlabelled = Turns.of([0], [10], [null], LABELS);
    expect(unlabelled.touching(0, 5)).toEqual([{ start: 0, end: 10, speaker: null, side: null, caseId: null }]);
    expect(sideOf('Интервьюер 2', null, new Set())).toBe('interviewer');
    expect(sideOf('И', 'case-1', new Set())).toBe('informant');
  });
});
