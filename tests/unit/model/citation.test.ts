import { describe, expect, it } from 'vitest';
import { CITATION_FIELDS, CitationTemplateError, DEFAULT_TEMPLATES, citation, citationValues, parseTemplate, renderTemplate } from '../../../src-shared/model/citation';
import type { CitationSource } from '../../../src-shared/model/citation';
import type { FuzzyDate } from '../../../src-shared/model/dates';
import { parseFuzzyDate } from '../../../src-shared/model/dates';
import { DOCUMENT_KINDS } from '../../../src-shared/model/entities';
import { dateCode, documentKey, documentKeyPrefix, documentKeyProblem, enterpriseCode, parseQuoteId, quoteId } from '../../../src-shared/model/quote-ids';
import Database from 'better-sqlite3';
import { CitationTemplates } from '../../../src-main/core/services/citation-templates';

const date = (s: string): FuzzyDate => {
  const d = parseFuzzyDate(s);
  if (!d) throw new Error(`not a date: ${s}`);
  return d;
};

const foreman: CitationSource = { kind: 'interview', role: 'foreman', enterprise: 'Rings', date: date('1993-06') };

describe('citations by the default templates (what Quire always gave)', () => {
  it('cites an interview with the role, enterprise and month, in English and Russian', () => {
    expect(citation(foreman, 'en')).toBe('(interview with a foreman, Rings, June 1993)');
    expect(citation({ ...foreman, role: 'мастер', enterprise: 'Кольца' }, 'ru')).toBe('(интервью с мастером, Кольца, июнь 1993 г.)');
    expect(citation({ ...foreman, role: 'рабочий', gender: 'женский' }, 'ru')).toBe('(интервью с работницей, Rings, июнь 1993 г.)');
  });

  it('cites a role it does not know as entered: with its article in English, in brackets in Russian', () => {
    expect(citation({ ...foreman, role: 'engineer' }, 'en')).toBe('(interview with an engineer, Rings, June 1993)');
    expect(citation({ ...foreman, role: 'нормировщик' }, 'ru')).toBe('(интервью (нормировщик), Rings, июнь 1993 г.)');
  });

  it('drops empty parts cleanly: no ", ," and no "()"', () => {
    expect(citation({ kind: 'interview', role: null, enterprise: null, date: date('1993-06') }, 'en')).toBe('(interview, June 1993)');
    expect(citation({ kind: 'interview', role: 'foreman', enterprise: null, date: null }, 'en')).toBe('(interview with a foreman)');
    expect(citation({ kind: 'field_note', role: 'foreman', enterprise: 'Rings', date: null }, 'ru')).toBe('(полевые заметки, Rings)');
  });

  it('has a template for every kind in both languages, and cites every kind', () => {
    expect(DEFAULT_TEMPLATES).toHaveLength(DOCUMENT_KINDS.length * 2);
    const expected: Record<string, [string, string]> = {
      interview: ['(interview with a foreman, Rings, June 1993)', '(интервью с мастером, Rings, июнь 1993 г.)'],
      field_note: ['(field notes, Rings, June 1993)', '(полевые заметки, Rings, июнь 1993 г.)'],
      enterprise_report: ['(enterprise report, Rings, June 1993)', '(отчёт по предприятию, Rings, июнь 1993 г.)'],
      meeting_record: ['(meeting record, Rings, June 1993)', '(запись собрания, Rings, июнь 1993 г.)'],
      press_item: ['(press, Rings, June 1993)', '(пресса, Rings, июнь 1993 г.)'],
      enterprise_document: ['(enterprise document, Rings, June 1993)', '(документ предприятия, Rings, июнь 1993 г.)'],
      diary: ['(diary, Rings, June 1993)', '(дневник, Rings, июнь 1993 г.)'],
      letter: ['(letter, Rings, June 1993)', '(письмо, Rings, июнь 1993 г.)'],
      other: ['(document, Rings, June 1993)', '(документ, Rings, июнь 1993 г.)'],
    };
    for (const kind of DOCUMENT_KINDS) {
      expect([citation({ ...foreman, kind }, 'en'), citation({ ...foreman, kind, role: 'мастер' }, 'ru')]).toEqual(expected[kind]);
    }
  });

  it('gives the date at its precision in both languages', () => {
    const cases: [string, string, string][] = [
      ['1992-12-09', '(interview with a foreman, Rings, December 9, 1992)', '(интервью с мастером, Rings, 9 декабря 1992 г.)'],
      ['1993-06', '(interview with a foreman, Rings, June 1993)', '(интервью с мастером, Rings, июнь 1993 г.)'],
      ['Q2 1993', '(interview with a foreman, Rings, Q2 1993)', '(интервью с мастером, Rings, 2 кв. 1993)'],
      ['autumn 1992', '(interview with a foreman, Rings, autumn 1992)', '(интервью с мастером, Rings, осень 1992)'],
      ['1993', '(interview with a foreman, Rings, 1993)', '(интервью с мастером, Rings, 1993)'],
      ['1992..1993', '(interview with a foreman, Rings, 1992–1993)', '(интервью с мастером, Rings, 1992–1993)'],
      ['1992-03..1992-05', '(interview with a foreman, Rings, March–May 1992)', '(интервью с мастером, Rings, март–май 1992)'],
      ['1993-02-01..1993-02-03', '(interview with a foreman, Rings, February 1, 1993 – February 3, 1993)', '(интервью с мастером, Rings, 1 февраля 1993 г. – 3 февраля 1993 г.)'],
      ['1960s', '(interview with a foreman, Rings, the 1960s)', '(интервью с мастером, Rings, 1960-е гг.)'],
    ];
    for (const [typed, en, ru] of cases) {
      expect(citation({ ...foreman, date: date(typed) }, 'en')).toBe(en);
      expect(citation({ ...foreman, role: 'мастер', date: date(typed) }, 'ru')).toBe(ru);
    }
  });
});

