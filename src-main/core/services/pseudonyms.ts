/**
 * The pseudonym registry (the leak check itself is in leak-check.ts). Entries are checked against each other so the
 * overlay stays safe: a real name is registered once, an alias belongs to one entry, and no
 * pseudonym is itself a form of a registered real name (Петрова for Петров would give the person
 * away in every export).
 */
import { summary } from '../../../src-shared/model/summaries';
import { notFound, QuireError } from '../../../src-shared/contract/errors';
import type { LeakReport, PseudonymEntry, PseudonymKind } from '../../../src-shared/contract/pseudonyms';
import { uuidv7 } from '../../../src-shared/model/ids';
import { foldForSearch } from '../../../src-shared/text/normalize';
import { pseudonymizer } from '../../../src-shared/text/pseudonyms';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';
import type { PseudonymRow } from '../db/schema';
import { extractDocument, readTable } from '../import';
import { extensionOf } from '../import/extract';
import { LeakScanner } from './leak-check';
import { now } from './map';

const KIND_ORDER: Readonly<Record<PseudonymKind, number>> = { person: 0, enterprise: 1, place: 2 };

function rowsOf(ctx: QueryContext): PseudonymRow[] {
  return ctx.raw.prepare('SELECT * FROM pseudonyms').all() as PseudonymRow[];
}

function toEntry(row: PseudonymRow, caseNames: ReadonlyMap<string, string>): PseudonymEntry {
  return {
    id: row.id,
    kind: row.kind as PseudonymKind,
    realName: row.real_name,
    pseudonym: row.pseudonym,
    aliases: JSON.parse(row.aliases) as string[],
    caseId: row.case_id,
    caseName: row.case_id === null ? null : (caseNames.get(row.case_id) ?? null),
    updatedAt: row.updated_at,
  };
}

function caseNamesOf(ctx: QueryContext): Map<string, string> {
  return new Map(ctx.raw.prepare('SELECT id, name FROM cases').raw().all() as [string, string][]);
}

/** The registry, by kind and then real name. */
export function pseudonymEntries(ctx: QueryContext): PseudonymEntry[] {
  const names = caseNamesOf(ctx);
  return rowsOf(ctx)
    .map((r) => toEntry(r, names))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.realName.localeCompare(b.realName, 'ru'));
}

interface Draft {
  readonly id: string;
  readonly realName: string;
  readonly pseudonym: string;
  readonly aliases: readonly string[];
}

