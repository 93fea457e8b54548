/**
 * Exchanging work with colleagues from a terminal: `quire bundle export` (the work since the last
 * exchange with a colleague, since a date, or a whole project copy), `quire bundle import` and
 * `quire merge` (a colleague's bundle or copy into this project, one undoable operation after an
 * automatic backup), and `quire conflicts` (what the merges left to review).
 */
import path from 'node:path';
import type { MergeOutcome } from '../../src-shared/contract/exchange';
import type { CommandContext } from './context';
import { UsageError } from './options';

const openProject = async (ctx: CommandContext): Promise<void> => {
  if (!ctx.project) throw new UsageError('say which project file to use.');
  await ctx.client.call('project.open', { path: ctx.project, actor: { name: ctx.actor } });
};

export async function exportBundle(ctx: CommandContext): Promise<void> {
  const out = ctx.options.out;
  if (!out) throw new UsageError('say where to write the file: --out FILE');
  await openProject(ctx);
  if (ctx.options.copy) {
    const copy = await ctx.client.call('exchange.exportCopy', { path: path.resolve(out) });
    ctx.say(`Wrote a copy of the project for a colleague to ${copy.path} (${copy.bytes} bytes)`);
    return;
  }
  let peerId: string | undefined;
  if (ctx.options.peer) {
    const wanted = ctx.options.peer.trim().toLocaleLowerCase();
    const peers = (await ctx.client.call('exchange.peers', {})).filter((p) => p.name.toLocaleLowerCase() === wanted);
    if (peers.length === 0) throw new UsageError(`no work from "${ctx.options.peer}" has been merged yet: use --since DATE, or send everything.`);
    peerId = peers[0]!.replicaId;
  }
  const bundle = await ctx.client.call('exchange.exportBundle', {
    path: path.resolve(out),
    ...(peerId ? { peerId } : ctx.options.since ? { since: ctx.options.since } : {}),
  });
  ctx.say(`Wrote ${bundle.operations} ${bundle.operations === 1 ? 'operation' : 'operations'} to ${bundle.path} (${bundle.bytes} bytes)`);
}

function printOutcome(ctx: CommandContext, outcome: MergeOutcome, verb: string): void {
  ctx.print({
    headers: ['what', 'count'],
    rows: [
      ['operations', outcome.operations],
      ['already here', outcome.alreadyHere],
      ['new codings', outcome.added.codings],
      ['new codes', outcome.added.codes],
      ['new documents', outcome.added.documents],
      ['new memos', outcome.added.memos],
      ['other new records', outcome.added.other],
      ['to review', outcome.conflicts],
    ],
  });
  const from = outcome.from ? `${outcome.from}’s work` : 'the work';
  ctx.say(
    outcome.operations === 0
      ? `Nothing new: everything in this file is already in the project.`
      : `${verb} ${from}${outcome.backupPath ? ` (backup before merging: ${outcome.backupPath})` : ''}${outcome.conflicts > 0 ? `; ${outcome.conflicts} to review: quire conflicts PROJECT` : ''}`,
  );
}

/** `quire merge PROJECT OTHER` and `quire bundle import PROJECT FILE`; `--preview` only counts. */
export async function mergeFile(ctx: CommandContext): Promise<void> {
  const [other, ...extra] = ctx.operands;
  if (!other || extra.length > 0) throw new UsageError('name one file to merge: quire merge PROJECT OTHER.quire');
  await openProject(ctx);
  const input = { path: path.resolve(other) };
  if (ctx.options.preview) printOutcome(ctx, await ctx.client.call('exchange.preview', input), 'Would merge');
  else printOutcome(ctx, await ctx.client.call('exchange.merge', input), 'Merged');
}

export async function listConflicts(ctx: CommandContext): Promise<void> {
  await openProject(ctx);
  const all = ctx.options.scope === 'all';
  const conflicts = await ctx.client.call('exchange.conflicts', { status: all ? 'all' : 'open' });
  const show = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
  ctx.print({
    headers: ['kind', 'record', 'name', 'field', 'kept', 'set aside', 'status', 'id'],
    rows: conflicts.map((c) => [c.kind, c.table, c.label, c.field ?? '', show(c.kept), show(c.other), c.status, c.id]),
  });
  ctx.say(`${conflicts.length} ${all ? '' : 'open '}${conflicts.length === 1 ? 'item' : 'items'} to review`);
}
