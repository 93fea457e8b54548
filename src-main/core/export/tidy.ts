/**
 * One row per excerpt with every attribute, for R or Python: the columns CSV and XLSX share.
 * Translations get a column per language; context, coder and memo columns are always there
 * (empty when not asked for), so a script reading several exports finds the same columns.
 */
import type { ExtractExcerpt, ExtractsHead } from '../../../src-shared/model/extracts';
import { EXPORT_TEXTS } from './texts';

export type TidyValue = string | number;

export function tidyHeader(head: ExtractsHead): string[] {
  const c = EXPORT_TEXTS[head.language].columns;
  return [
    c.group,
    c.citation,
    c.quoteId,
    c.excerpt,
    ...head.translationLanguages.map((l) => EXPORT_TEXTS[head.language].translation(l)),
    c.contextBefore,
    c.contextAfter,
    c.codes,
    c.coder,
    c.memo,
    c.document,
    c.documentDate,
    c.speaker,
    c.case,
    ...head.attributeNames,
    c.documentId,
    c.start,
    c.end,
  ];
}

/**
 * The values of an excerpt's row, in the order of `tidyHeader`, handed to `put` one by one: a
 * writer that streams 100,000 rows needs no array for each. The case attributes' values go to
 * `attributes` together when given (a writer may encode a set it has seen before at once).
 */
export function eachTidyValue(
  head: ExtractsHead,
  group: string | null,
  e: ExtractExcerpt,
  put: (value: TidyValue) => void,
  attributes: (values: ExtractExcerpt['attributes']) => void = (values) => {
    for (const name of head.attributeNames) put(values[name] ?? '');
  },
): void {
  put(group ?? '');
  put(e.citation);
  put(e.quoteId ?? '');
  put(e.text);
  for (const language of head.translationLanguages) put(e.translations[language] ?? '');
  put(e.contextBefore ?? '');
  put(e.contextAfter ?? '');
  put(e.codes.join('; '));
  put(e.coder);
  put(e.memo);
  put(e.documentTitle);
  put(e.documentDate);
  put(e.speaker ?? '');
  put(e.caseName ?? '');
  attributes(e.attributes);
  put(e.documentId);
  put(e.start);
  put(e.end);
}

export function tidyRow(head: ExtractsHead, group: string | null, e: ExtractExcerpt): TidyValue[] {
  const row: TidyValue[] = [];
  eachTidyValue(head, group, e, (value) => row.push(value));
  return row;
}
