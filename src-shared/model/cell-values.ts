/**
 * Spreadsheet cells as attribute values. A case list holds what people typed into Excel, in
 * English or Russian conventions: `3,5` and `1 200` are numbers, `да`/`нет` and `TRUE` are
 * yes/no, `12.06.93` and `июнь 1993` are dates, and a choice may be typed in any case or with е
 * for ё. Each cell becomes the value the attribute stores, or a message saying why it cannot.
 */
import { foldForSearch } from '../text';
import { parseFuzzyDate } from './dates';
import type { AttributeType, AttributeValue } from './entities';

export type CellReading = { readonly ok: true; readonly value: AttributeValue } | { readonly ok: false; readonly message: string };

const fold = (s: string): string => foldForSearch(s.trim());

const TRUE_WORDS = new Set(['yes', 'y', 'true', 'да', 'д', 'истина', 'верно', '+', '1', 'x', '✓']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'нет', 'н', 'ложь', 'неверно', '-', '−', '–', '0']);

/** A number as typed: `3,5` or `3.5`, `1 200` (any space between digits), `1,234.5`, `-2`, `45%`. */
export function readNumber(cell: string): number | null {
  let s = cell.trim().replace(/%$/, '').replace(/^[−–]/, '-').replace(/(?<=\d)[\s\u00a0\u202f]+(?=\d)/g, '');
  if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^[+-]?\d{1,3}(,\d{3}){2,}$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Yes or no as typed: yes/no, true/false, да/нет, истина/ложь (Russian Excel), 1/0, +/−. */
export function readBoolean(cell: string): boolean | null {
  const s = fold(cell);
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

/**
 * A date as a date attribute stores it: `1993-06-12`, `1993-06` or `1993`, read from anything
 * {@link parseFuzzyDate} understands at day, month or year precision (a time after a day, as
 * Excel writes it, is dropped). Seasons, quarters and ranges have no stored form: null.
 */
export function readDate(cell: string): string | null {
  const parsed = parseFuzzyDate(cell.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, ''));
  if (!parsed) return null;
  switch (parsed.precision) {
    case 'day':
      return parsed.start;
    case 'month':
      return parsed.start.slice(0, 7);
    case 'year':
      return parsed.start.slice(0, 4);
    default:
      return null;
  }
}

/** The choice a cell names (any case, ё/е folded), spelled as the attribute spells it. */
export function readChoice(cell: string, choices: readonly string[]): string | null {
  const wanted = fold(cell);
  return choices.find((c) => fold(c) === wanted) ?? null;
}

/**
 * One non-empty cell as a value of an attribute of this type, or why it is not one.
 *
 * @example
 * readCell({ name: 'Age', valueType: 'number', choices: null }, '45')        // { ok: true, value: 45 }
 * readCell({ name: 'Gender', valueType: 'choice', choices: ['female', 'male'] }, 'MALE') // { ok: true, value: 'male' }
 */
export function readCell(attribute: { readonly name: string; readonly valueType: AttributeType; readonly choices: readonly string[] | null }, cell: string): CellReading {
  const text = cell.trim();
  const fail = (expected: string): CellReading => ({ ok: false, message: `“${text}” is not a valid ${attribute.name}: ${expected}.` });
  switch (attribute.valueType) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const n = readNumber(text);
      return n === null ? fail('write a number such as 42 or 3,5') : { ok: true, value: n };
    }
    case 'boolean': {
      const b = readBoolean(text);
      return b === null ? fail('write yes or no (да или нет)') : { ok: true, value: b };
    }
    case 'date': {
      const d = readDate(text);
      return d === null ? fail('write a day, a month or a year, such as 1993-06-12, 12.06.1993, June 1993 or 1993') : { ok: true, value: d };
    }
    case 'choice': {
      if (attribute.choices === null) return { ok: true, value: text };
      const c = readChoice(text, attribute.choices);
      return c === null ? fail(`it must be one of ${attribute.choices.join(', ')}`) : { ok: true, value: c };
    }
  }
}

/** The different values of a column (trimmed, any case and ё/е folded), first spelling kept: a new choice attribute's choices. */
export function distinctValues(cells: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const cell of cells) {
    const text = cell.trim();
    if (text !== '' && !seen.has(fold(text))) seen.set(fold(text), text);
  }
  return [...seen.values()];
}

/**
 * The type a new attribute made from this column should have: yes/no, number, date when every
 * filled cell reads so; a choice when a few values repeat; text otherwise.
 */
export function guessValueType(cells: readonly string[]): AttributeType {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0) return 'text';
  const all = (test: (c: string) => boolean): boolean => filled.every(test);
  // 1 and 0 alone are more likely counts than yes/no.
  if (all((c) => readBoolean(c) !== null) && !all((c) => readNumber(c) !== null)) return 'boolean';
  if (all((c) => readNumber(c) !== null)) return 'number';
  if (all((c) => readDate(c) !== null)) return 'date';
  const distinct = distinctValues(filled).length;
  if (distinct <= 12 && filled.length >= distinct * 2) return 'choice';
  return 'text';
}