/** Aliases without blanks, repeats, or a copy of the real name. */
function cleanAliases(realName: string, aliases: readonly string[]): string[] {
  const seen = new Set([foldForSearch(realName)]);
  return aliases.filter((a) => {
    const key = foldForSearch(a);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Throws a `conflict` naming the clash when `draft` cannot join the other entries. */
function checkCollisions(draft: Draft, others: readonly PseudonymEntry[]): void {
  const registered = new Map<string, PseudonymEntry>();
  for (const e of others) for (const name of [e.realName, ...e.aliases]) registered.set(foldForSearch(name), e);
  for (const name of [draft.realName, ...draft.aliases]) {
    const owner = registered.get(foldForSearch(name));
    if (owner) {
      throw new QuireError('conflict', `"${name}" is already registered (${owner.realName === name ? 'as a real name' : `for ${owner.realName}`}, pseudonym ${owner.pseudonym}). Edit that entry instead, or add the spelling there as an alias.`, { entryId: owner.id });
    }
  }
  const samePseudonym = others.find((e) => foldForSearch(e.pseudonym) === foldForSearch(draft.pseudonym));
  if (samePseudonym) {
    throw new QuireError('conflict', `"${draft.pseudonym}" is already the pseudonym of ${samePseudonym.realName}: two entries under one pseudonym would be mixed up in papers. Choose another one.`, { entryId: samePseudonym.id });
  }
  const [own] = pseudonymizer([...others, draft]).find(draft.pseudonym);
  if (own) {
    throw new QuireError('conflict', `The pseudonym "${draft.pseudonym}" contains "${own.text}", a form of the real name ${own.entry.realName}: it would give the real name away. Choose another pseudonym.`);
  }
  const mine = pseudonymizer([draft]);
  const exposed = others.find((e) => mine.find(e.pseudonym).length > 0);
  if (exposed) {
    throw new QuireError('conflict', `"${draft.realName}" (or one of its aliases) is a form of ${exposed.pseudonym}, the pseudonym of ${exposed.realName}: every mention of that pseudonym would count as a leak. Change one of the two.`, { entryId: exposed.id });
  }
}

function checkCase(ctx: MutationContext, caseId: string | null | undefined): void {
  if (caseId) ctx.write.read('cases', caseId);
}

const entryOf = (ctx: QueryContext, row: PseudonymRow): PseudonymEntry => toEntry(row, caseNamesOf(ctx));

/** A leak report for a text against the current registry. */
export function leakReport(ctx: QueryContext, text: string): LeakReport {
  const scanner = new LeakScanner(pseudonymizer(pseudonymEntries(ctx)));
  scanner.scan([text]);
  return scanner.report();
}

/**
 * The text of a file as a reader of it sees it: a document's text (Markdown as written, so link
 * texts and titles count), or every sheet of a workbook, a row per line.
 */
export async function textOfFile(bytes: Uint8Array, fileName: string): Promise<string> {
  const ext = extensionOf(fileName);
  if (ext === 'xlsx' || ext === 'xlsm') {
    const first = await readTable(bytes, fileName);
    const sheets = [first];
    for (const sheet of first.sheetNames) if (sheet !== first.sheet) sheets.push(await readTable(bytes, fileName, { sheet }));
    return sheets.map((t) => [t.headers, ...t.rows].map((row) => row.join('\t')).join('\n')).join('\n');
  }
  const document = await extractDocument({ bytes, fileName });
  return document.markdown ?? document.text;
}

export const pseudonymHandlers: SomeHandlers<'pseudonyms.list' | 'pseudonyms.add' | 'pseudonyms.update' | 'pseudonyms.remove' | 'pseudonyms.checkText' | 'pseudonyms.checkFile'> = {
  'pseudonyms.list': async (ctx) => pseudonymEntries(ctx),

  'pseudonyms.add': async (ctx, input) => {
    checkCase(ctx, input.caseId);
    const aliases = cleanAliases(input.realName, input.aliases);
    const id = uuidv7();
    checkCollisions({ id, realName: input.realName, pseudonym: input.pseudonym, aliases }, pseudonymEntries(ctx));
    const at = now();
    const row = ctx.write.insert('pseudonyms', {
      id,
      kind: input.kind,
      real_name: input.realName,
      pseudonym: input.pseudonym,
      aliases: JSON.stringify(aliases),
      case_id: input.caseId,
      created_at: at,
      created_by: ctx.actor.id,
      updated_at: at,
    });
    ctx.describe(summary('pseudonyms.add', { pseudonym: input.pseudonym, realName: input.realName }));
    return entryOf(ctx, row);
  },

  'pseudonyms.update': async (ctx, input) => {
    const entries = pseudonymEntries(ctx);
    const before = entries.find((e) => e.id === input.id);
    if (!before) throw notFound('This pseudonym entry', input.id);
    checkCase(ctx, input.caseId);
    const realName = input.realName ?? before.realName;
    const pseudonym = input.pseudonym ?? before.pseudonym;
    const aliases = cleanAliases(realName, input.aliases ?? before.aliases);
    checkCollisions({ id: before.id, realName, pseudonym, aliases }, entries.filter((e) => e.id !== before.id));
    const row = ctx.write.update('pseudonyms', before.id, {
      kind: input.kind ?? before.kind,
      real_name: realName,
      pseudonym,
      aliases: JSON.stringify(aliases),
      case_id: input.caseId === undefined ? before.caseId : input.caseId,
      updated_at: now(),
    });
    ctx.describe(summary('pseudonyms.update', { realName }));
    return entryOf(ctx, row);
  },

  'pseudonyms.remove': async (ctx, { id }) => {
    const row = ctx.write.delete('pseudonyms', id);
    ctx.describe(summary('pseudonyms.remove', { pseudonym: row.pseudonym, realName: row.real_name }));
    return null;
  },

  'pseudonyms.checkText': async (ctx, { text }) => leakReport(ctx, text),

  'pseudonyms.checkFile': async (ctx, { fileName, data }) => leakReport(ctx, await textOfFile(Buffer.from(data, 'base64'), fileName)),
};
