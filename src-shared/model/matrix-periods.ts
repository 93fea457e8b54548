/**
 * The periods a code × case matrix splits its columns by (`reports.matrix` with `period`): keys
 * such as `1993`, `1993-Q2`, `1993-06` or `undated`, the dates they cover, and how to show them.
 * Shared by the core (exports) and the renderer (column headers, a cell's excerpts).
 */
import type { FuzzyDate } from './dates';
import type { MatrixPeriod } from '../contract/reports';
import type { Wave } from '../contract/waves';

/** The key of the column for documents without a date. */
export const UNDATED_PERIOD = 'undated';

/** Keys of waves start so (`wave:Wave 1`); the key alone is for documents outside every wave. */
export const WAVE_PREFIX = 'wave:';

/** The wave a day falls in (both ends included), if any. */
export function waveOf(day: string, waves: readonly Wave[]): Wave | undefined {
  return waves.find((w) => w.start <= day && day <= w.end);
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The period a document falls in, by the start of its date: as the core assigns documents to
 * split columns.
 *
 * @example
 * periodOfDate('1993-05-14', 'quarter') // '1993-Q2'
 */
export function periodOfDate(dateStart: string | null, period: MatrixPeriod, waves: readonly Wave[] = []): string {
  if (!dateStart) return UNDATED_PERIOD;
  if (period === 'wave') return WAVE_PREFIX + (waveOf(dateStart, waves)?.name ?? '');
  const year = dateStart.slice(0, 4);
  if (period === 'year') return year;
  if (period === 'month') return dateStart.slice(0, 7);
  return `${year}-Q${Math.ceil(Number(dateStart.slice(5, 7)) / 3)}`;
}

/**
 * The dates a period key covers; null for `undated` and for keys that are no period.
 *
 * @example
 * periodRange('1993-Q2') // { start: '1993-04-01', end: '1993-06-30', precision: 'quarter' }
 */
export function periodRange(key: string, waves: readonly Wave[] = []): FuzzyDate | null {
  if (key.startsWith(WAVE_PREFIX)) {
    const wave = waves.find((w) => WAVE_PREFIX + w.name === key);
    return wave ? { start: wave.start, end: wave.end, precision: 'range' } : null;
  }
  const year = /^(\d{4})$/.exec(key);
  if (year) return { start: `${year[1]}-01-01`, end: `${year[1]}-12-31`, precision: 'year' };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    const y = Number(quarter[1]);
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    return { start: `${y}-${pad(first)}-01`, end: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}`, precision: 'quarter' };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    return { start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(lastDay(y, m))}`, precision: 'month' };
  }
  return null;
}

/**
 * A period key as a reader writes it, short enough for a column header: `1993`, `Q2 1993` /
 * `2 кв. 1993`, `Jun 1993` / `июн. 1993`, a wave by its name. Unknown keys come back as they are.
 */
export function formatPeriod(key: string, locale: 'en' | 'ru', undated: string): string {
  if (key === UNDATED_PERIOD) return undated;
  if (key.startsWith(WAVE_PREFIX)) return key.slice(WAVE_PREFIX.length) || (locale === 'ru' ? 'вне волн' : 'outside the waves');
  const range = periodRange(key);
  if (!range) return key;
  const [y, m] = range.start.split('-').map(Number) as [number, number];
  switch (range.precision) {
    case 'year':
      return String(y);
    case 'quarter':
      return locale === 'ru' ? `${Math.ceil(m / 3)} кв. ${y}` : `Q${Math.ceil(m / 3)} ${y}`;
    default: {
      const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
      return `${month} ${y}`;
    }
  }
}
