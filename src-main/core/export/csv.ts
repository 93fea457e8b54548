/**
 * Extracts as CSV: UTF-8 with a byte-order mark (so Excel reads Cyrillic), one row per excerpt,
 * written as it comes. The quoting is RFC 4180's, written here rather than through csv-stringify:
 * a 100,000-row export spent 40% of its time in the library's per-field option handling.
 */
import type { ExtractsWriter, WriterFactory } from './writer';
import { eachTidyValue, tidyHeader } from './tidy';
import type { TidyValue } from './tidy';
import type { ExtractExcerpt } from '../../../src-shared/model/extracts';

/** Rows end with CRLF, as RFC 4180 and Excel expect. */
const CRLF = '\r\n';
/** Between fields: a comma, or a semicolon as Excel set to Russian expects. */
export type CsvDelimiter = ',' | ';';
const NEEDS_QUOTES: Readonly<Record<CsvDelimiter, RegExp>> = { ',': /[",\r\n]/, ';': /[";\r\n]/ };
const QUOTES = /"/g;

/**
 * A field as RFC 4180 writes it: in double quotes (doubled inside) when it holds the delimiter, a
 * quote or a line break of any kind (a bare one too, which pandas and R read as a new record).
 */
export function csvField(value: TidyValue, delimiter: CsvDelimiter = ','): string {
  const text = typeof value === 'number' ? String(value) : value;
  return NEEDS_QUOTES[delimiter].test(text) ? `"${text.replace(QUOTES, '""')}"` : text;
}

/** One record, line break included. */
export function csvRecord(values: readonly TidyValue[], delimiter: CsvDelimiter = ','): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : delimiter) + csvField(values[i]!, delimiter);
  return line + CRLF;
}

/** A whole table as a file's text: the byte-order mark (so Excel reads UTF-8, and so Cyrillic), then every record. */
export function csvTable(records: readonly (readonly TidyValue[])[], delimiter: CsvDelimiter = ','): string {
  let text = '\uFEFF';
  for (const record of records) text += csvRecord(record, delimiter);
  return text;
}

/** Bytes gathered before they are handed to the output: few large writes, and no string of a whole batch. */
export const CHUNK = 1 << 20;

export const csvWriter: WriterFactory = (out, head, show): ExtractsWriter => {
  out.write(`\uFEFF${csvRecord(tidyHeader(head))}`);
  return csvRows(out, head, show);
};

/** The rows alone, without the byte-order mark and the header: a later part of an export written in parts. */
export const csvRows: WriterFactory = (out, head): ExtractsWriter => {
  let heading: string | null = null;
  // A row's fields go into one array used for every row and are joined once; the record is
  // encoded into the chunk. Joining a thousand records into one string first, or growing each
  // by `+=`, cost more than making them (V8 copies every record again).
  const fields: string[] = [];
  let count = 0;
  const put = (value: TidyValue): void => {
    fields[count++] = csvField(value);
  };
  // A document's or case's attributes repeat on each of its rows, one object per set (see
  // `buildExtracts`): each set is encoded once, not its twenty columns on every row.
  const encoded = new WeakMap<ExtractExcerpt['attributes'], string>();
  const attributes = (values: ExtractExcerpt['attributes']): void => {
    if (head.attributeNames.length === 0) return;
    let fragment = encoded.get(values);
    if (fragment === undefined) encoded.set(values, (fragment = head.attributeNames.map((name) => csvField(values[name] ?? '')).join(',')));
    fields[count++] = fragment;
  };
  // A chunk written to a file comes back to be filled again (see `Output.spare`); a smaller buffer
  // (one a record too long for a chunk was written in) is not one: rows are measured against CHUNK.
  const fresh = (): Buffer => {
    const spare = out.spare?.();
    return spare && spare.byteLength >= CHUNK ? spare : Buffer.allocUnsafe(CHUNK);
  };
  // Taken when a row needs it: none is left over at the end.
  let chunk: Buffer | null = null;
  let used = 0;
  const flush = (): void => {
    if (chunk && used > 0) out.write(chunk.subarray(0, used), chunk);
    chunk = null;
    used = 0;
  };
  return {
    group(h) {
      heading = h;
    },
    excerpts(batch) {
      for (const e of batch) {
        count = 0;
        eachTidyValue(head, heading, e, put, attributes);
        fields.length = count;
        const record = fields.join(',');
        // A UTF-16 code unit takes at most 3 bytes in UTF-8.
        const most = record.length * 3 + CRLF.length;
        if (used + most > CHUNK) flush();
        if (most > CHUNK) {
          out.write(record + CRLF);
          continue;
        }
        chunk ??= fresh();
        used += chunk.write(record, used, 'utf8');
        chunk[used++] = 13;
        chunk[used++] = 10;
      }
    },
    // Handed on only when full or at the end: a chunk per batch (or per small group) would keep a
    // mebibyte alive for each of them in an export held in memory.
    finish: async () => flush(),
  };
};
