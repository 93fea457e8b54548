/**
 * Field material is dated "June 1993" or "autumn 1992" far more often than to the day, so a date
 * is a range with a precision. The range is what queries use; the precision is how people read it.
 */
import { z } from 'zod';

export const DATE_PRECISIONS = ['day', 'month', 'season', 'quarter', 'year', 'range', 'decade'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const FuzzyDateSchema = z
  .object({
    start: z.iso.date(),
    end: z.iso.date(),
    precision: z.enum(DATE_PRECISIONS),
  })
  .refine((d) => d.start <= d.end, { message: 'The date range ends before it starts.' });
export type FuzzyDate = z.infer<typeof FuzzyDateSchema>;

const SEASONS: Readonly<Record<string, readonly [number, number]>> = {
  winter: [12, 2],
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  зима: [12, 2],
  весна: [3, 5],
  лето: [6, 8],
  осень: [9, 11],
};

/** Month names as researchers write them, English and Russian (nominative, genitive, prepositional). */
const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'январь', 'января', 'январе'],
  ['february', 'feb', 'февраль', 'февраля', 'феврале'],
  ['march', 'mar', 'март', 'марта', 'марте'],
  ['april', 'apr', 'апрель', 'апреля', 'апреле'],
  ['may', 'май', 'мая', 'мае'],
  ['june', 'jun', 'июнь', 'июня', 'июне'],
  ['july', 'jul', 'июль', 'июля', 'июле'],
  ['august', 'aug', 'август', 'августа', 'августе'],
  ['september', 'sep', 'sept', 'сентябрь', 'сентября', 'сентябре'],
  ['october', 'oct', 'октябрь', 'октября', 'октябре'],
  ['november', 'nov', 'ноябрь', 'ноября', 'ноябре'],
  ['december', 'dec', 'декабрь', 'декабря', 'декабре'],
];
const monthNumber = (word: string): number => MONTHS.findIndex((names) => names.includes(word)) + 1;

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

