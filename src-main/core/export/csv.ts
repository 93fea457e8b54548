/** Extracts as CSV: UTF-8 with a byte-order mark (so Excel reads Cyrillic), one row per excerpt, written as it comes. */
import { stringify } from 'csv-stringify/sync';
import type { ExtractsWriter, WriterFactory } from './writer';
import { tidyHeader, tidyRow } from './tidy';

const OPTIONS = { record_delimiter: 'windows' } as const;

export const csvWriter: WriterFactory = (out, head): ExtractsWriter => {
  out.write(`\uFEFF${stringify([tidyHeader(head)], OPTIONS)}`);
  let heading: string | null = null;
  return {
    group(h) {
      heading = h;
    },
    excerpts(batch) {
      if (batch.length > 0) out.write(stringify(batch.map((e) => tidyRow(head, heading, e)), OPTIONS));
    },
    finish: async () => undefined,
  };
};
