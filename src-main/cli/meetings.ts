/**
 * `quire meeting agenda PROJECT --team NAME`: what is new since the team's last meeting, as the
 * meeting screen would propose it, for a team lead who prepares the agenda from a terminal.
 */
import type { CommandContext } from './context';
import { UsageError } from './options';
import { casesNamed, codeNamed, membersNamed } from './names';

export async function meetingAgenda(ctx: CommandContext): Promise<void> {
  const { team, since } = ctx.options;
  if (!team) throw new UsageError('say whose meeting to prepare: --team NAME');
  if (!ctx.project) throw new UsageError('say which project file to use.');
  await ctx.client.call('project.open', { path: ctx.project, actor: { name: ctx.actor } });
  const codes = ctx.options.code?.length ? await ctx.client.call('codes.list', {}) : [];
  const proposal = await ctx.client.call('meetings.proposeAgenda', {
    team,
    ...(since ? { since } : {}),
    filters: {
      codeIds: (ctx.options.code ?? []).map((name) => codeNamed(codes, name).id),
      caseIds: await casesNamed(ctx, ctx.options.case ?? []),
      coderIds: await membersNamed(ctx, ctx.options.coder ?? []),
    },
  });
  const rows = proposal.groups.flatMap((g) =>
    g.candidates.map((c) => [g.label, c.change, c.changedAt.replace('T', ' ').slice(0, 16), c.personName ?? '', c.kind === 'coding' ? (c.quote ?? '') : c.label, c.documentTitle ?? '', c.kind, c.targetId]),
  );
  ctx.print({ headers: ['group', 'change', 'when', 'who', 'item', 'document', 'kind', 'id'], rows });
  const more = proposal.groups.reduce((n, g) => n + g.more, 0);
  ctx.say(
    `${rows.length} ${rows.length === 1 ? 'item' : 'items'} new for ${team} ${proposal.since ? `since ${proposal.since.replace('T', ' ').slice(0, 16)}` : '(the team has not met before)'}` +
      (more > 0 ? `, and ${more} more not shown (narrow it with --code, --case or --coder)` : ''),
  );
}