function monthRange(year: number, month: number): [string, string] {
  return [iso(year, month, 1), iso(year, month, lastDay(year, month))];
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

/**
 * Reads the ways researchers write dates into a {@link FuzzyDate}, or null when it cannot.
 *
 * @example
 * parseFuzzyDate('1993-06')        // { start: '1993-06-01', end: '1993-06-30', precision: 'month' }
 * parseFuzzyDate('июнь 1993')      // the same month
 * parseFuzzyDate('autumn 1992')    // { start: '1992-09-01', end: '1992-11-30', precision: 'season' }
 * parseFuzzyDate('12.06.93')       // { start: '1993-06-12', end: '1993-06-12', precision: 'day' }
 * parseFuzzyDate('Q2 1993')        // { start: '1993-04-01', end: '1993-06-30', precision: 'quarter' }
 * parseFuzzyDate('II квартал 1993') // the same quarter; also '2 кв. 1993', '1993-Q2'
 * parseFuzzyDate('1992-03..1992-05') // range from March to the end of May 1992
 * parseFuzzyDate('1960s')           // { start: '1960-01-01', end: '1969-12-31', precision: 'decade' }; also '1960-е', '1960-е годы'
 */
export function parseFuzzyDate(input: string): FuzzyDate | null {
  const s = input.trim().toLowerCase().replace(/\s+г\.?$/, '').replace(/\.$/, '');
  const range = s.split(/\s*(?:\.\.|\/|–|—)\s*/);
  if (range.length === 2 && range[0] && range[1]) {
    const a = parseFuzzyDate(range[0]);
    const b = parseFuzzyDate(range[1]);
    if (!a || !b || a.start > b.end) return null;
    return { start: a.start, end: b.end, precision: 'range' };
  }
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(?:the\s+)?(\d{3}0)(?:'?s|-?е(?:\s+(?:гг\.?|годы))?)$/))) {
    const y = Number(m[1]);
    return { start: iso(y, 1, 1), end: iso(y + 9, 12, 31), precision: 'decade' };
  }
  const quarter = parseQuarter(s);
  if (quarter) return quarter;
  if ((m = s.match(/^(\d{1,2})\s+([a-zа-яё]+)\s+(\d{4})$/))) {
    const [d, mo, y] = [Number(m[1]), monthNumber(m[2]!), Number(m[3])];
    return validDay(y, mo, d) ? { start: iso(y, mo, d), end: iso(y, mo, d), precision: 'day' } : null;
  }
  if ((m = s.match(/^([a-z]+)\s+(\d{1,2}),?\s+(\d{4})$/))) {
    const [mo, d, y] = [monthNumber(m[1]!), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? { start: iso(y, mo, d), end: iso(y, mo, d), precision: 'day' } : null;
  }
  if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDay(y, mo, d) ? { start: iso(y, mo, d), end: iso(y, mo, d), precision: 'day' } : null;
  }
  if ((m = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/))) {
    const yy = Number(m[3]);
    const y = m[3]!.length === 2 ? 1900 + yy : yy;
    const [mo, d] = [Number(m[2]), Number(m[1])];
    return validDay(y, mo, d) ? { start: iso(y, mo, d), end: iso(y, mo, d), precision: 'day' } : null;
  }
  if ((m = s.match(/^(\d{4})-(\d{2})$/))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    const [start, end] = monthRange(y, mo);
    return { start, end, precision: 'month' };
  }
  if ((m = s.match(/^(\d{4})$/))) {
    const y = Number(m[1]);
    return { start: iso(y, 1, 1), end: iso(y, 12, 31), precision: 'year' };
  }
  if ((m = s.match(/^([a-zа-яё]+)\s+(\d{4})$/)) || (m = s.match(/^(\d{4})-([a-z]+)$/))) {
    const word = /^\d/.test(m[1]!) ? m[2]! : m[1]!;
    const y = Number(/^\d/.test(m[1]!) ? m[1] : m[2]);
    const month = monthNumber(word);
    if (month > 0) {
      const [start, end] = monthRange(y, month);
      return { start, end, precision: 'month' };
    }
    const season = SEASONS[word];
    if (!season) return null;
    const [from, to] = season;
    const startYear = from === 12 ? y - 1 : y;
    return { start: iso(startYear, from, 1), end: monthRange(y, to)[1], precision: 'season' };
  }
  return null;
}

const ROMAN_QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Quarterly enterprise reports are dated by quarter: `Q2 1993`, `2Q 1993`, `1993-Q2`, `2 кв. 1993`, `II квартал 1993`. */
function parseQuarter(s: string): FuzzyDate | null {
  const m =
    s.match(/^q([1-4])\s*(\d{4})$/) ??
    s.match(/^([1-4])\s*q\s*(\d{4})$/) ??
    s.match(/^(i{1,3}|iv|[1-4])(?:-?(?:й|ый|ой))?\s*(?:кв\.?|квартал)\s*(\d{4})$/) ??
    s.match(/^(\d{4})\s*-?\s*q([1-4])$/);
  if (!m) return null;
  const [a, b] = [m[1]!, m[2]!];
  const yearFirst = a.length === 4;
  const q = ROMAN_QUARTERS[yearFirst ? b : a] ?? Number(yearFirst ? b : a);
  const y = Number(yearFirst ? a : b);
  return { start: iso(y, q * 3 - 2, 1), end: monthRange(y, q * 3)[1], precision: 'quarter' };
}

const SEASON_NAMES: Readonly<Record<string, { en: string; ru: string }>> = {
  '12': { en: 'winter', ru: 'зима' },
  '03': { en: 'spring', ru: 'весна' },
  '06': { en: 'summer', ru: 'лето' },
  '09': { en: 'autumn', ru: 'осень' },
};

/**
 * Formatters by locale and precision, made once: building an Intl.DateTimeFormat costs far more
 * than formatting with it, and exports format a date for each of 100,000 excerpts.
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

/** What a formatter writes: a day ("12 June 1993"), a month ("June 1993"), or a month's name alone ("June"). */
type Shown = 'day' | 'month' | 'monthName';

