import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../src-shared/model/column-mapping';
import { distinctValues, guessValueType, readBoolean, readCell, readDate, readNumber } from '../../../src-shared/model/cell-values';

/** The informant attributes of the sample project. */
const INFORMANT = [
  { id: 'role', name: 'Role' },
  { id: 'post', name: 'Post / occupation (as named)' },
  { id: 'gender', name: 'Gender' },
  { id: 'born', name: 'Year of birth' },
  { id: 'age', name: 'Age (in 1993)' },
  { id: 'service', name: 'Years of service at the enterprise' },
  { id: 'grade', name: 'Skill grade' },
  { id: 'member', name: 'Union member' },
  { id: 'union', name: 'Union' },
  { id: 'pensioner', name: 'Working pensioner' },
];

describe('suggestMapping', () => {
  it('reads Russian headers of an informant list', () => {
    const headers = ['№', 'Ф.И.О.', 'Псевдоним', 'Предприятие', 'Пол', 'Г.р.', 'Должность', 'Стаж', 'Разряд', 'Профсоюз', 'Примечание', 'Телефон'];
    expect(suggestMapping(headers, INFORMANT)).toEqual({
      name: 1,
      aliases: 2,
      parent: 3,
      description: 10,
      attributes: { gender: 4, born: 5, post: 6, service: 7, grade: 8, union: 9 },
    });
  });

  it('reads English headers, attribute names in any case, with or without their remarks', () => {
    const headers = ['Name', 'Aliases', 'Parent', 'Description', 'GENDER', 'Age', 'skill grade', 'Union member', 'Comments'];
    expect(suggestMapping(headers, INFORMANT)).toEqual({
      name: 0,
      aliases: 1,
      parent: 2,
      description: 3,
      attributes: { gender: 4, age: 5, grade: 6, member: 7 },
    });
  });

  it('prefers an attribute named exactly as a header, and knows a column headed by the type or a parent type', () => {
    const attributes = [{ id: 'region', name: 'Регион' }, { id: 'staff', name: 'Staff (headcount)' }];
    // «Предприятие» names the enterprises themselves in a list of enterprises.
    expect(suggestMapping(['Предприятие', 'Регион', 'Численность'], attributes, { typeName: 'Enterprise', parentTypeNames: ['Region'] })).toEqual({
      name: 0,
      attributes: { region: 1, staff: 2 },
    });
    expect(suggestMapping(['Предприятие', 'Область', 'Численность'], [attributes[1]!], { typeName: 'Enterprise', parentTypeNames: ['Region'] })).toEqual({
      name: 0,
      parent: 1,
      attributes: { staff: 2 },
    });
    expect(suggestMapping(['Цех', 'Информант'], [], { typeName: 'Informant', parentTypeNames: ['Enterprise', 'Shop / section'] })).toEqual({ name: 1, parent: 0, attributes: {} });
  });

  it('takes the first column nothing else fits for the name, and maps each role and attribute once', () => {
    expect(suggestMapping(['Пол', 'Кто', 'Пол'], INFORMANT)).toEqual({ name: 1, attributes: { gender: 0 } });
    expect(suggestMapping(['Имя', 'ФИО', 'Описание', 'Комментарий'], [])).toEqual({ name: 0, description: 2, attributes: {} });
    expect(suggestMapping(['Gender'], INFORMANT)).toEqual({ name: 0, attributes: {} });
    expect(suggestMapping([], INFORMANT)).toEqual({ name: 0, attributes: {} });
  });
});

describe('reading cells as attribute values', () => {
  it('reads numbers written the Russian or the English way', () => {
    expect(['42', '3,5', '3.5', '1 200', '1\u00a0200,75', '1,234.5', '1,234,567', '-2', '−2', '45%', ',5'].map(readNumber)).toEqual([
      42, 3.5, 3.5, 1200, 1200.75, 1234.5, 1234567, -2, -2, 45, 0.5,
    ]);
    for (const bad of ['', 'много', '19x5', '1.2.3', '3,5,6', '1 2a']) expect(readNumber(bad), bad).toBeNull();
  });

  it('reads yes and no in English, Russian and as Excel writes them', () => {
    expect(['да', 'Нет', 'TRUE', 'ЛОЖЬ', 'истина', 'yes', 'N', '1', '0', '+'].map(readBoolean)).toEqual([true, false, true, false, true, true, false, true, false, true]);
    expect(readBoolean('может быть')).toBeNull();
  });

  it('reads dates at the precision a date attribute keeps', () => {
    expect(readDate('12.06.93')).toBe('1993-06-12');
    expect(readDate('1992-11-03 00:00')).toBe('1992-11-03');
    expect(readDate('июнь 1993')).toBe('1993-06');
    expect(readDate('June 1993')).toBe('1993-06');
    expect(readDate('1993 г.')).toBe('1993');
    expect(readDate('весна 1993')).toBeNull();
    expect(readDate('Q2 1993')).toBeNull();
    expect(readDate('31.02.1993')).toBeNull();
  });

  it('gives each attribute type its value or a message naming the attribute', () => {
    const choice = { name: 'Gender', valueType: 'choice' as const, choices: ['female', 'male'] };
    expect(readCell(choice, ' MALE ')).toEqual({ ok: true, value: 'male' });
    expect(readCell(choice, 'м')).toEqual({ ok: false, message: '“м” is not a valid Gender: it must be one of female, male.' });
    expect(readCell({ name: 'Цех', valueType: 'choice', choices: ['Механосборочный'] }, 'механосборочныи')).toMatchObject({ ok: false });
    expect(readCell({ name: 'Цех', valueType: 'choice', choices: ['Литейный, ёмкостный'] }, 'литейный, емкостный')).toEqual({ ok: true, value: 'Литейный, ёмкостный' });
    expect(readCell({ name: 'Age', valueType: 'number', choices: null }, '45')).toEqual({ ok: true, value: 45 });
    expect(readCell({ name: 'Notes', valueType: 'text', choices: null }, ' as typed ')).toEqual({ ok: true, value: 'as typed' });
    expect(readCell({ name: 'Since', valueType: 'date', choices: null }, 'осень 1992')).toMatchObject({ ok: false, message: expect.stringMatching(/a day, a month or a year/) });
  });

  it('guesses the type of a new attribute from its column', () => {
    expect(guessValueType(['1948', '1951', ''])).toBe('number');
    expect(guessValueType(['да', 'нет', 'да'])).toBe('boolean');
    expect(guessValueType(['1', '0', '1'])).toBe('number');
    expect(guessValueType(['12.06.93', 'июнь 1993'])).toBe('date');
    expect(guessValueType(['м', 'ж', 'м', 'ж', 'м'])).toBe('choice');
    expect(guessValueType(['крановщица', 'мастер', 'слесарь'])).toBe('text');
    expect(guessValueType([])).toBe('text');
    expect(distinctValues(['первая', 'Первая', ' вторая ', '', 'ВТОРАЯ'])).toEqual(['первая', 'вторая']);
  });
});
