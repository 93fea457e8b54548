/**
 * `--peer`: the "16 enterprises" workload loaded into Quire through the contract, and every row of
 * Taguette 1.5.2's table (../shared/peer-workload/README.md) timed on it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cachedProject, sourceKey, workingCopy } from './cache';
import { benchDir } from './paths';
import type { CachedProject } from './cache';
import { describeProject } from './describe';
import { peerTable, table } from './format';
import { datasetKey, ensurePeerDataset, peerDir } from './peer-data';
import type { PeerManifest } from './peer-data';
import type { Plans } from './plans';
import { nearest } from './pick';
import { allCodingsRow, codebookCsvRow, matrixRows } from './queries';
import type { ResultRow } from './rows';
import { measured, notBuilt } from './rows';
import { codeExportRow } from './export';
import { openSession } from './session';
import type { Session } from './session';
import { fileFigures } from './size';
import type { FileFigures } from './size';
import { measure, peakRssMiB, rssMiB } from './timing';
import { progress } from './log';
import { codingWriteRows, importRow } from './writes';
import type { JsonRow } from './json';
import { rowJson } from './json';
import { searchRows } from './search';

/** Taguette 1.5.2 on this workload (2-core machine, SQLite, loopback; median of 5 after warm-up). */
export const TAGUETTE = {
  open: 255,
  document51: 138,
  code002Pages: 1512,
  allSegments: 18_757,
  exportCsv: 170,
  exportXlsx: 190,
  exportDocx: 1446,
  codebookCsv: 245,
  codebookQdc: 257,
  addSegment: 11.5,
  import200k: 536,
  pivot: 18_294,
  fileMB: 147.5,
  memoryMiB: 270,
} as const;

export interface PeerResult {
  readonly manifest: PeerManifest;
  readonly datasetGeneratedMs: number | null;
  readonly project: CachedProject['meta'];
  readonly built: boolean;
  readonly rows: readonly JsonRow[];
  readonly extra: readonly JsonRow[];
  readonly file: FileFigures;
  readonly rssAfterReadsMiB: number;
  readonly peakRssMiB: number;
}

const withPeer = (row: ResultRow, peerMs: number | null, note?: string): ResultRow => ({ ...row, peerMs, ...(note ? { note } : {}) });

/** All of a code's codings the way Taguette shows them: page after page of 50. */
async function pagesRow(s: Session, codeName: string, expected: number): Promise<ResultRow> {
  const code = s.codes.find((c) => c.name === codeName);
  if (!code) throw new Error(`The peer project has no code ${codeName}.`);
  const pages = Math.ceil(code.codingCount / 50);
  progress(`codings.list, every page of ${codeName}`);
  const ours = await measure(s.plans('query'), async () => {
    for (let p = 0; p < pages; p++) await s.client.call('codings.list', { codeId: code.id, limit: 50, offset: p * 50 });
  });
  const raw = await measure(s.plans('query'), () => {
    for (let p = 0; p < pages; p++) s.raw.codingsOfCode(code.id, 50, p * 50);
  });
  const note = code.codingCount === expected ? `all ${pages} pages of 50` : `all ${pages} pages of 50 (${code.codingCount} codings, not ${expected})`;
  return withPeer(measured(`the ${code.codingCount} segments of ${codeName}`, `codings.list {codeId, limit 50, offset}; ${note}`, null, ours, raw), TAGUETTE.code002Pages);
}

async function documentRow(s: Session): Promise<ResultRow> {
  progress('documents.get');
  const doc = nearest(s.documents, (d) => d.codingCount, 51);
  return withPeer(
    measured(
      `open one document's codings (${doc.codingCount} of them)`,
      `documents.get; ${doc.length.toLocaleString('en-US')} characters`,
      null,
      await measure(s.plans('query'), () => s.client.call('documents.get', { id: doc.id })),
      await measure(s.plans('query'), () => s.raw.document(doc.id)),
    ),
    TAGUETTE.document51,
  );
}

