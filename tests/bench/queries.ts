/** Query-shaped operations: each timed through the contract and as hand-written SQL. */
import type { DocumentSummary } from '../../src-shared/model/entities';
import { BUDGET_MS } from './budgets';
import { heaviest, rotate, spread } from './pick';
import type { ResultRow } from './rows';
import { progress } from './log';
import { measured } from './rows';
import type { Session } from './session';
import { measure } from './timing';

/** documents.get over a rotation of documents from small to large, and on the one with most codings. */
export async function documentRows(s: Session, rotation = 20): Promise<ResultRow[]> {
  progress('documents.get');
  const docs = spread(s.documents, rotation, (d) => d.codingCount);
  const get = (d: DocumentSummary): Promise<unknown> => s.client.call('documents.get', { id: d.id });
  const rows: ResultRow[] = [
    measured(
      'open one document with all its codings',
      `documents.get; ${docs.length} documents in turn, ${Math.min(...docs.map((d) => d.codingCount))}–${Math.max(...docs.map((d) => d.codingCount))} codings`,
      BUDGET_MS.openDocument,
      await measure(s.plans('query'), (i) => get(rotate(docs, i))),
      await measure(s.plans('query'), (i) => s.raw.document(rotate(docs, i).id)),
    ),
  ];
  const big = heaviest(s.documents, (d) => d.codingCount);
  rows.push(
    measured(
      '  … the document with most codings',
      `documents.get; ${big.codingCount} codings, ${big.length.toLocaleString('en-US')} characters`,
      BUDGET_MS.openDocument,
      await measure(s.plans('query'), () => get(big)),
      await measure(s.plans('query'), () => s.raw.document(big.id)),
    ),
  );
  return rows;
}

/** The first page of 100 codings of a code (retrieval), over a rotation of codes and on the most used one. */
export async function codePageRows(s: Session, rotation = 20): Promise<ResultRow[]> {
  progress('codings.list, first page of a code');
  const used = s.codes.filter((c) => c.codingCount > 0);
  const codes = spread(used, rotation, (c) => c.codingCount);
  const rows: ResultRow[] = [
    measured(
      'codings of one code with context, first page of 100',
      `codings.list {codeId, limit 100}; ${codes.length} codes in turn, ${Math.min(...codes.map((c) => c.codingCount))}–${Math.max(...codes.map((c) => c.codingCount))} codings`,
      BUDGET_MS.codeFirstPage,
      await measure(s.plans('query'), (i) => s.client.call('codings.list', { codeId: rotate(codes, i).id, limit: 100 })),
      await measure(s.plans('query'), (i) => s.raw.codingsOfCode(rotate(codes, i).id, 100)),
    ),
  ];
  const top = heaviest(used, (c) => c.codingCount);
  rows.push(
    measured(
      '  … the most used code',
      `codings.list {codeId, limit 100}; ${top.codingCount.toLocaleString('en-US')} codings`,
      BUDGET_MS.codeFirstPage,
      await measure(s.plans('query'), () => s.client.call('codings.list', { codeId: top.id, limit: 100 })),
      await measure(s.plans('query'), () => s.raw.codingsOfCode(top.id, 100)),
    ),
  );
  return rows;
}

