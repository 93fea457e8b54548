import { summary } from '../../../src-shared/model/summaries';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { uuidv7 } from '../../../src-shared/model/ids';
import { QuireError } from '../../../src-shared/contract/errors';
import type { Code } from '../../../src-shared/model/entities';
import type { CodeRow } from '../db/schema';
import type { MutationContext, QueryContext, ReadContext, SomeHandlers } from '../context';
import { now } from './map';
import { paletteColor } from './palette';
import { deleteCoding } from './quote-ids';

const toCode = (r: CodeRow, counts?: CodeCounts): Code => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  color: r.color,
  definition: r.definition,
  inclusion: r.inclusion,
  exclusion: r.exclusion,
  example: r.example,
  order: r.ord,
  archived: r.archived === 1,
  codingCount: counts?.codings ?? 0,
  documentCount: counts?.documents ?? 0,
});

/** Codes in tree order (parents before children, siblings by their order). */
export async function codebookRows(ctx: ReadContext): Promise<CodeRow[]> {
  const rows = await ctx.db.selectFrom('codes').selectAll().orderBy('ord').execute();
  const children = new Map<string | null, CodeRow[]>();
  for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
  const ordered: CodeRow[] = [];
  const walk = (parent: string | null): void => {
    for (const r of children.get(parent) ?? []) {
      ordered.push(r);
      walk(r.id);
    }
  };
  walk(null);
  return ordered;
}

export interface CodeCounts {
  readonly codings: number;
  readonly documents: number;
}

/** Codings and distinct documents per code (of one code when `codeId` is given). */
export function codeCounts(ctx: QueryContext, codeId?: string): Map<string, CodeCounts> {
  const where = codeId === undefined ? '' : 'WHERE code_id = ?';
  const rows = ctx.raw
    .prepare(`SELECT code_id, count(*) AS codings, count(DISTINCT document_id) AS documents FROM codings ${where} GROUP BY code_id`)
    .all(...(codeId === undefined ? [] : [codeId])) as ({ code_id: string } & CodeCounts)[];
  return new Map(rows.map((c) => [c.code_id, c]));
}

