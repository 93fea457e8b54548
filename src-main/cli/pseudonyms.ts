/**
 * `quire pseudonym add|list|remove` (the registry) and `quire check-leaks PROJECT FILE`, which
 * exits 1 when an export still holds a registered real name or alias, so a script can refuse to
 * send it out.
 */
import path from 'node:path';
import { PSEUDONYM_KINDS } from '../../src-shared/contract/pseudonyms';
import type { LeakReport, PseudonymEntry, PseudonymKind } from '../../src-shared/contract/pseudonyms';
import { foldForSearch } from '../../src-shared/text/normalize';
import type { CommandContext } from './context';
import { casesNamed } from './names';
import { UsageError } from './options';

const EXIT_LEAKS = 1;

const open = (ctx: CommandContext) => ctx.client.call('project.open', { path: ctx.project!, actor: { name: ctx.actor } });

function kindOf(value: string | undefined): PseudonymKind {
  if (value === undefined) return 'person';
  if (!(PSEUDONYM_KINDS as readonly string[]).includes(value)) throw new UsageError(`--kind is one of ${PSEUDONYM_KINDS.join(', ')}.`);
  return value as PseudonymKind;
}

/** The entry a name on the command line means: its real name, pseudonym or an alias. */
function entryNamed(entries: readonly PseudonymEntry[], wanted: string): PseudonymEntry {
  const key = foldForSearch(wanted.trim());
  const found = entries.find((e) => [e.realName, e.pseudonym, ...e.aliases].some((n) => foldForSearch(n) === key));
  if (!found) throw new UsageError(`there is no pseudonym entry for "${wanted}".`);
  return found;
}

export async function addPseudonym(ctx: CommandContext): Promise<void> {
  const { real, pseudonym, alias } = ctx.options;
  if (!real || !pseudonym) throw new UsageError('say the real name and its pseudonym: --real NAME --pseudonym NAME');
  if ((ctx.options.case?.length ?? 0) > 1) throw new UsageError('--case names one case here.');
  const kind = kindOf(ctx.options.kind);
  await open(ctx);
  const [caseId = null] = await casesNamed(ctx, ctx.options.case ?? []);
  const entry = await ctx.client.call('pseudonyms.add', { kind, realName: real, pseudonym, aliases: alias ?? [], caseId });
  ctx.say(`Registered ${entry.realName} → ${entry.pseudonym}${entry.aliases.length > 0 ? ` (also ${entry.aliases.join(', ')})` : ''}`);
}

export async function listPseudonyms(ctx: CommandContext): Promise<void> {
  await open(ctx);
  const entries = await ctx.client.call('pseudonyms.list', {});
  ctx.print({
    headers: ['kind', 'real name', 'pseudonym', 'aliases', 'case'],
    rows: entries.map((e) => [e.kind, e.realName, e.pseudonym, e.aliases.join('; '), e.caseName ?? '']),
  });
}

export async function removePseudonym(ctx: CommandContext): Promise<void> {
  const wanted = ctx.operands[0];
  if (!wanted) throw new UsageError('name the entry to remove (its real name or pseudonym): quire pseudonym remove PROJECT NAME');
  await open(ctx);
  const entry = entryNamed(await ctx.client.call('pseudonyms.list', {}), wanted);
  await ctx.client.call('pseudonyms.remove', { id: entry.id });
  ctx.say(`Removed ${entry.realName} → ${entry.pseudonym}`);
}

/** Prints every registered name in the file; 1 when there is any, 0 when the file is clean. */
export async function checkLeaks(ctx: CommandContext): Promise<number> {
  const file = ctx.operands[0];
  if (!file) throw new UsageError('name the file to check: quire check-leaks PROJECT FILE');
  await open(ctx);
  const data = Buffer.from(ctx.readFile(file)).toString('base64');
  const report = await ctx.client.call('pseudonyms.checkFile', { fileName: path.basename(file), data });
  if (report.clean) {
    ctx.say(`No registered real name or alias in ${file} (${report.characters} characters checked).`);
    return 0;
  }
  printLeaks(ctx, report, file);
  return EXIT_LEAKS;
}

/** The hits of a leak report as a table, and what to do about them. */
export function printLeaks(ctx: CommandContext, report: LeakReport, file: string): void {
  ctx.print({
    headers: ['line', 'found', 'real name', 'pseudonym', 'context'],
    rows: report.hits.map((h) => [h.line, h.text, h.realName, h.pseudonym, h.context]),
    numeric: [0],
  });
  ctx.say(`${report.hits.length} ${report.hits.length === 1 ? 'real name' : 'real names'} found in ${file}: replace ${report.hits.length === 1 ? 'it' : 'them'} with the pseudonym before sending it out.`);
}
