/**
 * Export of coded extracts (issue 8): all codings of 10 codes to DOCX, and every coding with its
 * citation to CSV, written to a file as the CLI and the desktop do. The raw baselines write the
 * same excerpts by hand — SQL, the words sliced from the revisions, one paragraph or CSV row each —
 * without citations, case attributes or memos.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PARALLEL_FROM } from '../../src-main/core/export/csv-parts';
import { BUDGET_MS } from './budgets';
import { progress } from './log';
import { spread } from './pick';
import type { ResultRow } from './rows';
import { measured } from './rows';
import type { Session } from './session';
import { measure } from './timing';

type Coding = [string, string, number, number, string | null, string, string];

/** The codings of some codes (all when `codeIds` is null) with their words sliced from the current text. */
function rawExcerpts(s: Session, codeIds: readonly string[] | null): { title: string; quote: string }[] {
  const where = codeIds ? `WHERE c.code_id IN (${codeIds.map(() => '?').join(',')})` : '';
  const rows = s.raw.db
    .prepare(
      `SELECT d.title, d.current_revision_id, c.start_offset, c.end_offset, c.quote, d.date_start, c.code_id FROM codings c JOIN documents d ON d.id = c.document_id ${where} ORDER BY d.date_start, d.title, c.start_offset`,
    )
    .raw()
    .all(...(codeIds ?? [])) as Coding[];
  const texts = new Map<string, string>();
  const text = (id: string): string => {
    let t = texts.get(id);
    if (t === undefined) texts.set(id, (t = s.raw.db.prepare('SELECT text FROM revisions WHERE id = ?').pluck().get(id) as string));
    return t;
  };
  return rows.map(([title, revision, start, end, quote]) => ({ title, quote: quote ?? text(revision).slice(start, end) }));
}

export async function exportRows(s: Session): Promise<ResultRow[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-bench-export-'));
  try {
    const used = s.codes.filter((c) => c.codingCount > 0);
    const rows: ResultRow[] = [];

    progress('export.extracts, 10 codes to DOCX');
    const ten = spread(used, 10, (c) => c.codingCount);
    const tenCodings = ten.reduce((n, c) => n + c.codingCount, 0);
    const docx = path.join(folder, 'ten.docx');
    const probe = await s.client.call('export.extracts', { query: { codeIds: ten.map((c) => c.id) }, format: 'docx', path: docx });
    rows.push(
      measured(
        'export all codings of 10 codes to DOCX',
        `export.extracts {10 codes, format docx, grouped by code, path}; ${tenCodings.toLocaleString('en-US')} codings, ${probe.items.toLocaleString('en-US')} excerpts with citations, ${(probe.bytes / 2 ** 20).toFixed(1)} MiB`,
        BUDGET_MS.exportDocx,
        await measure(s.plans('heavy'), () => s.client.call('export.extracts', { query: { codeIds: ten.map((c) => c.id) }, format: 'docx', path: docx })),
        await measure(s.plans('heavy'), async () => {
          const children = rawExcerpts(
            s,
            ten.map((c) => c.id),
          ).flatMap((e) => [new Paragraph({ children: [new TextRun(e.quote)] }), new Paragraph({ children: [new TextRun(e.title)] })]);
          fs.writeFileSync(docx, await Packer.toBuffer(new Document({ sections: [{ children }] })));
        }),
      ),
    );

    progress('export.extracts, every coding to CSV');
    // Every coding: each top-level code with everything inside it.
    const roots = s.codes.filter((c) => c.parentId === null).map((c) => c.id);
    const all = { codeIds: roots, includeSubcodes: true } as const;
    const csv = path.join(folder, 'all.csv');
    const whole = await s.client.call('export.extracts', { query: all, format: 'csv', grouping: 'none', path: csv });
    const codings = used.reduce((n, c) => n + c.codingCount, 0);
    rows.push(
      measured(
        'list or export all 100,000 codings with citations (CSV)',
        `export.extracts {${roots.length} top-level codes with sub-codes, format csv, path}; ${codings.toLocaleString('en-US')} codings, ${whole.items.toLocaleString('en-US')} excerpts with citations and every case attribute, ${(whole.bytes / 2 ** 20).toFixed(1)} MiB${codings >= PARALLEL_FROM ? ', written in two threads' : ''}`,
        BUDGET_MS.exportAllCsv,
        await measure(s.plans('heavy'), () => s.client.call('export.extracts', { query: all, format: 'csv', grouping: 'none', path: csv })),
        await measure(s.plans('heavy'), () => fs.writeFileSync(csv, `\uFEFF${stringify(rawExcerpts(s, null).map((e) => [e.title, e.quote]))}`)),
      ),
    );
    return rows;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** One code's excerpts exported in a format, in memory as the browser edition does (no raw baseline: the file is the product). */
export async function codeExportRow(s: Session, codeName: string, format: 'csv' | 'xlsx' | 'docx'): Promise<ResultRow> {
  const code = s.codes.find((c) => c.name === codeName);
  if (!code) throw new Error(`The project has no code ${codeName}.`);
  progress(`export.extracts, ${codeName} as ${format}`);
  const input = { query: { codeIds: [code.id] }, format };
  const probe = await s.client.call('export.extracts', input);
  return measured(
    `export ${codeName}'s segments as ${format.toUpperCase()}`,
    `export.extracts {1 code, format ${format}}; ${probe.items.toLocaleString('en-US')} excerpts with citations, ${(probe.bytes / 1024).toFixed(0)} KiB`,
    null,
    await measure(s.plans('report'), () => s.client.call('export.extracts', input)),
    null,
  );
}
