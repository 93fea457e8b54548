import { summary } from '../../../src-shared/model/summaries';
import type { ProjectInfo } from '../../../src-shared/model/entities';
import type { QueryContext, SomeHandlers } from '../context';

const SETTING_NAME = 'name';
const SETTING_DESCRIPTION = 'description';

async function setting(ctx: QueryContext, id: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('project_settings').select('value').where('id', '=', id).executeTakeFirst();
  return row ? (JSON.parse(row.value) as string) : null;
}

export async function projectInfo(ctx: QueryContext): Promise<ProjectInfo> {
  const count = (table: 'documents' | 'codes' | 'codings' | 'cases' | 'members' | 'memos'): number =>
    ctx.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    path: ctx.file.path,
    name: (await setting(ctx, SETTING_NAME)) ?? '',
    description: (await setting(ctx, SETTING_DESCRIPTION)) ?? '',
    schemaVersion: ctx.file.schemaVersion,
    actor: ctx.actor,
    counts: {
      documents: count('documents'),
      codes: count('codes'),
      codings: count('codings'),
      cases: count('cases'),
      members: count('members'),
      memos: count('memos'),
    },
  };
}

export const projectHandlers: SomeHandlers<'project.info' | 'project.update'> = {
  'project.info': async (ctx) => projectInfo(ctx),

  'project.update': async (ctx, input) => {
    const entries: [string, string | undefined][] = [
      [SETTING_NAME, input.name],
      [SETTING_DESCRIPTION, input.description],
    ];
    for (const [id, value] of entries) {
      if (value === undefined) continue;
      const exists = ctx.raw.prepare('SELECT 1 FROM project_settings WHERE id = ?').get(id) !== undefined;
      if (exists) ctx.write.update('project_settings', id, { value: JSON.stringify(value) });
      else ctx.write.insert('project_settings', { id, value: JSON.stringify(value) });
    }
    ctx.describe(summary('project.update'));
    return projectInfo(ctx);
  },
};
