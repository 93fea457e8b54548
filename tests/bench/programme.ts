/** The DESIGN.md budget table on the sample project at programme (or, with --quick, sample) scale. */
import type { CachedProject } from './cache';
import { workingCopy } from './cache';
import { importText } from './import-text';
import { importFileRows } from './import-files';
import type { Plans } from './plans';
import { cooccurrenceRows, retrievalRows } from './cooccurrence';
import { agendaRow, unreadRows, allCodingsRow, codebookCsvRow, codePageRows, documentRows, frequencyRow, longitudinalRow, matrixRows } from './queries';
import type { ResultRow } from './rows';
import { openSession } from './session';
import { peakRssMiB, rssMiB } from './timing';
import { autocodeRows, codingWriteRows, importRow } from './writes';
import { searchRows } from './search';
import { leakCheckRows } from './pseudonyms';
import { exportRows } from './export';
import { mergeRows } from './merge';

export interface MemoryFigures {
  readonly afterOpenMiB: number;
  readonly afterHeaviestQueryMiB: number;
  readonly heaviestQuery: string;
  readonly peakMiB: number;
}

export interface ProgrammeResult {
  readonly rows: readonly ResultRow[];
  readonly extra: readonly ResultRow[];
  readonly memory: MemoryFigures;
}

/** A common word of the corpus: auto-coding it touches every part of the project. */
export const AUTOCODE_WORD = 'завод';

export async function runProgramme(project: CachedProject, plans: Plans, keep: boolean): Promise<ProgrammeResult> {
  const copy = workingCopy(project.file);
  const opened = await openSession(copy.file, project.meta.actor, plans, 'open project to first view data');
  const s = opened.session;
  try {
    // Queries first, each followed by a look at memory, so the heaviest one can be named.
    const rss = new Map<ResultRow, number>();
    const track = (rows: ResultRow[]): ResultRow[] => {
      const now = rssMiB();
      for (const r of rows) rss.set(r, now);
      return rows;
    };
    const documents = track(await documentRows(s));
    const pages = track(await codePageRows(s));
    const matrix = track(await matrixRows(s, 'enterprise'));
    const longitudinal = track([await longitudinalRow(s, 'enterprise')]);
    const cooccurrence = track(await cooccurrenceRows(s));
    const retrieval = track(await retrievalRows(s));
    const frequencies = track([await frequencyRow(s)]);
    const listing = track([await allCodingsRow(s, '  … list all codings, without citations', null)]);
    const codebook = track([await codebookCsvRow(s)]);
    const exported = track(await exportRows(s));
    const agenda = track([await agendaRow(s), ...(await unreadRows(s))]);
    const searched = await searchRows(s);
    const search = track(searched.rows);
    const heaviest = [...rss.keys()].reduce((a, b) => ((b.ours?.median ?? 0) > (a.ours?.median ?? 0) ? b : a));

    const writes = await codingWriteRows(s);
    const text = importText(s.raw.db);
    const imported = await importRow(s, text, 'import one 200 KB document incl. indexing');
    const files = await importFileRows(s, text);
    const autocode = await autocodeRows(s, AUTOCODE_WORD);
    const leaks = await leakCheckRows(s);
    const merged = await mergeRows(s);

    const rows: ResultRow[] = [
      ...opened.rows,
      ...documents,
      ...writes,
      ...pages,
      ...matrix,
      ...longitudinal,
      ...cooccurrence,
      ...search,
      imported,
      ...files,
      ...exported,
      ...listing,
      ...merged,
    ];
    return {
      rows,
      extra: [...frequencies, ...retrieval, ...codebook, ...autocode, ...searched.extra, ...leaks, ...agenda],
      memory: {
        afterOpenMiB: s.rssAfterOpenMiB,
        afterHeaviestQueryMiB: rss.get(heaviest) ?? 0,
        heaviestQuery: `${heaviest.operation.replace(/^[\s…]+/, '')}: ${heaviest.detail ?? ''}`,
        peakMiB: peakRssMiB(),
      },
    };
  } finally {
    await opened.close();
    if (!keep) copy.dispose();
  }
}