export async function runPeer(plans: Plans, keep: boolean): Promise<PeerResult> {
  const { manifest, generatedMs } = ensurePeerDataset();
  if (generatedMs !== null) console.log(`  peer workload generated in ${(generatedMs / 1000).toFixed(1)} s`);
  const loaders = ['prepare-peer.ts', 'prepare-common.ts', 'offsets.ts'].map((f) => path.join(benchDir, f));
  const project = await cachedProject('peer', [datasetKey(manifest), sourceKey(loaders)], 'prepare-peer.ts', ['--dataset', peerDir, '--generated-ms', String(Math.round(generatedMs ?? 0))]);
  describeProject(project);
  const file = fileFigures(project.file);

  const copy = workingCopy(project.file);
  const opened = await openSession(copy.file, project.meta.actor, plans, 'open the project (document list)');
  const s = opened.session;
  try {
    // The read workload first, then memory, as Taguette's figure was taken.
    const open = withPeer(opened.rows[0]!, TAGUETTE.open);
    const document = await documentRow(s);
    const pages = await pagesRow(s, manifest.code_near_500.name, 500);
    const listing = withPeer(await allCodingsRow(s, 'all 100,000 segments as one listing', null), TAGUETTE.allSegments, 'Taguette: its CSV export; ours: the listing (CSV with citations: issue 8)');
    const codebookCsv = withPeer(await codebookCsvRow(s), TAGUETTE.codebookCsv);
    const matrix = (await matrixRows(s, 'enterprise')).map((r, i) => withPeer(r, i === 0 ? TAGUETTE.pivot : null, i === 0 ? 'Taguette: not offered; export all + pivot' : 'Taguette: not offered'));
    const rssAfterReadsMiB = rssMiB();

    const writes = await codingWriteRows(s);
    const upload = fs.readFileSync(path.join(peerDir, 'upload_200k.txt'), 'utf8');
    const imported = withPeer(await importRow(s, upload, 'import the 200 KB plain-text document'), TAGUETTE.import200k);

    const code = manifest.code_near_500.name;
    const rows: ResultRow[] = [
      open,
      document,
      pages,
      listing,
      withPeer(await codeExportRow(s, code, 'csv'), TAGUETTE.exportCsv),
      withPeer(await codeExportRow(s, code, 'xlsx'), TAGUETTE.exportXlsx),
      withPeer(await codeExportRow(s, code, 'docx'), TAGUETTE.exportDocx),
      codebookCsv,
      withPeer(notBuilt('export the codebook as QDC (REFI-QDA)', null, null, ['codebook.exportQdc', 'refi.', 'qdc.']), TAGUETTE.codebookQdc),
      withPeer(writes[0]!, TAGUETTE.addSegment),
      imported,
      ...matrix,
      withPeer((await searchRows(s, false)).rows[0]!, null, 'Taguette: not offered'),
    ];
    const extra = [opened.rows[1]!, ...writes.slice(1)];

    console.log(`\nSide by side with Taguette 1.5.2 on the same workload (Quire: median and p95 after warm-up):\n`);
    console.log(peerTable(rows));
    console.log('\nOther Quire figures on this workload:\n');
    console.log(peerTable(extra));
    console.log('\n' + table(
      ['resource', 'Taguette', 'Quire', 'Quire/Taguette'],
      [
        ['project file size (after wal_checkpoint(TRUNCATE))', `${TAGUETTE.fileMB} MB`, `${file.sizeMB.toFixed(1)} MB (${file.sizeMiB.toFixed(1)} MiB)`, (file.sizeMB / TAGUETTE.fileMB).toFixed(2)],
        ['memory after the read workload (RSS)', `${TAGUETTE.memoryMiB} MiB`, `${rssAfterReadsMiB.toFixed(0)} MiB`, (rssAfterReadsMiB / TAGUETTE.memoryMiB).toFixed(2)],
      ],
      [false, true, true, true],
    ));
    console.log(`\nWhere the file's bytes are (dbstat, MB): ${file.tables.map((t) => `${t.name} ${t.mb.toFixed(1)}`).join(', ')}`);
    return {
      manifest,
      datasetGeneratedMs: generatedMs,
      project: project.meta,
      built: project.built,
      rows: rows.map(rowJson),
      extra: extra.map(rowJson),
      file,
      rssAfterReadsMiB,
      peakRssMiB: peakRssMiB(),
    };
  } finally {
    await opened.close();
    if (!keep) copy.dispose();
  }
}
