import type { parseArgs, ParseArgsConfig } from 'node:util';

export const OPTIONS = {
  format: { type: 'string' },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  name: { type: 'string' },
  scale: { type: 'string' },
  kind: { type: 'string' },
  title: { type: 'string' },
  language: { type: 'string' },
  date: { type: 'string' },
  case: { type: 'string', multiple: true },
  pattern: { type: 'string' },
  manifest: { type: 'string' },
  encoding: { type: 'string' },
  clean: { type: 'string' },
  'all-or-nothing': { type: 'boolean' },
  code: { type: 'string', multiple: true },
  mode: { type: 'string' },
  'case-sensitive': { type: 'boolean' },
  extent: { type: 'string' },
  speaker: { type: 'string', multiple: true },
  documents: { type: 'string' },
  create: { type: 'boolean' },
  preview: { type: 'boolean' },
  rows: { type: 'string' },
  cols: { type: 'string' },
  measure: { type: 'string' },
  by: { type: 'string' },
  out: { type: 'string' },
  delimiter: { type: 'string' },
  actor: { type: 'string' },
  since: { type: 'string' },
  method: { type: 'string' },
  limit: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'no-open': { type: 'boolean' },
  type: { type: 'string' },
  sheet: { type: 'string' },
  // quire retrieve / report cooccurrence (cli/retrieve.ts); --code, --case, --kind, --by, --measure and --limit are shared.
  op: { type: 'string' },
  where: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  'informants-only': { type: 'boolean' },
  'interviewer-only': { type: 'boolean' },
  subcodes: { type: 'boolean' },
  coder: { type: 'string', multiple: true },
  cite: { type: 'string' },
  offset: { type: 'string' },
  codes: { type: 'string' },
  save: { type: 'string' },
  saved: { type: 'string' },
  scope: { type: 'string' }, // quire search (cli/search.ts)
  // quire pseudonym add (cli/pseudonyms.ts); --kind and --case are shared.
  real: { type: 'string' },
  pseudonym: { type: 'string' },
  alias: { type: 'string', multiple: true },
  // quire export extracts / codebook (cli/export.ts); --format there names the file's format.
  group: { type: 'string' },
  sort: { type: 'string' },
  context: { type: 'boolean' },
  translation: { type: 'string' },
  'translation-language': { type: 'string' },
  draft: { type: 'string' },
  'no-coder': { type: 'boolean' },
  'no-memo': { type: 'boolean' },
  'include-archived': { type: 'boolean' },
  team: { type: 'string' }, // quire meeting agenda (cli/meetings.ts); --since, --code, --case and --coder are shared.
  'allow-leaks': { type: 'boolean' },
  // quire agreement (cli/agreement.ts); --codes, --documents, --subcodes, --by and the filters of retrieve are shared.
  coders: { type: 'string' },
  unit: { type: 'string' },
  'include-uncoded': { type: 'boolean' },
  // quire bundle export (cli/exchange.ts); --out, --since and --preview are shared.
  peer: { type: 'string' },
  copy: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export type CliOptions = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** A mistake in how the command was called: exit code 2, with a hint. */
export class UsageError extends Error {}

