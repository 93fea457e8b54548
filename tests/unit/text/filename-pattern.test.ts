import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { matchFilename, parseFilenamePattern, type FilenameMatch } from '../../../src-shared/text';

const PATTERN = '{enterprise}_{date}_{kind}_{informant}';

function fieldsOf(result: FilenameMatch): Readonly<Record<string, string>> {
  if ('error' in result) throw new Error(result.error);
  return result.fields;
}

function errorOf(result: FilenameMatch | ReturnType<typeof parseFilenamePattern>): string {
  if (!('error' in result)) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.error;
}

describe('parseFilenamePattern', () => {
  it('splits a pattern into literals, fields and skipped parts', () => {
    expect(parseFilenamePattern('{enterprise}_{date}-{*} ({ignore})')).toEqual({
      pattern: {
        source: '{enterprise}_{date}-{*} ({ignore})',
        parts: [
          { kind: 'field', name: 'enterprise' },
          { kind: 'literal', text: '_' },
          { kind: 'field', name: 'date' },
          { kind: 'literal', text: '-' },
          { kind: 'skip' },
          { kind: 'literal', text: ' (' },
          { kind: 'skip' },
          { kind: 'literal', text: ')' },
        ],
        fields: ['enterprise', 'date'],
      },
    });
  });

  it('accepts Russian field names and literal text around the fields', () => {
    expect(parseFilenamePattern('Интервью {информант} {дата}')).toMatchObject({ pattern: { fields: ['информант', 'дата'] } });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['interview.docx', /no fields/],
    ['{*}_{ignore}', /no fields/],
    ['{enterprise_{date}', /position 1 is not closed before the next “\{” at position 13/],
    ['{enterprise}_{date', /position 14 is never closed/],
    ['enterprise}_{date}', /“\}” at position 11 has no “\{”/],
    ['{enterprise}_{}', /empty field/],
    ['{enter prise}_{date}', /not a usable field name/],
    ['{date}{kind}', /\{date\} and \{kind\} follow each other with nothing between them/],
    ['{date}{*}', /\{date\} and \{\*\} follow each other/],
    ['{date}_{kind}_{Date}', /\{Date\} appears twice/],
  ])('explains what is wrong with %j', (pattern, message) => {
    expect(errorOf(parseFilenamePattern(pattern))).toMatch(message);
  });
});

describe('matchFilename', () => {
  it('reads the fields and drops the extension', () => {
    expect(fieldsOf(matchFilename(PATTERN, 'Кольца_1993-06_интервью_Иванов.docx'))).toEqual({
      enterprise: 'Кольца',
      date: '1993-06',
      kind: 'интервью',
      informant: 'Иванов',
    });
  });

  it('accepts a parsed pattern, and ignores the folder', () => {
    const parsed = parseFilenamePattern(PATTERN);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(fieldsOf(matchFilename(parsed.pattern, 'экспедиция-93/Кольца_12.06.93_интервью_Петрова.mp3'))).toMatchObject({
      date: '12.06.93',
      informant: 'Петрова',
    });
    expect(fieldsOf(matchFilename(parsed.pattern, 'C:\\Полевые\\Кольца_1993_заметки_Сидоров.txt'))).toMatchObject({ kind: 'заметки' });
  });

  it('keeps a date at the end that looks like an extension', () => {
    expect(fieldsOf(matchFilename('{enterprise}_{date}', 'Кольца_12.06.93'))).toEqual({ enterprise: 'Кольца', date: '12.06.93' });
  });

  it('trims values and leaves skipped parts out', () => {
    expect(fieldsOf(matchFilename('{informant} - {*} - {date}', 'Иванов И.И. - кассета 2 - июнь 1993.wav'))).toEqual({
      informant: 'Иванов И.И.',
      date: 'июнь 1993',
    });
  });

  it('uses the date to tell where a value with a separator in it ends', () => {
    expect(fieldsOf(matchFilename('{enterprise}_{date}_{kind}', 'Красный_пролетарий_1993-06_интервью.docx'))).toEqual({
      enterprise: 'Красный_пролетарий',
      date: '1993-06',
      kind: 'интервью',
    });
    expect(fieldsOf(matchFilename('{date}-{enterprise}', '1993-06-12-Кольца.doc'))).toEqual({ date: '1993-06-12', enterprise: 'Кольца' });
  });

  it('lets {*} take what is left over, separators included', () => {
    expect(fieldsOf(matchFilename('{enterprise}_{*}', 'Кольца_1993_интервью_копия.docx'))).toEqual({ enterprise: 'Кольца' });
    expect(fieldsOf(matchFilename('{*}_{informant}', 'кассета_2_сторона_А_Иванов.wav'))).toEqual({ informant: 'Иванов' });
  });

  it('says so when a file name can be read more than one way', () => {
    const error = errorOf(matchFilename('{enterprise}_{kind}_{informant}', 'Красный_пролетарий_интервью_Иванов.docx'));
    expect(error).toContain('“Красный_пролетарий_интервью_Иванов” can be read more than one way');
    expect(error).toContain('“_” also occurs inside a value');
  });

  it.each([
    ['Кольца-1993-06-интервью-Иванов.docx', 'it has no “_”, the pattern needs 3 times'],
    ['Кольца_1993-06_Иванов.docx', 'it has “_” twice, the pattern needs 3 times'],
    ['Кольца_лето_интервью_Иванов.docx', '{date} would be “лето”, which is not a date'],
    ['Кольца_1993-13_интервью_Иванов.docx', '{date} would be “1993-13”, which is not a date'],
    ['Кольца__интервью_Иванов.docx', 'a part of the name is empty'],
  ])('explains why %j does not fit', (fileName, message) => {
    const error = errorOf(matchFilename(PATTERN, fileName));
    expect(error).toContain(`does not fit the pattern ${PATTERN}`);
    expect(error).toContain(message);
  });

  it('explains a missing literal at the start or the end', () => {
    expect(errorOf(matchFilename('Интервью {informant}', 'Заметки Иванов.txt'))).toContain('it does not start with “Интервью ”');
    expect(errorOf(matchFilename('{informant} (копия)', 'Иванов.txt'))).toContain('it does not end with “ (копия)”');
  });

  it('passes on a pattern error, and refuses an empty name', () => {
    expect(errorOf(matchFilename('{date}{kind}', 'x.txt'))).toMatch(/nothing between them/);
    expect(errorOf(matchFilename(PATTERN, '.docx'))).toMatch(/does not fit/);
    expect(errorOf(matchFilename(PATTERN, ''))).toBe('The file name is empty.');
  });

  it('reads back the fields of any name built from the pattern', () => {
    const value = fc.stringMatching(/^[А-Яа-яA-Za-z0-9 ]{1,12}$/).filter((v) => v.trim() !== '');
    const date = fc.constantFrom('1993-06', '12.06.93', '1992', 'июнь 1993', '1993-06-12', 'осень 1992');
    fc.assert(
      fc.property(value, date, value, value, fc.constantFrom('docx', 'txt', 'mp3', 'pdf'), (enterprise, d, kind, informant, ext) => {
        const result = matchFilename(PATTERN, `${enterprise}_${d}_${kind}_${informant}.${ext}`);
        expect(fieldsOf(result)).toEqual({ enterprise: enterprise.trim(), date: d, kind: kind.trim(), informant: informant.trim() });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws and answers quickly on long names full of separators', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('_', '-', 'a', 'я', '1', '.', ' '), maxLength: 80 }), (name) => {
        const result = matchFilename('{a}_{b}-{c}_{date}', name);
        expect('fields' in result || 'error' in result).toBe(true);
      }),
      { numRuns: 300 },
    );
    const started = Date.now();
    matchFilename('{a}_{b}_{c}_{d}_{e}_{f}_{g}_{h}', `${'x_'.repeat(120)}x.txt`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
