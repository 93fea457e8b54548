import { describe, expect, it } from 'vitest';
import type { PseudonymEntry } from '../../../src-shared/contract/pseudonyms';
import { CheckedOverlay, LeakScanner } from '../../../src-main/core/services/leak-check';
import { pseudonymizer } from '../../../src-shared/text/pseudonyms';

const entry = (id: string, realName: string, pseudonym: string, aliases: string[] = []): PseudonymEntry => ({
  id,
  kind: 'person',
  realName,
  pseudonym,
  aliases,
  caseId: null,
  caseName: null,
  updatedAt: '2026-11-27T00:00:00.000Z',
});

const REGISTRY = [entry('p', 'Петров', 'Сидоров', ['Petrov']), entry('k', 'Кольца', 'Шестерня')];
const LONG = `${'Мастер молчал. '.repeat(30)}Потом Петрову дали премию.`;

describe('CheckedOverlay: the export overlay with its leak check in the same pass', () => {
  it('renames inflected forms and, when every written text came out of it, reports nothing', () => {
    const overlay = new CheckedOverlay(REGISTRY);
    const texts = ['На Кольцах мастер Петров всем заправлял.', 'Petrov ran everything.', LONG, ''].map(overlay.rename);
    expect(texts[0]).toBe('На Шестернях мастер Сидоров всем заправлял.');
    expect(texts[1]).toBe('Сидоров ran everything.');
    expect(texts[2]).toContain('Потом Сидорову дали премию.');
    overlay.scan(texts);
    expect(overlay.report()).toEqual({ clean: true, hits: [], characters: texts.join('\n').length });
  });

  it('renames a text that does not come again as rename does, and takes it as clean only until it is scanned', () => {
    const overlay = new CheckedOverlay(REGISTRY);
    const once = overlay.renameOnce('На Кольцах мастер Петров всем заправлял.');
    expect(once).toBe(overlay.rename('На Кольцах мастер Петров всем заправлял.'));
    overlay.scan([once]);
    expect(overlay.report().hits).toEqual([]);
    // Seen once, it is scanned again like any text the next time it is written (nothing hit here: it is clean).
    overlay.scan([once, 'Кольца']);
    expect(overlay.report().hits.map((h) => [h.text, h.line])).toEqual([['Кольца', 3]]);
  });

  it('catches a registered name in a text that did not pass through rename, counting lines as one text', () => {
    const overlay = new CheckedOverlay(REGISTRY);
    const renamed = overlay.rename('Первая строка\nвторая строка, Петров');
    overlay.scan([renamed, 'KOL-INT-1993-06-014:q3 у Петрова']);
    const report = overlay.report();
    expect(report.clean).toBe(false);
    expect(report.hits).toHaveLength(1);
    expect(report.hits[0]).toMatchObject({ text: 'Петрова', realName: 'Петров', line: 3, entryId: 'p' });
    // The same figures a plain scan of every text gives.
    const plain = new LeakScanner(pseudonymizer(REGISTRY));
    plain.scan(['Первая строка\nвторая строка, Сидоров', 'KOL-INT-1993-06-014:q3 у Петрова']);
    expect(report).toEqual(plain.report());
  });

  it('reports a pseudonym that, beside the words around it, spells another registered name', () => {
    // Entries checked by the registry never clash like this; the check must hold anyway.
    const overlay = new CheckedOverlay([entry('p', 'Петров', 'Сидоров'), entry('s', 'Сидоров Иван', 'Кузнецов')]);
    const text = overlay.rename('Петров Иван пришёл');
    expect(text).toBe('Сидоров Иван пришёл');
    overlay.scan([text]);
    expect(overlay.report().hits.map((h) => h.realName)).toEqual(['Сидоров Иван']);
  });

  it('checks a long text again each time it is written after the first', () => {
    const overlay = new CheckedOverlay(REGISTRY);
    const renamed = overlay.rename(LONG);
    overlay.scan([renamed]);
    overlay.scan([renamed, `${renamed} Кольца`]);
    expect(overlay.report().hits.map((h) => h.text)).toEqual(['Кольца']);
    expect(overlay.rename('Кольца')).toBe(overlay.rename('Кольца'));
  });

  it('takes a text as clean when the project text it was made from is, and reports the whole text when that leaks', () => {
    const ids = (check: (text: string, source?: string) => void): void => {
      for (const key of ['SHE-INT-1993-06-014', 'KOLTSA-INT-1993']) for (const n of [1, 2]) check(`${key}:q${n}`, key);
    };
    const clean = new CheckedOverlay(REGISTRY);
    clean.scanEach(ids);
    expect(clean.report()).toMatchObject({ clean: true, hits: [] });
    const leaking = new CheckedOverlay([REGISTRY[0]!, entry('k', 'Кольца', 'Шестерня', ['KOLTSA'])]);
    leaking.scanEach(ids);
    expect(leaking.report().hits.map((h) => [h.text, h.line, h.context])).toEqual([
      ['KOLTSA', 3, 'KOLTSA-INT-1993:q1'],
      ['KOLTSA', 4, 'KOLTSA-INT-1993:q2'],
    ]);
  });

  it('counts a set of values found clean in one step the next times, and reports a set with a leak each time it is written', () => {
    const overlay = new CheckedOverlay(REGISTRY);
    const clean = Object.fromEntries(['Role', 'Region', 'Note'].map((name, i) => [name, overlay.rename(['мастер', 'Свердловская область', 'строка\nвторая, у Петрова'][i]!)]));
    const leaking = { Role: overlay.rename('мастер'), Enterprise: 'завод Кольца' };
    const rows = [clean, leaking, clean, clean, leaking];
    overlay.scanEach((check, checkValues) => {
      for (const values of rows) {
        check('начало строки');
        checkValues(values);
      }
    });
    const plain = new LeakScanner(pseudonymizer(REGISTRY));
    plain.scan(rows.flatMap((values) => ['начало строки', ...Object.values(values)]));
    expect(overlay.report()).toEqual(plain.report());
    expect(overlay.report().hits.map((h) => h.line)).toEqual([8, 21]);
  });

  it('checks the texts around an empty set of values together, as if it were not there', () => {
    const registry = [entry('z', 'Валерий Петрович Зайцев', 'Иван Иванович Иванов')];
    const overlay = new CheckedOverlay(registry);
    const none = {};
    // A name split between a case's name and the memo after it, twice: the empty set between them is no text.
    overlay.scanEach((check, checkValues) => {
      for (let i = 0; i < 2; i++) {
        check('Валерий Петрович');
        checkValues(none);
        check('Зайцев');
      }
    });
    const plain = new LeakScanner(pseudonymizer(registry));
    plain.scan(['Валерий Петрович', 'Зайцев', 'Валерий Петрович', 'Зайцев']);
    expect(overlay.report()).toEqual(plain.report());
    expect(overlay.report().hits).toHaveLength(2);
  });

  it('checks texts handed over one by one as a list of them is checked, and reports a repeated leak each time it is written', () => {
    const texts = ['июнь 1993 г.', 'KOL-INT-1993-06-014:q3', '', 'июнь 1993 г.', 'KOL-INT-1993-06-014:q4 Петрова', 'июнь 1993 г.', 'Петров', '', 'Петров', '', 'Петров\nи Кольца'];
    const overlay = new CheckedOverlay(REGISTRY);
    overlay.scanEach((check) => texts.slice(0, 4).forEach((t) => check(t)));
    overlay.scanEach((check) => texts.slice(4).forEach((t) => check(t)));
    const plain = new LeakScanner(pseudonymizer(REGISTRY));
    plain.scan(texts.slice(0, 4));
    plain.scan(texts.slice(4));
    expect(overlay.report()).toEqual(plain.report());
    expect(overlay.report().hits.map((h) => [h.text, h.line])).toEqual([
      ['Петрова', 5],
      ['Петров', 7],
      ['Петров', 9],
      ['Петров', 11],
      ['Кольца', 12],
    ]);
  });
});