async function codeWithCounts(ctx: QueryContext, id: string): Promise<Code> {
  const row = await ctx.db.selectFrom('codes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toCode(row, codeCounts(ctx, id).get(id));
}

function orderAtEnd(ctx: QueryContext, parentId: string | null): number {
  const max = ctx.raw.prepare('SELECT max(ord) FROM codes WHERE parent_id IS ?').pluck().get(parentId) as number | null;
  return (max ?? 0) + 1;
}

function checkParent(ctx: MutationContext, id: string, parentId: string | null): void {
  for (let at = parentId; at !== null; at = ctx.write.read('codes', at).parent_id) {
    if (at === id) throw new QuireError('invalid_input', 'A code cannot be placed inside itself or inside one of its own sub-codes.');
  }
}

function createCode(ctx: MutationContext, fields: Pick<CodeRow, 'name' | 'parent_id'> & Partial<CodeRow>): CodeRow {
  if (fields.parent_id) ctx.write.read('codes', fields.parent_id);
  const count = ctx.raw.prepare('SELECT count(*) FROM codes').pluck().get() as number;
  return ctx.write.insert('codes', {
    definition: '',
    inclusion: '',
    exclusion: '',
    example: '',
    ...fields,
    id: uuidv7(),
    color: fields.color ?? paletteColor(count),
    ord: orderAtEnd(ctx, fields.parent_id),
    archived: 0,
    created_at: now(),
    created_by: ctx.actor.id,
  });
}

/**
 * Moves codings to another code. A coding the target already has on the same span by the same
 * coder is the same coding, so the duplicate is removed rather than kept twice.
 */
function moveCodings(ctx: MutationContext, codingIds: readonly string[], targetId: string): void {
  const twin = ctx.raw.prepare(
    'SELECT id FROM codings WHERE code_id = ? AND document_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ? AND id <> ?',
  );
  for (const id of codingIds) {
    const coding = ctx.write.read('codings', id);
    if (twin.get(targetId, coding.document_id, coding.coder_id, coding.start_offset, coding.end_offset, id)) deleteCoding(ctx, id);
    else ctx.write.update('codings', id, { code_id: targetId, updated_at: now() });
  }
}

function descendants(ctx: QueryContext, id: string): string[] {
  return ctx.raw
    .prepare('WITH RECURSIVE sub(id) AS (SELECT id FROM codes WHERE parent_id = ? UNION ALL SELECT c.id FROM codes c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub')
    .pluck()
    .all(id) as string[];
}

const CSV_COLUMNS = ['name', 'parent', 'color', 'definition', 'inclusion', 'exclusion', 'example'] as const;

export const codebookHandlers: SomeHandlers<
  'codes.list' | 'codes.create' | 'codes.update' | 'codes.move' | 'codes.archive' | 'codes.merge' | 'codes.split' | 'codes.delete' | 'codebook.importCsv' | 'codebook.exportCsv'
> = {
  'codes.list': async (ctx, { includeArchived }) => {
    const counts = codeCounts(ctx);
    return (await codebookRows(ctx)).filter((r) => includeArchived || r.archived === 0).map((r) => toCode(r, counts.get(r.id)));
  },

  'codes.create': async (ctx, input) => {
    const row = createCode(ctx, {
      name: input.name,
      parent_id: input.parentId,
      ...(input.color ? { color: input.color } : {}),
      definition: input.definition,
      inclusion: input.inclusion,
      exclusion: input.exclusion,
      example: input.example,
    });
    ctx.describe(summary('codes.create', { name: row.name }));
    return toCode(row);
  },

  'codes.update': async (ctx, { id, parentId, ...fields }) => {
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<CodeRow>;
    const before = ctx.write.read('codes', id);
    if (parentId !== undefined && parentId !== before.parent_id) {
      checkParent(ctx, id, parentId);
      patch.parent_id = parentId;
      patch.ord = orderAtEnd(ctx, parentId);
    }
    const row = ctx.write.update('codes', id, patch);
    ctx.describe(fields.name && fields.name !== before.name ? summary('codes.rename', { from: before.name, to: row.name }) : summary('codes.edit', { name: row.name }));
    return codeWithCounts(ctx, id);
  },

  'codes.move': async (ctx, { id, parentId, beforeId }) => {
    checkParent(ctx, id, parentId);
    let ord = orderAtEnd(ctx, parentId);
    if (beforeId) {
      const before = ctx.write.read('codes', beforeId);
      if (before.parent_id !== parentId) throw new QuireError('invalid_input', 'The code to place it before is under another parent.');
      const previous = ctx.raw.prepare('SELECT max(ord) FROM codes WHERE parent_id IS ? AND ord < ? AND id <> ?').pluck().get(parentId, before.ord, id) as number | null;
      ord = previous === null ? before.ord - 1 : (previous + before.ord) / 2;
    }
    const row = ctx.write.update('codes', id, { parent_id: parentId, ord });
    ctx.describe(summary('codes.move', { name: row.name }));
    return codeWithCounts(ctx, id);
  },

  'codes.archive': async (ctx, { id, archived }) => {
    const row = ctx.write.update('codes', id, { archived: archived ? 1 : 0 });
    ctx.describe(summary(archived ? 'codes.archive' : 'codes.restore', { name: row.name }));
    return codeWithCounts(ctx, id);
  },

  'codes.merge': async (ctx, { sourceId, targetId }) => {
    if (sourceId === targetId) throw new QuireError('invalid_input', 'Choose two different codes to merge.');
    const source = ctx.write.read('codes', sourceId);
    const target = ctx.write.read('codes', targetId);
    if (descendants(ctx, sourceId).includes(targetId)) {
      throw new QuireError('invalid_input', `"${target.name}" is inside "${source.name}": merge it the other way round.`);
    }
    moveCodings(ctx, ctx.raw.prepare('SELECT id FROM codings WHERE code_id = ?').pluck().all(sourceId) as string[], targetId);
    for (const child of ctx.raw.prepare('SELECT id FROM codes WHERE parent_id = ?').pluck().all(sourceId) as string[]) {
      ctx.write.update('codes', child, { parent_id: targetId, ord: orderAtEnd(ctx, targetId) });
    }
    for (const memo of ctx.raw.prepare("SELECT id FROM memos WHERE target_type = 'code' AND target_id = ?").pluck().all(sourceId) as string[]) {
      ctx.write.update('memos', memo, { target_id: targetId });
    }
    ctx.write.delete('codes', sourceId);
    ctx.describe(summary('codes.merge', { from: source.name, to: target.name }));
    return codeWithCounts(ctx, targetId);
  },

  'codes.split': async (ctx, { id, codingIds, into }) => {
    const source = ctx.write.read('codes', id);
    const foreign = codingIds.filter((c) => ctx.write.read('codings', c).code_id !== id);
    if (foreign.length > 0) throw new QuireError('invalid_input', `${foreign.length} of the chosen codings are not codings of "${source.name}".`, { codingIds: foreign });
    const target = 'codeId' in into ? ctx.write.read('codes', into.codeId) : createCode(ctx, { name: into.name, parent_id: into.parentId });
    moveCodings(ctx, codingIds, target.id);
    ctx.describe(summary('codes.split', { count: codingIds.length, from: source.name, to: target.name }));
    return codeWithCounts(ctx, target.id);
  },

  'codes.delete': async (ctx, { id, cascade }) => {
    const code = ctx.write.read('codes', id);
    const codes = [...descendants(ctx, id).reverse(), id];
    const placeholders = codes.map(() => '?').join(',');
    const codingIds = ctx.raw.prepare(`SELECT id FROM codings WHERE code_id IN (${placeholders})`).pluck().all(...codes) as string[];
    if (!cascade && (codes.length > 1 || codingIds.length > 0)) {
      throw new QuireError(
        'conflict',
        `"${code.name}" has ${codes.length - 1} sub-codes and ${codingIds.length} codings. Delete them all together, merge the code into another, or archive it.`,
        { subCodes: codes.length - 1, codings: codingIds.length },
      );
    }
    const memoIds = ctx.raw
      .prepare(`SELECT id FROM memos WHERE (target_type = 'code' AND target_id IN (${placeholders})) OR (target_type = 'coding' AND target_id IN (SELECT id FROM codings WHERE code_id IN (${placeholders})))`)
      .pluck()
      .all(...codes, ...codes) as string[];
    for (const memo of memoIds) ctx.write.delete('memos', memo);
    for (const coding of codingIds) deleteCoding(ctx, coding);
    for (const c of codes) ctx.write.delete('codes', c);
    ctx.describe(codes.length > 1 ? summary('codes.deleteTree', { name: code.name, count: codes.length - 1 }) : summary('codes.delete', { name: code.name }));
    return { deletedCodes: codes.length, deletedCodings: codingIds.length };
  },

  'codebook.importCsv': async (ctx, { csv }) => {
    let records: Record<string, string>[];
    try {
      records = parse(csv.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, relax_column_count: true });
    } catch (error) {
      throw new QuireError('invalid_input', `The codebook file is not readable CSV: ${(error as Error).message}`);
    }
    if (records.length > 0 && !('name' in records[0]!)) {
      throw new QuireError('invalid_input', `The codebook file needs a "name" column (found: ${Object.keys(records[0]!).join(', ')}).`);
    }
    const byName = new Map((await ctx.db.selectFrom('codes').select(['id', 'name']).execute()).map((c) => [c.name, c.id]));
    let created = 0;
    let updated = 0;
    for (const [line, record] of records.entries()) {
      const name = record.name?.trim();
      if (!name) throw new QuireError('invalid_input', `Row ${line + 2} of the codebook file has no code name.`);
      const color = record.color?.trim();
      if (color && !/^#[0-9a-fA-F]{6}$/.test(color)) throw new QuireError('invalid_input', `Row ${line + 2}: "${color}" is not a colour like #3a7bd5.`);
      const fields: Partial<CodeRow> = {};
      for (const column of ['definition', 'inclusion', 'exclusion', 'example'] as const) if (record[column]) fields[column] = record[column];
      if (color) fields.color = color;
      const existing = byName.get(name);
      if (existing) {
        ctx.write.update('codes', existing, fields);
        updated++;
      } else {
        byName.set(name, createCode(ctx, { ...fields, name, parent_id: null }).id);
        created++;
      }
    }
    // Parents second, so a file may list a child before its parent.
    for (const [line, record] of records.entries()) {
      const parent = record.parent?.trim();
      if (!parent) continue;
      const parentId = byName.get(parent);
      if (!parentId) throw new QuireError('invalid_input', `Row ${line + 2}: the parent code "${parent}" is neither in the file nor in the codebook.`);
      const id = byName.get(record.name!.trim())!;
      checkParent(ctx, id, parentId);
      if (ctx.write.read('codes', id).parent_id !== parentId) ctx.write.update('codes', id, { parent_id: parentId, ord: orderAtEnd(ctx, parentId) });
    }
    ctx.describe(summary('codes.import', { created, updated }));
    return { created, updated };
  },

  'codebook.exportCsv': async (ctx) => {
    const rows = await codebookRows(ctx);
    const names = new Map(rows.map((r) => [r.id, r.name]));
    return stringify(
      rows.map((r) => [r.name, r.parent_id ? names.get(r.parent_id) : '', r.color, r.definition, r.inclusion, r.exclusion, r.example]),
      { header: true, columns: [...CSV_COLUMNS] },
    );
  },
};
