import { QuireError } from '../../../src-shared/contract/errors';
import type { Matrix, MatrixColumn, MatrixPeriod, Wave } from '../../../src-shared/contract';
import { formatPeriod, periodOfDate, UNDATED_PERIOD, WAVE_PREFIX } from '../../../src-shared/model/matrix-periods';
import { projectWaves } from './waves';
import type { ReadContext, SomeHandlers } from '../context';
import type { CodeRow } from '../db/schema';
import { codebookRows, codeCounts } from './codebook';
import { decodeValue } from './map';
import { casesByDocument } from './case-ancestry';
import { tallyCodes } from './matrix-tally';

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

const baseColumn = (key: string, label: string): MatrixColumn => ({ key, label, group: label, period: null, documents: 0, words: 0 });

/** For each document, the columns it counts for: the cases it is linked to, or inside, or their attribute values. */
export function columnsByDocument(ctx: ReadContext, by: string): { columns: MatrixColumn[]; of: Map<string, readonly number[]> } {
  const cases = ctx.raw.prepare('SELECT id, type_id, name FROM cases ORDER BY ord').all() as { id: string; type_id: string; name: string }[];
  const wanted = by.trim().toLocaleLowerCase();
  const type = (ctx.raw.prepare('SELECT id, name FROM case_types').all() as { id: string; name: string }[]).find((t) => t.name.toLocaleLowerCase() === wanted);
  const attribute = (ctx.raw.prepare('SELECT id, name, target, choices FROM attributes ORDER BY ord').all() as { id: string; name: string; target: string; choices: string | null }[]).find(
    (a) => a.name.toLocaleLowerCase() === wanted,
  );

  // column key for each case (or document) id
  const keyOf = new Map<string, string>();
  let columns: MatrixColumn[];
  if (type) {
    columns = cases.filter((c) => c.type_id === type.id).map((c) => baseColumn(c.id, c.name));
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
    columns = sorted.map((label) => baseColumn(label, label));
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
    for (const [documentId, caseIds] of casesByDocument(ctx)) for (const caseId of caseIds) add(documentId, keyOf.get(caseId));
  }
  return { columns, of };
}

interface DocumentFacts {
  readonly id: string;
  readonly dateStart: string | null;
  readonly words: number;
}

/**
 * Each base column split into one column per period its documents fall in (undated last), and
 * the documents re-assigned to the split columns.
 */
function splitByPeriod(columns: readonly MatrixColumn[], of: ReadonlyMap<string, readonly number[]>, documents: ReadonlyMap<string, DocumentFacts>, period: MatrixPeriod, waves: readonly Wave[]) {
  const periodOf = (id: string): string => periodOfDate(documents.get(id)?.dateStart ?? null, period, waves);
  // Waves in their order (outside every wave after them), other periods in time order; undated last.
  const rank = new Map(waves.map((w, i) => [WAVE_PREFIX + w.name, i]));
  const order = (x: string): number => (x === UNDATED_PERIOD ? Infinity : (rank.get(x) ?? (x === WAVE_PREFIX ? waves.length : -1)));
  const periods = columns.map(() => new Set<string>());
  for (const [id, cols] of of) for (const c of cols) periods[c]!.add(periodOf(id));
  const split: MatrixColumn[] = [];
  const index = new Map<string, number>();
  columns.forEach((column, c) => {
    const sorted = [...periods[c]!].sort((x, y) => order(x) - order(y) || x.localeCompare(y));
    for (const p of sorted) {
      index.set(`${c}|${p}`, split.length);
      split.push({ ...column, key: `${column.key}|${p}`, label: `${column.label} · ${p.startsWith(WAVE_PREFIX) ? formatPeriod(p, 'en', UNDATED_PERIOD) : p}`, group: column.label, period: p });
    }
  });
  const splitOf = new Map<string, number[]>();
  for (const [id, cols] of of) splitOf.set(id, cols.map((c) => index.get(`${c}|${periodOf(id)}`)!));
  return { columns: split, of: splitOf };
}

const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0);
const per10k = (count: number, words: number): number => (words > 0 ? Math.round((100_000 * count) / words) / 10 : 0);

