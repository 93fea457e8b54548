import { summary } from '../../../src-shared/model/summaries';
import { uuidv7 } from '../../../src-shared/model/ids';
import { QuireError } from '../../../src-shared/contract/errors';
import type { MemberRow } from '../db/schema';
import type { QueryContext, SomeHandlers } from '../context';
import { statement } from '../db/statements';
import { now, toMember } from './map';
import { paletteColor } from './palette';

/** "Ирина Петровна Соколова" → "ИПС"; a single word gives its first two letters. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return words.slice(0, 3).map((w) => w[0]!.toUpperCase()).join('');
}

/** A member's name, or undefined when no member has this id. */
export function memberName(ctx: Pick<QueryContext, 'raw'>, id: string): string | undefined {
  return statement(ctx.raw, 'SELECT name FROM members WHERE id = ?').pluck().get(id) as string | undefined;
}

export const memberHandlers: SomeHandlers<'members.list' | 'members.create' | 'members.update'> = {
  'members.list': async ({ db }, { includeArchived }) => {
    const rows = await db
      .selectFrom('members')
      .selectAll()
      .$if(!includeArchived, (q) => q.where('archived', '=', 0))
      .orderBy('name')
      .execute();
    return rows.map(toMember);
  },

  'members.create': async ({ db, write, describe }, input) => {
    const taken = await db.selectFrom('members').select('id').where('name', '=', input.name).executeTakeFirst();
    if (taken) throw new QuireError('conflict', `There is already a team member called "${input.name}".`, { id: taken.id });
    const count = await db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const row: MemberRow = {
      id: uuidv7(),
      name: input.name,
      initials: input.initials ?? initialsOf(input.name),
      color: input.color ?? paletteColor(Number(count.n) + 3),
      team: input.team ?? null,
      region: input.region ?? null,
      archived: 0,
      created_at: now(),
    };
    write.insert('members', row);
    describe(summary('members.add', { name: row.name }));
    return toMember(row);
  },

  'members.update': async ({ write, describe }, { id, archived, ...fields }) => {
    const patch: Partial<MemberRow> = { ...fields };
    if (archived !== undefined) patch.archived = archived ? 1 : 0;
    const row = write.update('members', id, patch);
    describe(summary('members.update', { name: row.name }));
    return toMember(row);
  },
};