describe('citation templates', () => {
  const render = (template: string, source: CitationSource, language: 'en' | 'ru' = 'en') => renderTemplate(parseTemplate(template), citationValues(source, language));

  it('writes the field’s other conventions', () => {
    expect(render('({title} {date_short})', { kind: 'press_item', role: null, enterprise: null, date: date('23.10.93'), title: 'Nasha Gazetta' })).toBe('(Nasha Gazetta 23.10.93)');
    expect(render('({date_short}, {role_plain} {enterprise})', { kind: 'interview', role: 'sociologist', enterprise: 'Perm’ Motor-Building Association', date: date('09.03.94') })).toBe(
      '(09.03.94, sociologist Perm’ Motor-Building Association)',
    );
    expect(render('({date})', { ...foreman, date: date('1993-07') })).toBe('(July 1993)');
    expect(render('({role_plain})', { ...foreman, role: 'Director' })).toBe('(Director)');
    expect(render('({role_plain}, {enterprise}, {date})', { ...foreman, role: 'shop chief', date: date('1992-10') })).toBe('(shop chief, Rings, October 1992)');
  });

  it('takes the first alternative whose fields all have values', () => {
    const t = '({kind}[ с {role}| ({role_plain})])';
    expect(render(t, { ...foreman, role: 'мастер' }, 'ru')).toBe('(интервью с мастером)');
    expect(render(t, { ...foreman, role: 'инженер' }, 'ru')).toBe('(интервью (инженер))');
    expect(render(t, { ...foreman, role: null }, 'ru')).toBe('(интервью)');
  });

  it('fills every field, quote id, region, interviewer and informant included', () => {
    const source: CitationSource = { ...foreman, region: 'Samara', interviewer: 'I. Sokolova', informant: 'Petrov', title: 'Interview 14', quoteId: 'ROL-INT-1993-06-001:q3' };
    expect(render('{quote_id}: {informant} ({role_plain}), {enterprise}, {region}; {interviewer}; {title}', source)).toBe(
      'ROL-INT-1993-06-001:q3: Petrov (foreman), Rings, Samara; I. Sokolova; Interview 14',
    );
    expect(Object.keys(citationValues(source, 'en')).sort()).toEqual([...CITATION_FIELDS].sort());
  });

  it('drops a field without brackets cleanly too', () => {
    expect(render('({kind}, {enterprise}, {region}, {date})', { ...foreman, enterprise: null })).toBe('(interview, June 1993)');
    expect(render('({region})', foreman)).toBe('');
  });

  it('reads escaped characters as themselves', () => {
    expect(render('\\[{quote_id}\\]', { ...foreman, quoteId: 'X-1:q1' })).toBe('[X-1:q1]');
  });

  it('refuses a field that does not exist, naming the fields there are', () => {
    expect(() => parseTemplate('({kind}, {foo})')).toThrow(CitationTemplateError);
    expect(() => parseTemplate('({kind}, {foo})')).toThrow(/The template uses \{foo\}, which is not a field: use one of \{kind\}, \{role\}/);
    try {
      parseTemplate('({kind}, {foo})');
    } catch (error) {
      expect((error as CitationTemplateError).at).toBe(9);
    }
  });

  it('refuses templates it cannot read, saying where', () => {
    expect(() => parseTemplate('({kind}, {date')).toThrow(/never closed/);
    expect(() => parseTemplate('({kind}[, {date})')).toThrow(/optional part opened with “\[” at character 8 is never closed/);
    expect(() => parseTemplate('({kind}], {date})')).toThrow(/closes no optional part/);
    expect(() => parseTemplate('({kind}}')).toThrow(/closes no field/);
    expect(() => parseTemplate('({})')).toThrow(/names no field/);
    expect(() => parseTemplate('   ')).toThrow(/empty/);
  });
});

describe('quote ids', () => {
  it('makes a document key from the enterprise, kind, date at its precision and a number', () => {
    expect(enterpriseCode('REMET')).toBe('REM');
    expect(enterpriseCode('Кольца')).toBe('KOL');
    expect(enterpriseCode('Perm Motor-Building Association')).toBe('PMBA');
    expect(enterpriseCode('Кольца', 'rg')).toBe('RG');
    expect(enterpriseCode(null)).toBeNull();
    expect(documentKey(documentKeyPrefix('REM', 'interview', date('1993-06')), 14)).toBe('REM-INT-1993-06-014');
    expect(documentKeyPrefix(null, 'field_note', null)).toBe('FN-ND');
    expect(['1992-12-09', '1993-06', 'Q2 1993', 'autumn 1992', '1993', '1992..1993', '1992-03..1992-05', '1960s'].map((d) => dateCode(date(d)))).toEqual([
      '1992-12-09',
      '1993-06',
      '1993-Q2',
      '1992-AUT',
      '1993',
      '1992-1993',
      '1992',
      '1960S',
    ]);
  });

  it('reads a quote id back', () => {
    expect(quoteId('REM-INT-1993-06-014', 3)).toBe('REM-INT-1993-06-014:q3');
    expect(parseQuoteId(' REM-INT-1993-06-014:Q3 ')).toEqual({ documentKey: 'REM-INT-1993-06-014', quoteNumber: 3 });
    expect(parseQuoteId('REM-INT-1993-06-014')).toBeNull();
  });

  it('checks keys people type', () => {
    expect(documentKeyProblem('KOL-INT-1993-06-001')).toBeNull();
    expect(documentKeyProblem('KOL INT')).toMatch(/only have letters/);
    expect(documentKeyProblem('A:B')).toMatch(/only have letters/);
    expect(documentKeyProblem('')).toMatch(/empty/);
  });
});

describe('CitationTemplates: citations rendered once per distinct set of the fields a template names', () => {
  const templates = (rows: { kind: string; language: string; template: string }[] = []): CitationTemplates => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE citation_templates (id TEXT, kind TEXT, language TEXT, template TEXT)');
    for (const r of rows) db.prepare('INSERT INTO citation_templates VALUES (?, ?, ?, ?)').run(`${r.kind}.${r.language}`, r.kind, r.language, r.template);
    return new CitationTemplates(db);
  };
  const june: FuzzyDate = { start: '1993-06-01', end: '1993-06-30', precision: 'month' };
  const source = (over: Partial<CitationSource>): CitationSource => ({ kind: 'interview', date: june, role: 'foreman', enterprise: 'Шестерня', quoteId: 'SHE-INT-1993-06-001:q1', ...over });

  it('gives passages that differ only in a field the template leaves out the same citation, and others their own', () => {
    const t = templates();
    expect(t.cite(source({}), 'en')).toBe('(interview with a foreman, Шестерня, June 1993)');
    expect(t.cite(source({ quoteId: 'SHE-INT-1993-06-001:q2' }), 'en')).toBe('(interview with a foreman, Шестерня, June 1993)');
    expect(t.cite(source({ role: 'director' }), 'en')).toBe('(interview with the director, Шестерня, June 1993)');
    expect(t.cite(source({}), 'ru')).toBe('(интервью с мастером, Шестерня, июнь 1993 г.)');
  });

  it('keeps each passage’s quote id when the template names it', () => {
    const t = templates([{ kind: 'interview', language: 'en', template: '({kind}, {date}, {quote_id})' }]);
    expect(t.cite(source({}), 'en')).toBe('(interview, June 1993, SHE-INT-1993-06-001:q1)');
    expect(t.cite(source({ quoteId: 'SHE-INT-1993-06-001:q2' }), 'en')).toBe('(interview, June 1993, SHE-INT-1993-06-001:q2)');
  });

  it('formats date ranges the same however many times they are cited', () => {
    const t = templates();
    const range: FuzzyDate = { start: '1992-03-01', end: '1992-05-31', precision: 'range' };
    const days: FuzzyDate = { start: '1992-03-02', end: '1992-05-20', precision: 'range' };
    for (let i = 0; i < 3; i++) {
      expect(t.cite(source({ date: range }), 'en')).toBe('(interview with a foreman, Шестерня, March–May 1992)');
      expect(t.cite(source({ date: days }), 'ru')).toBe('(интервью с мастером, Шестерня, 2 марта 1992 г. – 20 мая 1992 г.)');
    }
  });
});
