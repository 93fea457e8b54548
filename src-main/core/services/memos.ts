import { summary } from '../../../src-shared/model/summaries';
import { uuidv7 } from '../../../src-shared/model/ids';
import { QuireError } from '../../../src-shared/contract/errors';
import { parseFuzzyDate } from '../../../src-shared/model/dates';
import { readWrittenFields } from '../../../src-shared/model/written';
import { guessLanguage } from '../../../src-shared/text';
import { casesNamed } from './names';
import { createDocument, summaryOf } from './documents';
import type { MemoRow } from '../db/schema';
import type { MutationContext, SomeHandlers } from '../context';
import { now, toMemo } from './map';

const TARGET_TABLE = { document: 'documents', code: 'codes', case: 'cases', coding: 'codings' } as const;

function checkTarget(ctx: MutationContext, type: string, id: string | null): void {
  if (type !== 'project' && id !== null) ctx.write.read(TARGET_TABLE[type as keyof typeof TARGET_TABLE], id);
}

export const memoHandlers: SomeHandlers<'memos.list' | 'memos.get' | 'memos.create' | 'memos.update' | 'memos.delete' | 'memos.toDocument'> = {
  'memos.list': async ({ db }, { targetType, targetId }) => {
    let q = db.selectFrom('memos').selectAll();
    if (targetType) q = q.where('target_type', '=', targetType);
    if (targetId) q = q.where('target_id', '=', targetId);
    return (await q.orderBy('updated_at', 'desc').execute()).map(toMemo);
  },

  'memos.get': async ({ db }, { id }) => {
    const row = await db.selectFrom('memos').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMemo(row) : null;
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
    ctx.describe(summary('memos.write', { title: input.title || input.text.slice(0, 40) }));
    return toMemo(row);
  },

  'memos.update': async (ctx, { id, ...fields }) => {
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<MemoRow>;
    const row = ctx.write.update('memos', id, { ...patch, updated_at: now() });
    ctx.describe(summary('memos.edit', { title: row.title || row.text.slice(0, 40) }));
    return toMemo(row);
  },

  'memos.delete': async (ctx, { id }) => {
    const row = ctx.write.delete('memos', id);
    ctx.describe(summary('memos.delete', { title: row.title || row.text.slice(0, 40) }));
    return null;
  },

  'memos.toDocument': async (ctx, { id, kind }) => {
    const memo = ctx.write.read('memos', id);
    if (memo.text.trim() === '') throw new QuireError('invalid_input', 'This note is empty: write it first, then make it a document.');
    const fields = readWrittenFields(memo.text);
    const date = parseFuzzyDate(fields.date ?? '') ?? parseFuzzyDate(fields.period ?? '');
    const caseIds = new Set(fields.enterprise ? casesNamed(ctx, fields.enterprise) : []);
    if (memo.target_type === 'case' && memo.target_id) caseIds.add(memo.target_id);
    const title = memo.title.trim() || memo.text.trim().split('\n')[0]!.slice(0, 200);
    const documentId = await createDocument(ctx, {
      title,
      kind,
      language: guessLanguage(memo.text),
      date,
      interviewerIds: [],
      sourceFileName: null,
      text: memo.text,
      caseIds: [...caseIds],
      speakers: {},
      attributes: {},
    });
    ctx.write.delete('memos', id);
    ctx.describe(summary('memos.toDocument', { title }));
    return summaryOf(ctx, documentId);
  },
};
