/** Analysis: the code × code co-occurrence matrix (budget row) and retrieval of coded excerpts (extra rows). */
import { BUDGET_MS } from './budgets';
import { heaviest } from './pick';
import { progress } from './log';
import type { ResultRow } from './rows';
import { measured } from './rows';
import type { Session } from './session';
import { measure } from './timing';

const BY = [
  { by: 'overlap', label: 'code co-occurrence matrix 300 × 300', unit: 'overlapping passages' },
  { by: 'sameSegment', label: '  … by turn or paragraph', unit: 'segments' },
  { by: 'sameDocument', label: '  … by document', unit: 'documents' },
] as const;

/**
 * The same counts by hand-written SQL: a self-join of codings (or of distinct code-per-segment and
 * code-per-document pairs) grouped by the two codes. The co-occurrence Jaccard and c-coefficient
 * are left out: they are arithmetic on these counts.
 */
const RAW_SQL: Readonly<Record<(typeof BY)[number]['by'], string>> = {
  overlap: `SELECT a.code_id, b.code_id, count(*) FROM codings a JOIN codings b
              ON b.document_id = a.document_id AND b.start_offset < a.end_offset AND a.start_offset < b.end_offset AND a.code_id <> b.code_id
           WHERE a.start_offset < a.end_offset AND b.start_offset < b.end_offset GROUP BY a.code_id, b.code_id`,
  sameSegment: `WITH sc AS (SELECT DISTINCT s.revision_id, s.ord, c.code_id FROM codings c JOIN documents d ON d.id = c.document_id
                  JOIN segments s ON s.revision_id = d.current_revision_id AND s.start_offset < c.end_offset AND c.start_offset < s.end_offset
                 WHERE c.start_offset < c.end_offset)
                SELECT a.code_id, b.code_id, count(*) FROM sc a JOIN sc b ON a.revision_id = b.revision_id AND a.ord = b.ord GROUP BY 1, 2`,
  sameDocument: `WITH dc AS (SELECT DISTINCT document_id, code_id FROM codings WHERE start_offset < end_offset)
                 SELECT a.code_id, b.code_id, count(*) FROM dc a JOIN dc b ON a.document_id = b.document_id GROUP BY 1, 2`,
};

export async function cooccurrenceRows(s: Session): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const codings = s.codes.reduce((n, c) => n + c.codingCount, 0);
  for (const { by, label, unit } of BY) {
    progress(`cooccurrence.matrix by ${by}`);
    const probe = await s.client.call('cooccurrence.matrix', { by });
    const cells = probe.counts.reduce((n, row, i) => n + row.filter((v, j) => j > i && v > 0).length, 0);
    rows.push(
      measured(
        label,
        `cooccurrence.matrix {by: '${by}'}; ${probe.codes.length} × ${probe.codes.length} codes, ${codings.toLocaleString('en-US')} codings, ${cells.toLocaleString('en-US')} code pairs co-occur (${unit}); counts, Jaccard and c-coefficient`,
        BUDGET_MS.cooccurrence,
        await measure(s.plans('report'), () => s.client.call('cooccurrence.matrix', { by })),
        // The self-joins are slow (that is the point of the one-pass sweep): fewer runs for them.
        await measure(s.plans('heavy'), () => s.raw.db.prepare(RAW_SQL[by]).raw().all()),
      ),
    );
  }
  return rows;
}

/** Retrieval (no budget row): two codes related, first page of 50 excerpts with context and citations. */
export async function retrievalRows(s: Session): Promise<ResultRow[]> {
  progress('retrieval.run');
  const used = s.codes.filter((c) => c.codingCount > 0);
  const top = heaviest(used, (c) => c.codingCount);
  // Its most frequent partner by overlap, so the relations have passages to find.
  const matrix = await s.client.call('cooccurrence.matrix', { by: 'overlap' });
  const row = matrix.codes.findIndex((c) => c.codeId === top.id);
  const partner = matrix.codes.map((c, j) => ({ id: c.codeId, n: j === row ? -1 : (matrix.counts[row]?.[j] ?? 0) })).reduce((a, b) => (b.n > a.n ? b : a));
  const second = s.codes.find((c) => c.id === partner.id)!;
  const rows: ResultRow[] = [];
  const cases = [
    { label: 'retrieve one code’s excerpts with citations, first page of 50', input: { codeIds: [top.id] }, what: `${top.codingCount.toLocaleString('en-US')} codings` },
    { label: '  … two codes overlapping, informants’ turns only', input: { codeIds: [top.id, second.id], operator: 'overlaps' as const, speakers: 'informants' as const }, what: `${top.name} and ${second.name}` },
    { label: '  … two codes in the same turn or paragraph', input: { codeIds: [top.id, second.id], operator: 'sameSegment' as const }, what: `${top.name} and ${second.name}` },
  ];
  for (const c of cases) {
    const probe = await s.client.call('retrieval.run', c.input);
    rows.push(
      measured(
        c.label,
        `retrieval.run {${Object.keys(c.input).join(', ')}, limit 50}; ${c.what}, ${probe.total.toLocaleString('en-US')} excerpts`,
        null,
        await measure(s.plans('report'), () => s.client.call('retrieval.run', c.input)),
        null,
      ),
    );
  }
  return rows;
}