const FORMATS: Readonly<Record<Shown, Intl.DateTimeFormatOptions>> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  monthName: { month: 'long', timeZone: 'UTC' },
};

function formatter(locale: 'en' | 'ru', shown: Shown): Intl.DateTimeFormat {
  const key = `${locale} ${shown}`;
  let made = FORMATTERS.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, FORMATS[shown]);
    FORMATTERS.set(key, made);
  }
  return made;
}

/**
 * A date as a person writes it, at its precision.
 *
 * @example
 * formatFuzzyDate({ start: '1993-06-01', end: '1993-06-30', precision: 'month' }, 'en') // 'June 1993'
 */
export function formatFuzzyDate(date: FuzzyDate, locale: 'en' | 'ru' = 'en'): string {
  // An export dates each of its excerpts (twice when cited): a corpus has a few thousand dates.
  const key = `${locale}${date.precision}${date.start}${date.end}`;
  let formatted = FORMATTED.get(key);
  if (formatted === undefined) {
    formatted = format(date, locale);
    if (FORMATTED.size >= 10_000) FORMATTED.clear();
    FORMATTED.set(key, formatted);
  }
  return formatted;
}

const FORMATTED = new Map<string, string>();

function format(date: FuzzyDate, locale: 'en' | 'ru'): string {
  const [y, mo, d] = date.start.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d));
  switch (date.precision) {
    case 'day':
    case 'month':
      return formatter(locale, date.precision).format(at);
    case 'season': {
      const name = SEASON_NAMES[pad(mo)]?.[locale] ?? '';
      return `${name} ${date.end.slice(0, 4)}`;
    }
    case 'quarter':
      return locale === 'ru' ? `${Math.ceil(mo / 3)} кв. ${y}` : `Q${Math.ceil(mo / 3)} ${y}`;
    case 'year':
      return String(y);
    case 'range':
      return formatRange(date, locale);
    case 'decade':
      return locale === 'ru' ? `${y}-е гг.` : `the ${y}s`;
  }
}

/**
 * A range as wide as it reads: whole years "1992–1993", whole months "March–May 1992" (or
 * "November 1992 – February 1993"), days otherwise.
 */
function formatRange(date: FuzzyDate, locale: 'en' | 'ru'): string {
  const [y1, m1, d1] = date.start.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = date.end.split('-').map(Number) as [number, number, number];
  const monthName = (y: number, m: number): string => formatter(locale, 'monthName').format(new Date(Date.UTC(y, m - 1, 1)));
  const wholeMonths = d1 === 1 && d2 === lastDay(y2, m2);
  if (wholeMonths && m1 === 1 && m2 === 12) return `${y1}–${y2}`;
  if (wholeMonths && y1 === y2) return `${monthName(y1, m1)}–${monthName(y2, m2)} ${y1}`;
  if (wholeMonths) return `${monthName(y1, m1)} ${y1} – ${monthName(y2, m2)} ${y2}`;
  const day = (y: number, m: number, d: number): string => formatter(locale, 'day').format(new Date(Date.UTC(y, m - 1, d)));
  return `${day(y1, m1, d1)} – ${day(y2, m2, d2)}`;
}

/**
 * A date as a person would type it, in a form `parseFuzzyDate` reads back to the same date: what
 * editable date fields show.
 *
 * @example
 * typedFuzzyDate(parseFuzzyDate('июнь 1993')) // '1993-06'
 */
export function typedFuzzyDate(date: FuzzyDate | null): string {
  if (!date) return '';
  switch (date.precision) {
    case 'day':
      return date.start;
    case 'month':
      return date.start.slice(0, 7);
    case 'year':
      return date.start.slice(0, 4);
    case 'season':
    case 'quarter':
      return formatFuzzyDate(date, 'en');
    case 'range':
      return `${date.start}..${date.end}`;
    case 'decade':
      return `${date.start.slice(0, 4)}s`;
  }
}
