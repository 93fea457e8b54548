import { describe, expect, it } from 'vitest';
import { generateSample } from '../../../fixtures/sample';
import { WINDOW_END, WINDOW_START } from '../../../fixtures/sample/calendar';
import { checkSample, turnLabelPattern } from '../../../fixtures/sample/validate';

const project = generateSample();
const docs = new Map(project.documents.map((d) => [d.key, d]));

describe('sample project integrity', () => {
  it('passes every structural check', () => {
    expect(checkSample(project)).toEqual([]);
  });

  it('resolves every key reference', () => {
    const members = new Set(project.members.map((m) => m.key));
    const cases = new Map(project.cases.map((c) => [c.key, c]));
    const codes = new Set(project.codes.map((c) => c.key));
    for (const c of project.cases) if (c.parentKey !== null) expect(cases.has(c.parentKey), c.key).toBe(true);
    for (const c of project.codes) if (c.parentKey !== null) expect(codes.has(c.parentKey), c.key).toBe(true);
    for (const d of project.documents) {
      for (const k of d.interviewerKeys) expect(members.has(k), `${d.key} ${k}`).toBe(true);
      for (const k of d.caseKeys) expect(cases.has(k), `${d.key} ${k}`).toBe(true);
      for (const k of Object.values(d.speakers)) expect(cases.get(k)?.typeKey, `${d.key} ${k}`).toBe('informant');
    }
    for (const c of project.codings) {
      expect(docs.has(c.documentKey)).toBe(true);
      expect(codes.has(c.codeKey)).toBe(true);
      expect(members.has(c.coderKey)).toBe(true);
    }
  });

  it('keeps every coding inside its text, on a non-empty trimmed passage', () => {
    for (const c of project.codings) {
      const text = (docs.get(c.documentKey) as { text: string }).text;
      expect(c.start).toBeGreaterThanOrEqual(0);
      expect(c.end).toBeGreaterThan(c.start);
      expect(c.end).toBeLessThanOrEqual(text.length);
      const passage = text.slice(c.start, c.end);
      expect(passage.length).toBeGreaterThan(0);
      expect(/^\s|\s$/.test(passage), passage).toBe(false);
    }
  });

  it('codes sentences within one turn or paragraph, with a few across a paragraph break', () => {
    const crossing = project.codings.filter((c) => (docs.get(c.documentKey)?.text ?? '').slice(c.start, c.end).includes('\n'));
    expect(crossing.length).toBeGreaterThanOrEqual(3);
    expect(crossing.length / project.codings.length).toBeLessThan(0.03);
    for (const c of project.codings) {
      const passage = (docs.get(c.documentKey)?.text ?? '').slice(c.start, c.end);
      // Every passage ends a sentence (possibly inside a quotation or stage direction).
      expect(/[.!?…»”)]$/.test(passage), passage).toBe(true);
    }
  });

  it('has overlapping, nested and double-coded passages', () => {
    const bySpan = new Map<string, { coderKey: string; codeKey: string }[]>();
    for (const c of project.codings) {
      const k = `${c.documentKey}|${c.start}|${c.end}`;
      bySpan.set(k, [...(bySpan.get(k) ?? []), c]);
    }
    let disagreements = 0;
    for (const list of bySpan.values()) if (list.some((a) => list.some((b) => a.coderKey !== b.coderKey && a.codeKey !== b.codeKey))) disagreements++;
    expect(disagreements).toBeGreaterThanOrEqual(35);
    expect(disagreements).toBeLessThanOrEqual(60);
    const typePairs = project.codings.filter((a) => ['A3', 'A4', 'A5'].includes(a.codeKey));
    expect(typePairs.length).toBeGreaterThan(20);

    let nested = 0;
    let overlapping = 0;
    const byDoc = new Map<string, { start: number; end: number }[]>();
    for (const c of project.codings) byDoc.set(c.documentKey, [...(byDoc.get(c.documentKey) ?? []), c]);
    for (const list of byDoc.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length && (list[j] as { start: number }).start < (list[i] as { end: number }).end; j++) {
          const a = list[i] as { start: number; end: number };
          const b = list[j] as { start: number; end: number };
          if (a.start === b.start && a.end === b.end) continue;
          if (b.end <= a.end || (a.start === b.start && a.end <= b.end)) nested++;
          else overlapping++;
        }
      }
    }
    expect(nested).toBeGreaterThan(50);
    expect(overlapping).toBeGreaterThan(20);
  });

  it('dates every document inside 1991-11-01..1994-06-30 with start ≤ end', () => {
    for (const d of project.documents) {
      expect(d.date.start <= d.date.end, d.key).toBe(true);
      expect(d.date.start >= WINDOW_START, d.key).toBe(true);
      expect(d.date.end <= WINDOW_END, d.key).toBe(true);
      expect(WINDOW_START).toBe('1991-11-01');
      expect(WINDOW_END).toBe('1994-06-30');
    }
    const precisions = new Set(project.documents.map((d) => d.date.precision));
    expect([...precisions].sort()).toEqual(['day', 'month', 'range', 'season', 'year']);
  });

  it('is densest in the two fieldwork waves', () => {
    const perMonth = new Map<string, number>();
    for (const d of project.documents) if (d.date.precision === 'day') perMonth.set(d.date.start.slice(0, 7), (perMonth.get(d.date.start.slice(0, 7)) ?? 0) + 1);
    const wave = ['1992-10', '1992-11', '1993-05', '1993-06', '1993-07', '1993-08'];
    const inWave = wave.reduce((s, m) => s + (perMonth.get(m) ?? 0), 0) / wave.length;
    const rest = [...perMonth].filter(([m]) => !wave.includes(m));
    const outside = rest.reduce((s, [, n]) => s + n, 0) / 26;
    expect(inWave).toBeGreaterThan(2 * outside);
  });

  it('uses speaker labels that actually open turns in the text', () => {
    let labelled = 0;
    for (const d of project.documents) {
      for (const label of Object.keys(d.speakers)) {
        expect(turnLabelPattern(label).test(d.text), `${d.key} ${label}`).toBe(true);
        labelled++;
      }
      if (d.kind === 'interview') {
        const informants = d.caseKeys.filter((k) => k.startsWith('inf-'));
        expect(informants.length, d.key).toBeGreaterThan(0);
        for (const key of Object.values(d.speakers)) expect(informants).toContain(key);
      }
    }
    expect(labelled).toBeGreaterThan(150);
  });

  it('writes canonical text: NFC, \\n only, no empty lines, nothing left unexpanded', () => {
    for (const d of project.documents) {
      for (const text of [d.text, ...(d.revisions ?? [])]) {
        expect(text.normalize('NFC') === text, d.key).toBe(true);
        expect(/\r|\n\n|^\n|\n$|undefined|NaN|\{|\}/.test(text), d.key).toBe(false);
      }
    }
  });
});
