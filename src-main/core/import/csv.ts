/**
 * CSV case lists. Decoded like text files (so Windows-1251 exports from Russian Excel work), then
 * parsed with csv-parse. The delimiter is ',' in English exports and ';' in Russian ones (where ','
 * is the decimal separator), or a tab; it is detected as the candidate that splits the first
 * records into the same number of cells most consistently.
 */
import { parse } from 'csv-parse/sync';
import { decodeBytes } from './encoding';
import { importError } from './errors';
import type { ImportLimits } from './limits';
import { shapeTable } from './table-rows';
import type { TableData } from './types';

const DELIMITERS = [',', ';', '\t', '|'] as const;

export function readCsv(bytes: Uint8Array, fileName: string, options: { encoding?: string; delimiter?: string }, limits: ImportLimits): TableData {
  const decoded = decodeBytes(bytes, fileName, options.encoding !== undefined ? { override: options.encoding } : {});
  const delimiter = options.delimiter ?? detectDelimiter(decoded.text);
  if (delimiter.length !== 1 || /[\r\n"]/.test(delimiter)) {
    throw importError(fileName, `cannot be split at "${delimiter}": choose a comma, a semicolon or a tab as the delimiter.`);
  }
  let records: string[][];
  try {
    records = parse(decoded.text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: limits.maxTableRows + 1,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw importError(
      fileName,
      `could not be read as a table${typeof line === 'number' ? ` (near line ${line})` : ''}: check that quotes are closed, or save it again from Excel as CSV.`,
      { reason: error instanceof Error ? error.message : String(error) },
    );
  }
  const warnings = [...decoded.warnings];
  if (records.length > limits.maxTableRows) {
    records = records.slice(0, limits.maxTableRows);
    warnings.push(`Only the first ${limits.maxTableRows.toLocaleString('en')} rows were read.`);
  }
  const shaped = shapeTable(records);
  if (shaped.headers.length === 0) throw importError(fileName, 'contains no rows.');
  return {
    headers: shaped.headers,
    rows: shaped.rows,
    sheetNames: [],
    sheet: null,
    encoding: decoded.encoding,
    delimiter,
    warnings: [...warnings, ...shaped.warnings],
  };
}

/** The delimiter that splits the first records most consistently; ',' when nothing does. */
export function detectDelimiter(text: string): string {
  const records = firstRecords(text.slice(0, 64 * 1024), 30);
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = records.map((r) => countOutsideQuotes(r, d));
    const mode = modeOf(counts.filter((c) => c > 0));
    if (mode === 0) continue;
    const consistent = counts.filter((c) => c === mode).length / counts.length;
    const score = consistent + Math.min(mode, 20) / 1000;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Up to `max` records, splitting at line breaks outside quotes. */
function firstRecords(text: string, max: number): string[] {
  const records: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length && records.length < max; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if ((c === '\n' || c === '\r') && !inQuotes) {
      if (i > start) records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (records.length < max && start < text.length) records.push(text.slice(start));
  return records.filter((r) => r.trim() !== '');
}

function countOutsideQuotes(record: string, delimiter: string): number {
  let n = 0;
  let inQuotes = false;
  for (const c of record) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) n++;
  }
  return n;
}

function modeOf(values: readonly number[]): number {
  const freq = new Map<number, number>();
  let mode = 0;
  let top = 0;
  for (const v of values) {
    const f = (freq.get(v) ?? 0) + 1;
    freq.set(v, f);
    if (f > top || (f === top && v > mode)) {
      mode = v;
      top = f;
    }
  }
  return mode;
}
