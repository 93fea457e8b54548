/**
 * An operation's summary in the interface's language (the undo notice, the codebook's history).
 * The texts are in summaries.ts under `summaries.<key>`.
 */
import type { TFunction } from 'i18next';
import type { Summary } from '../../src-shared/model/summaries';

/** A summary in `t`'s language; a value that is itself a summary (a meeting, a term) first. */
export function summaryIn(t: TFunction, s: Summary): string {
  const values = Object.fromEntries(Object.entries(s.values).map(([name, value]) => [name, typeof value === 'object' ? summaryIn(t, value) : value]));
  return t(`summaries.${s.key}`, values);
}

/** What an operation did, in `t`'s language; an operation stored without a key shows its stored English. */
export function operationSummary(t: TFunction, operation: { readonly summary: string; readonly described: Summary | null }): string {
  return operation.described ? summaryIn(t, operation.described) : operation.summary;
}
