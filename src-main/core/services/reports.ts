import { QuireError } from '../../../src-shared/contract/errors';
import type { Matrix, MatrixColumn } from '../../../src-shared/contract';
import type { QueryContext, SomeHandlers } from '../context';
import type { CodeRow } from '../db/schema';
import { codebookRows, codeCounts } from './codebook';
import { decodeValue } from './map';
import { statement } from '../db/statements';

interface CodeLine {
  readonly codeId: string;
  readonly name: string;
  readonly path: string;
  readonly depth: number;
}

/** Codes in tree order with their path ("Paternalism › From above") and depth. */
export function codeLines(rows: readonly CodeRow[]): CodeLine[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pathOf = (r: CodeRow): string[] => (r.parent_id && byId.has(r.parent_id) ? [...pathOf(byId.get(r.parent_id)!), r.name] : [r.name]);
  return rows.map((r) => {
    const path = pathOf(r);
    return { codeId: r.id, name: r.name, path: path.join(' › '), depth: path.length - 1 };
  });
}

/** For each document, the columns it counts for: the cases it is linked to, or inside, or their attribute values. */
export function columnsByDocument(ctx: QueryContext, by: string): { columns: MatrixColumn[]; of: Map<string, readonly number[]> } {
  const links = ctx.raw.prepare('SELECT document_id, case_id FROM document_cases').all() as { document_id: string; case_id: string }[];
  const cases = ctx.raw.prepare('SELECT id, parent_id, type_id, name FROM cases ORDER BY ord').all() as { id: string; parent_id: string | null; type_id: string; name: string }[];
  const parent = new Map(cases.map((c) => [c.id, c.parent_id]));
  const ancestry = (caseId: string): string[] => {
    const chain: string[] = [];
    for (let at: string | null | undefined = caseId; at; at = parent.get(at)) chain.push(at);
    return chain;
  };
  const wanted = by.trim().toLocaleLowerCase();
  const type = (ctx.raw.prepare('SELECT id, name FROM case_types').all() as { id: string; name: string }[]).find((t) => t.name.toLocaleLowerCase() === wanted);
  const attribute = (ctx.raw.prepare('SELECT id, name, target, choices FROM attributes ORDER BY ord').all() as { id: string; name: string; target: string; choices: string | null }[]).find(
    (a) => a.name.toLocaleLowerCase() === wanted,
  );

  // column key for each case (or document) id
  const keyOf = new Map<string, string>();
  let columns: MatrixColumn[];
  if (type) {
    columns = cases.filter((c) => c.type_id === type.id).map((c) => ({ key: c.id, label: c.name }));
    for (const c of columns) keyOf.set(c.key, c.key);
  } else if (attribute) {
    const values = ctx.raw.prepare('SELECT entity_id, value FROM attribute_values WHERE attribute_id = ?').all(attribute.id) as { entity_id: string; value: string }[];
    const labels = new Set<string>();
    for (const v of values) {
      const label = String(decodeValue(v.value));
      keyOf.set(v.entity_id, label);
      labels.add(label);
    }
    const order = attribute.choices ? (JSON.parse(attribute.choices) as string[]) : [];
    const sorted = [...labels].sort((a, b) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      return ia !== ib ? (ia === -1 ? 1 : ib === -1 ? -1 : ia - ib) : a.localeCompare(b, 'ru', { numeric: true });
    });
    columns = sorted.map((label) => ({ key: label, label }));
  } else {
    throw new QuireError('invalid_input', `There is no case type or attribute called "${by}". Use one of the case types (e.g. enterprise) or attribute names of this project.`, { columns: by });
  }
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const of = new Map<string, number[]>();
  const add = (documentId: string, key: string | undefined): void => {
    const i = key === undefined ? undefined : index.get(key);
    if (i === undefined) return;
    const list = of.get(documentId) ?? [];
    if (!list.includes(i)) list.push(i);
    of.set(documentId, list);
  };
  if (attribute?.target === 'document') {
    for (const [entity, key] of keyOf) add(entity, key);
  } else {
    for (const link of links) for (const caseId of ancestry(link.case_id)) add(link.document_id, keyOf.get(caseId));
  }
  return { columns, of };
}

/**
 * Counts per code and column inside SQLite: the document → column mapping goes into a temporary
 * table, so only the cells (codes × columns) cross into JavaScript, not every coding.
 */
function cellCounts(ctx: QueryContext, of: ReadonlyMap<string, readonly number[]>, measure: 'codings' | 'documents'): [string, number, number][] {
  const { raw } = ctx;
  raw.exec('CREATE TEMP TABLE IF NOT EXISTS matrix_columns (document_id TEXT NOT NULL, col INTEGER NOT NULL, PRIMARY KEY (document_id, col)) WITHOUT ROWID');
  raw.transaction(() => {
    raw.exec('DELETE FROM temp.matrix_columns');
    const insert = statement(raw, 'INSERT INTO temp.matrix_columns (document_id, col) VALUES (?, ?)');
    for (const [document, columns] of of) for (const column of columns) insert.run(document, column);
  })();
  // Documents: distinct (code, document) pairs first, straight off the (code_id, document_id)
  // index, which is cheaper than count(DISTINCT) per cell.
  const source = measure === 'codings' ? 'codings' : '(SELECT DISTINCT code_id, document_id FROM codings)';
  return raw
    .prepare(`SELECT c.code_id, m.col, count(*) FROM ${source} c JOIN temp.matrix_columns m ON m.document_id = c.document_id GROUP BY c.code_id, m.col`)
    .raw()
    .all() as [string, number, number][];
}

export const reportHandlers: SomeHandlers<'reports.frequencies' | 'reports.matrix'> = {
  'reports.frequencies': async (ctx, { includeArchived }) => {
    const counts = codeCounts(ctx);
    const rows = (await codebookRows(ctx)).filter((r) => includeArchived || r.archived === 0);
    return codeLines(rows).map((line) => ({ ...line, codings: counts.get(line.codeId)?.codings ?? 0, documents: counts.get(line.codeId)?.documents ?? 0 }));
  },

  'reports.matrix': async (ctx, { columns: by, measure, codeId }) => {
    const { columns, of } = columnsByDocument(ctx, by);
    let rows = (await codebookRows(ctx)).filter((r) => r.archived === 0);
    if (codeId) {
      const keep = new Set([codeId]);
      for (const r of rows) if (r.parent_id && keep.has(r.parent_id)) keep.add(r.id);
      rows = rows.filter((r) => keep.has(r.id));
    }
    const lines = codeLines(rows);
    const rowIndex = new Map(lines.map((l, i) => [l.codeId, i]));
    const cells = lines.map(() => new Array<number>(columns.length).fill(0));
    const totals = lines.map(() => 0);
    for (const [code, column, n] of cellCounts(ctx, of, measure)) {
      const r = rowIndex.get(code);
      if (r !== undefined) cells[r]![column] = n;
    }
    const totalCount = measure === 'codings' ? 'count(*)' : 'count(DISTINCT document_id)';
    for (const [code, n] of ctx.raw.prepare(`SELECT code_id, ${totalCount} FROM codings GROUP BY code_id`).raw().all() as [string, number][]) {
      const r = rowIndex.get(code);
      if (r !== undefined) totals[r] = n;
    }
    const matrix: Matrix = {
      measure,
      columnsBy: by,
      columns,
      rows: lines.map((l, i) => ({ ...l, cells: cells[i]!, total: totals[i]! })),
    };
    return matrix;
  },
};