export const reportHandlers: SomeHandlers<'reports.frequencies' | 'reports.matrix'> = {
  'reports.frequencies': async (ctx, { includeArchived }) => {
    const counts = codeCounts(ctx);
    const rows = (await codebookRows(ctx)).filter((r) => includeArchived || r.archived === 0);
    return codeLines(rows).map((line) => ({ ...line, codings: counts.get(line.codeId)?.codings ?? 0, documents: counts.get(line.codeId)?.documents ?? 0 }));
  },

  'reports.matrix': async (ctx, { columns: by, measure, codeId, period, smallBelow, coderIds }) => {
    const base = columnsByDocument(ctx, by);
    const documents = new Map(
      (ctx.raw.prepare('SELECT d.id, d.date_start AS dateStart, coalesce(s.words, 0) AS words FROM documents d LEFT JOIN revision_stats s ON s.revision_id = d.current_revision_id').all() as DocumentFacts[]).map((d) => [d.id, d]),
    );
    const waves = period === 'wave' ? projectWaves(ctx) : [];
    if (period === 'wave' && waves.length === 0) {
      throw new QuireError('invalid_input', 'This project has no waves yet: define them (a name and the first and last day of each) before splitting by wave.');
    }
    const { columns: plain, of } = period ? splitByPeriod(base.columns, base.of, documents, period, waves) : { columns: base.columns, of: base.of };
    const documentCount = plain.map(() => 0);
    const words = plain.map(() => 0);
    for (const [id, cols] of of) {
      for (const c of cols) {
        documentCount[c]!++;
        words[c]! += documents.get(id)?.words ?? 0;
      }
    }
    const columns: MatrixColumn[] = plain.map((c, i) => ({ ...c, documents: documentCount[i]!, words: words[i]! }));

    let rows = (await codebookRows(ctx)).filter((r) => r.archived === 0);
    if (codeId) {
      const keep = new Set([codeId]);
      for (const r of rows) if (r.parent_id && keep.has(r.parent_id)) keep.add(r.id);
      rows = rows.filter((r) => keep.has(r.id));
    }
    const lines = codeLines(rows);
    const { byCode, columnCodings } = tallyCodes(ctx.raw, of, columns.length, measure === 'chars' || measure === 'informants' ? measure : null, coderIds);
    const none = (): number[] => new Array<number>(columns.length).fill(0);
    const tallies = lines.map((l) => byCode.get(l.codeId));
    const counts = tallies.map((t) => t?.codings ?? none());
    let allCodings = 0;
    for (const t of byCode.values()) allCodings += t.totalCodings;
    const allWords = [...documents.values()].reduce((a, d) => a + d.words, 0);

    let cells: number[][];
    let totals: number[];
    const codings = (code: string): number => byCode.get(code)?.totalCodings ?? 0;
    switch (measure) {
      case 'codings':
        cells = counts;
        totals = lines.map((l) => codings(l.codeId));
        break;
      case 'documents':
        cells = tallies.map((t) => t?.documents ?? none());
        totals = tallies.map((t) => t?.totalDocuments ?? 0);
        break;
      case 'chars':
        cells = tallies.map((t) => t?.chars ?? none());
        totals = tallies.map((t) => t?.totalChars ?? 0);
        break;
      case 'informants': {
        cells = tallies.map((t) => t?.informants ?? none());
        totals = tallies.map((t) => t?.totalInformants ?? 0);
        break;
      }
      case 'per10k':
        cells = counts.map((row) => row.map((n, c) => per10k(n, words[c]!)));
        totals = lines.map((l) => per10k(codings(l.codeId), allWords));
        break;
      case 'rowpct':
        cells = counts.map((row) => {
          const sum = row.reduce((a, b) => a + b, 0);
          return row.map((n) => percent(n, sum));
        });
        totals = counts.map((row) => (row.some((n) => n > 0) ? 100 : 0));
        break;
      case 'colpct':
        cells = counts.map((row) => row.map((n, c) => percent(n, columnCodings[c]!)));
        totals = lines.map((l) => percent(codings(l.codeId), allCodings));
        break;
      case 'presence':
        cells = counts.map((row) => row.map((n) => (n > 0 ? 1 : 0)));
        totals = lines.map((l) => (codings(l.codeId) > 0 ? 1 : 0));
        break;
    }
    const matrix: Matrix = {
      measure,
      columnsBy: by,
      period: period ?? null,
      columns,
      rows: lines.map((l, i) => ({ ...l, cells: cells[i]!, counts: counts[i]!, total: totals[i]! })),
      smallBelow,
      waves,
    };
    return matrix;
  },
};
