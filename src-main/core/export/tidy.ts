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

export function tidyRow(head: ExtractsHead, group: string | null, e: ExtractExcerpt): TidyValue[] {
  return [
    group ?? '',
    e.citation,
    e.quoteId ?? '',
    e.text,
    ...head.translationLanguages.map((l) => e.translations[l] ?? ''),
    e.contextBefore ?? '',
    e.contextAfter ?? '',
    e.codes.join('; '),
    e.coder,
    e.memo,
    e.documentTitle,
    e.documentDate,
    e.speaker ?? '',
    e.caseName ?? '',
    ...head.attributeNames.map((a) => e.attributes[a] ?? ''),
    e.documentId,
    e.start,
    e.end,
  ];
}
