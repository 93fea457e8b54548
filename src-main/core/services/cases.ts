import { summary } from '../../../src-shared/model/summaries';
import { uuidv7 } from '../../../src-shared/model/ids';
import { QuireError } from '../../../src-shared/contract/errors';
import type { CaseRow } from '../db/schema';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';
import { toAttribute, toCase, toCaseType } from './map';
import { attributeValuesOf, clearAttributeValues, setAttributeValue } from './attributes';

function nextOrder(ctx: QueryContext, table: 'case_types' | 'cases' | 'attributes'): number {
  return ((ctx.raw.prepare(`SELECT max(ord) FROM ${table}`).pluck().get() as number | null) ?? 0) + 1;
}

async function caseById(ctx: QueryContext, id: string) {
  const row = await ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toCase(row, (await attributeValuesOf(ctx, [id])).get(id) ?? {});
}

/** A case may not be moved inside itself: that would cut a branch off the tree. */
function checkParent(ctx: MutationContext, id: string, parentId: string | null): void {
  for (let at = parentId; at !== null; at = ctx.write.read('cases', at).parent_id) {
    if (at === id) throw new QuireError('invalid_input', 'A case cannot be placed inside itself or inside one of its own sub-cases.');
  }
}

export const caseHandlers: SomeHandlers<
  'caseTypes.list' | 'caseTypes.create' | 'cases.list' | 'cases.create' | 'cases.update' | 'cases.delete' | 'attributes.list' | 'attributes.define' | 'attributes.set'
> = {
  'caseTypes.list': async ({ db }) => (await db.selectFrom('case_types').selectAll().orderBy('ord').execute()).map(toCaseType),

  'caseTypes.create': async (ctx, { name, parentId }) => {
    if (parentId) ctx.write.read('case_types', parentId);
    const row = ctx.write.insert('case_types', { id: uuidv7(), name, parent_id: parentId, ord: nextOrder(ctx, 'case_types') });
    ctx.describe(summary('cases.addType', { name }));
    return toCaseType(row);
  },

  'cases.list': async (ctx, { typeId }) => {
    const rows = await ctx.db
      .selectFrom('cases')
      .selectAll()
      .$if(typeId !== undefined, (q) => q.where('type_id', '=', typeId ?? ''))
      .orderBy('ord')
      .execute();
    const values = await attributeValuesOf(ctx, typeId === undefined ? null : rows.map((r) => r.id));
    return rows.map((r) => toCase(r, values.get(r.id) ?? {}));
  },

  'cases.create': async (ctx, input) => {
    ctx.write.read('case_types', input.typeId);
    if (input.parentId) ctx.write.read('cases', input.parentId);
    const row: CaseRow = {
      id: uuidv7(),
      type_id: input.typeId,
      parent_id: input.parentId,
      name: input.name,
      aliases: JSON.stringify(input.aliases),
      description: input.description,
      ord: nextOrder(ctx, 'cases'),
    };
    ctx.write.insert('cases', row);
    for (const [attributeId, value] of Object.entries(input.attributes)) setAttributeValue(ctx, 'case', attributeId, row.id, value);
    ctx.describe(summary('cases.add', { name: input.name }));
    return caseById(ctx, row.id);
  },

  'cases.update': async (ctx, { id, name, parentId, aliases, description, typeId, attributes }) => {
    const patch: Partial<CaseRow> = {};
    if (typeId !== undefined) {
      ctx.write.read('case_types', typeId);
      patch.type_id = typeId;
    }
    if (name !== undefined) patch.name = name;
    if (description !== undefined) patch.description = description;
    if (aliases !== undefined) patch.aliases = JSON.stringify(aliases);
    if (parentId !== undefined) {
      checkParent(ctx, id, parentId);
      patch.parent_id = parentId;
    }
    const row = ctx.write.update('cases', id, patch);
    for (const [attributeId, value] of Object.entries(attributes ?? {})) setAttributeValue(ctx, 'case', attributeId, id, value);
    ctx.describe(summary('cases.update', { name: row.name }));
    return caseById(ctx, id);
  },

  'cases.delete': async (ctx, { id }) => {
    const row = ctx.write.read('cases', id);
    const children = ctx.raw.prepare('SELECT count(*) FROM cases WHERE parent_id = ?').pluck().get(id) as number;
    if (children > 0) throw new QuireError('conflict', `"${row.name}" contains ${children} other cases: move or delete them first.`);
    for (const table of ['document_cases', 'speaker_links'] as const) {
      for (const linkId of ctx.raw.prepare(`SELECT id FROM ${table} WHERE case_id = ?`).pluck().all(id) as string[]) ctx.write.delete(table, linkId);
    }
    for (const memoId of ctx.raw.prepare("SELECT id FROM memos WHERE target_type = 'case' AND target_id = ?").pluck().all(id) as string[]) {
      ctx.write.delete('memos', memoId);
    }
    clearAttributeValues(ctx, id);
    ctx.write.delete('cases', id);
    ctx.describe(summary('cases.delete', { name: row.name }));
    return null;
  },

  'attributes.list': async ({ db }) => (await db.selectFrom('attributes').selectAll().orderBy('ord').execute()).map(toAttribute),

  'attributes.define': async (ctx, input) => {
    if (input.caseTypeId) ctx.write.read('case_types', input.caseTypeId);
    if (input.valueType === 'choice' && (!input.choices || input.choices.length === 0)) {
      throw new QuireError('invalid_input', `List the choices for "${input.name}".`);
    }
    const row = ctx.write.insert('attributes', {
      id: uuidv7(),
      name: input.name,
      target: input.target,
      case_type_id: input.caseTypeId,
      value_type: input.valueType,
      choices: input.choices === null ? null : JSON.stringify(input.choices),
      ord: nextOrder(ctx, 'attributes'),
    });
    ctx.describe(summary('cases.addAttribute', { name: input.name }));
    return toAttribute(row);
  },

  'attributes.set': async (ctx, { attributeId, entityId, value }) => {
    const target = ctx.write.read('attributes', attributeId).target === 'case' ? 'case' : 'document';
    ctx.write.read(target === 'case' ? 'cases' : 'documents', entityId);
    setAttributeValue(ctx, target, attributeId, entityId, value);
    ctx.describe(summary('cases.setValue'));
    return null;
  },
};
