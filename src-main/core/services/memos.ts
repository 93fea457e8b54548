import { uuidv7 } from '../../../src-shared/model/ids';
import type { MemoRow } from '../db/schema';
import type { MutationContext, SomeHandlers } from '../context';
import { now, toMemo } from './map';

const TARGET_TABLE = { document: 'documents', code: 'codes', case: 'cases', coding: 'codings' } as const;

function checkTarget(ctx: MutationContext, type: string, id: string | null): void {
  if (type !== 'project' && id !== null) ctx.write.read(TARGET_TABLE[type as keyof typeof TARGET_TABLE], id);
}

export const memoHandlers: SomeHandlers<'memos.list' | 'memos.create' | 'memos.update' | 'memos.delete'> = {
  'memos.list': async ({ db }, { targetType, targetId }) => {
    let q = db.selectFrom('memos').selectAll();
    if (targetType) q = q.where('target_type', '=', targetType);
    if (targetId) q = q.where('target_id', '=', targetId);
    return (await q.orderBy('updated_at', 'desc').execute()).map(toMemo);
  },

  'memos.create': async (ctx, input) => {
    checkTarget(ctx, input.targetType, input.targetId);
    const at = now();
    const row: MemoRow = {
      id: uuidv7(),
      target_type: input.targetType,
      target_id: input.targetId,
      title: input.title,
      content: input.content,
      text: input.text,
      author_id: ctx.actor.id,
      created_at: at,
      updated_at: at,
    };
    ctx.write.insert('memos', row);
    ctx.describe(`Wrote the memo "${input.title || input.text.slice(0, 40)}"`);
    return toMemo(row);
  },

  'memos.update': async (ctx, { id, ...fields }) => {
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<MemoRow>;
    const row = ctx.write.update('memos', id, { ...patch, updated_at: now() });
    ctx.describe(`Edited the memo "${row.title || row.text.slice(0, 40)}"`);
    return toMemo(row);
  },

  'memos.delete': async (ctx, { id }) => {
    const row = ctx.write.delete('memos', id);
    ctx.describe(`Deleted the memo "${row.title || row.text.slice(0, 40)}"`);
    return null;
  },
};