/** The case type called `name` (case-insensitive), as reports.matrix resolves it. */
export async function caseTypeId(s: Session, name: string): Promise<string> {
  const type = (await s.client.call('caseTypes.list', {})).find((t) => t.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  if (!type) throw new Error(`The project has no case type "${name}".`);
  return type.id;
}

/** Code × enterprise matrix: codings, documents and informants. */
export async function matrixRows(s: Session, columns: string): Promise<ResultRow[]> {
  progress('reports.matrix');
  const typeId = await caseTypeId(s, columns);
  const rows: ResultRow[] = [];
  for (const measureName of ['codings', 'documents'] as const) {
    const probe = await s.client.call('reports.matrix', { columns, measure: measureName });
    rows.push(
      measured(
        `code × ${columns} matrix, measure ${measureName}`,
        `reports.matrix {columns: '${columns}', measure: '${measureName}'}; ${probe.rows.length} codes × ${probe.columns.length} cases`,
        BUDGET_MS.matrix,
        await measure(s.plans('report'), () => s.client.call('reports.matrix', { columns, measure: measureName })),
        await measure(s.plans('report'), () => s.raw.matrix(typeId, measureName)),
      ),
    );
  }
  // Informants: the speakers' cases of the turns where codings start (no raw baseline: SQL alone has no turns by offset).
  const probe = await s.client.call('reports.matrix', { columns, measure: 'informants' });
  rows.push(
    measured(
      `code × ${columns} matrix, measure informants`,
      `reports.matrix {columns: '${columns}', measure: 'informants'}; ${probe.rows.length} codes × ${probe.columns.length} cases`,
      BUDGET_MS.matrix,
      await measure(s.plans('report'), () => s.client.call('reports.matrix', { columns, measure: 'informants' })),
      null,
    ),
  );
  return rows;
}

/** Code × quarter × enterprise: the matrix with each enterprise's columns split by quarter (the longitudinal view). */
export async function longitudinalRow(s: Session, columns: string): Promise<ResultRow> {
  progress('reports.matrix by quarter');
  const typeId = await caseTypeId(s, columns);
  const input = { columns, measure: 'codings', period: 'quarter' } as const;
  const probe = await s.client.call('reports.matrix', input);
  return measured(
    `code × quarter × ${columns} (longitudinal)`,
    `reports.matrix {columns: '${columns}', period: 'quarter'}; ${probe.rows.length} codes × ${probe.columns.length} ${columns}-quarters`,
    BUDGET_MS.longitudinal,
    await measure(s.plans('report'), () => s.client.call('reports.matrix', input)),
    await measure(s.plans('report'), () => s.raw.matrixByQuarter(typeId)),
  );
}

/** Code frequencies (no budget row, but the CLI's first report). */
export async function frequencyRow(s: Session): Promise<ResultRow> {
  progress('reports.frequencies');
  return measured(
    'code frequencies',
    'reports.frequencies',
    null,
    await measure(s.plans('report'), () => s.client.call('reports.frequencies', {})),
    await measure(s.plans('report'), () => s.raw.frequencies()),
  );
}

/** Every coding in one listing (no citations yet: those come with issue 8). */
export async function allCodingsRow(s: Session, label: string, budgetMs: number | null, note?: string): Promise<ResultRow> {
  progress('codings.list, every coding');
  const total = s.codes.reduce((n, c) => n + c.codingCount, 0);
  const limit = Math.min(100_000, Math.max(total, 1));
  return measured(
    label,
    `codings.list {limit ${limit.toLocaleString('en-US')}}`,
    budgetMs,
    await measure(s.plans('heavy'), () => s.client.call('codings.list', { limit })),
    await measure(s.plans('heavy'), () => s.raw.allCodings(limit)),
    note,
  );
}

export async function codebookCsvRow(s: Session, label = 'export the codebook as CSV'): Promise<ResultRow> {
  progress('codebook.exportCsv');
  return measured(
    label,
    `codebook.exportCsv; ${s.codes.length} codes`,
    null,
    await measure(s.plans('query'), () => s.client.call('codebook.exportCsv', {})),
    await measure(s.plans('query'), () => s.raw.codebookCsv()),
  );
}

/**
 * The agenda a team that never met is offered (meetings.proposeAgenda without a previous meeting
 * considers the whole change log), with the default number of candidates per code, over the teams.
 */
export async function agendaRow(s: Session): Promise<ResultRow> {
  progress('meetings.proposeAgenda');
  const teams = [...new Set((await s.client.call('members.list', {})).map((m) => m.team).filter((t): t is string => t !== null))];
  const propose = (i: number) => s.client.call('meetings.proposeAgenda', { team: rotate(teams, i) });
  const probe = await propose(0);
  const shown = probe.groups.reduce((n, g) => n + g.candidates.length, 0);
  const total = probe.groups.reduce((n, g) => n + g.total, 0);
  return measured(
    'propose a meeting agenda, team never met',
    `meetings.proposeAgenda; ${teams.length} teams in turn, ${probe.groups.length} groups, ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} candidates shown`,
    null,
    await measure(s.plans('report'), propose),
    null,
  );
}

/**
 * The unread counts a member of one team sees from the others (every badge of the window asks
 * this after each change): before any mark, when everything the other teams coded is unread, and
 * after marking everything read.
 */
export async function unreadRows(s: Session): Promise<ResultRow[]> {
  progress('circulation.unread');
  const first = await s.client.call('circulation.unread', { limit: 0 });
  const rows = [
    measured(
      'unread from other teams, counts (nothing read yet)',
      `circulation.unread {limit 0}; ${first.documents.toLocaleString('en-US')} documents and ${first.codings.toLocaleString('en-US')} codings unread`,
      null,
      await measure(s.plans('query'), () => s.client.call('circulation.unread', { limit: 0 })),
      null,
    ),
  ];
  await s.client.call('circulation.markRead', { kind: 'all' });
  rows.push(
    measured(
      '  … after marking everything read',
      'circulation.unread {limit 0}',
      null,
      await measure(s.plans('query'), () => s.client.call('circulation.unread', { limit: 0 })),
      null,
    ),
  );
  return rows;
}
