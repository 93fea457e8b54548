import type BetterSqlite3 from 'better-sqlite3';
import { statement } from '../db/statements';
import { segmentAtOffset, segmentBounds } from './segment-bounds';
import { speakerLinks } from './speaker-links';

/** One code's codings, documents, coded characters and informants, per column and in the whole project. */
export interface CodeTally {
  readonly codings: number[];
  readonly documents: number[];
  readonly chars: number[];
  /** Each column's informants, when counted. */
  readonly informants: number[];
  totalCodings: number;
  totalDocuments: number;
  totalChars: number;
  /** The informants of every column together (each once). */
  totalInformants: number;
}

/** What is counted of each coding besides its code and document: its characters, or its informant. */
export type CodingFact = 'chars' | 'informants' | null;

/** Between document ids in `group_concat`: a control character no id (a UUID) contains. */
const SEPARATOR = '\u001f';

/** The numbers of a comma-separated `group_concat` of integers (JSON reads them faster than splitting does). */
const integers = (list: string): number[] => JSON.parse(`[${list}]`) as number[];

/**
 * Every code's counts per column, and each column's codings, the document → column map (`of`,
 * document id → column indexes) applied here. Codings count only the coders in `coderIds` (none:
 * everyone's).
 *
 * One pass over the (code_id, document_id) index: SQLite hands over one row per code with the
 * documents of its codings concatenated. Joining a document → column table inside SQLite and
 * grouping by (code, column) cost twice as much (a lookup per coding and a sort of every row), and
 * once more for each measure; one row per (code, document) pair costs more still in rows crossing
 * into JavaScript. Offsets are off this index, and reading them through it jumps about the table
 * (ten times the cost), so a coding's characters or informant come by its rowid from a pass over
 * the (document_id, start_offset, end_offset) index, which holds them: see {@link factsByRowid}.
 */
export function tallyCodes(
  raw: BetterSqlite3.Database,
  of: ReadonlyMap<string, readonly number[]>,
  columnCount: number,
  fact: CodingFact,
  coderIds: readonly string[],
): { byCode: Map<string, CodeTally>; columnCodings: number[] } {
  const facts = fact === null ? null : factsByRowid(raw, of, fact);
  const lengths = fact === 'chars' ? facts!.byRowid : null;
  const informants = fact === 'informants' ? facts!.byRowid : null;
  // The last code that counted each informant, and the columns it counted for there: a Set per
  // code and column cost as much again as the rest of the count.
  const informantCount = facts?.informants ?? 0;
  const countedBy = new Int32Array(informantCount).fill(-1);
  const countedIn = new Array<number[]>(informantCount);
  const where = coderIds.length === 0 ? '' : ` WHERE coder_id IN (${coderIds.map(() => '?').join(', ')})`;
  const rowids = facts ? ', group_concat(rowid)' : '';
  // A row at a time: the concatenated ids of every code at once (megabytes) would outlive young-generation collections and be copied by each.
  const rows = statement(raw, `SELECT code_id, group_concat(document_id, char(31))${rowids} FROM codings${where} GROUP BY code_id`).raw().iterate(...coderIds) as IterableIterator<[string, string, string?]>;
  // The last code that counted each document, so a document counts once per code whatever the order.
  const documents = new Map<string, { readonly columns: readonly number[]; seenBy: number }>([...of].map(([id, columns]) => [id, { columns, seenBy: -1 }]));
  const columnCodings = new Array<number>(columnCount).fill(0);
  const byCode = new Map<string, CodeTally>();
  const zeros = (): number[] => new Array<number>(columnCount).fill(0);
  let r = -1;
  for (const [code, ids, rowidList] of rows) {
    r++;
    const tally: CodeTally = { codings: zeros(), documents: zeros(), chars: zeros(), informants: zeros(), totalCodings: 0, totalDocuments: 0, totalChars: 0, totalInformants: 0 };
    const pieces = ids.split(SEPARATOR);
    const codingRowids = rowidList === undefined ? null : integers(rowidList);
    for (let i = 0; i < pieces.length; i++) {
      const id = pieces[i]!;
      let document = documents.get(id);
      if (!document) documents.set(id, (document = { columns: [], seenBy: -1 }));
      const first = document.seenBy !== r;
      document.seenBy = r;
      const rowid = codingRowids ? codingRowids[i]! : 0;
      const length = lengths?.[rowid] ?? 0;
      const informant = informants?.[rowid] ?? -1;
      tally.totalCodings++;
      tally.totalChars += length;
      if (first) tally.totalDocuments++;
      for (const c of document.columns) {
        tally.codings[c]!++;
        tally.chars[c]! += length;
        if (first) tally.documents[c]!++;
        columnCodings[c]!++;
      }
      if (informant >= 0) {
        if (countedBy[informant] !== r) {
          countedBy[informant] = r;
          countedIn[informant] = [];
          tally.totalInformants++;
        }
        const counted = countedIn[informant]!;
        for (const c of document.columns) {
          if (counted.includes(c)) continue;
          counted.push(c);
          tally.informants[c]!++;
        }
      }
    }
    byCode.set(code, tally);
  }
  return { byCode, columnCodings };
}

/**
 * Each coding's length in characters, or its informant (see {@link informantsOfDocument}; -1 for
 * none), by its rowid, in one pass over the (document_id, start_offset, end_offset) index: one row
 * per document with its codings' rowids and offsets concatenated. Informants are read only from
 * documents with linked speakers; `informants` says how many there are.
 */
function factsByRowid(raw: BetterSqlite3.Database, of: ReadonlyMap<string, readonly number[]>, fact: 'chars' | 'informants'): { byRowid: Int32Array; informants: number } {
  const size = ((statement(raw, 'SELECT max(rowid) FROM codings').pluck().get() as number | null) ?? 0) + 1;
  const facts = new Int32Array(size).fill(fact === 'chars' ? 0 : -1);
  const sql =
    fact === 'chars'
      ? 'SELECT document_id, group_concat(rowid), group_concat(end_offset - start_offset) FROM codings GROUP BY document_id'
      : 'SELECT document_id, group_concat(rowid), group_concat(start_offset) FROM codings WHERE document_id IN (SELECT document_id FROM speaker_links) GROUP BY document_id';
  const informantsOf = fact === 'informants' ? informantsOfDocument(raw, of) : null;
  let informants = 0;
  for (const [documentId, rowidList, valueList] of statement(raw, sql).raw().iterate() as IterableIterator<[string, string, string]>) {
    const informantAt = informantsOf ? informantsOf(documentId) : (length: number): number => length;
    if (!informantAt) continue;
    const rowids = integers(rowidList);
    const values = integers(valueList);
    for (let i = 0; i < rowids.length; i++) {
      const fact = informantAt(values[i]!);
      facts[rowids[i]!] = fact;
      if (informantsOf && fact >= informants) informants = fact + 1;
    }
  }
  return { byRowid: facts, informants };
}

/**
 * For a document, the informant of a coding starting at an offset: the case linked to the speaker
 * of the turn there, as an index of its own (-1 for none). Codings in turns without a linked
 * speaker have none, nor do codings of documents in no column (`of`). Turns come from the
 * per-revision segment cache. Null for documents without linked speakers.
 */
function informantsOfDocument(raw: BetterSqlite3.Database, of: ReadonlyMap<string, readonly number[]>): (documentId: string) => ((start: number) => number) | null {
  const linked = speakerLinks(raw);
  const revisionOf = new Map(statement(raw, 'SELECT id, current_revision_id FROM documents').raw().all() as [string, string][]);
  const caseIndex = new Map<string, number>();
  const indexOf = (caseId: string): number => {
    let index = caseIndex.get(caseId);
    if (index === undefined) caseIndex.set(caseId, (index = caseIndex.size));
    return index;
  };
  return (documentId) => {
    const speakers = linked.get(documentId);
    const revisionId = revisionOf.get(documentId);
    if (!speakers || !revisionId || !of.has(documentId)) return null;
    const bounds = segmentBounds(raw, revisionId);
    const informantOf = bounds.labels.map((label) => {
      const caseId = speakers.get(label);
      return caseId === undefined ? -1 : indexOf(caseId);
    });
    return (start) => {
      const at = segmentAtOffset(bounds, start);
      return at < 0 || bounds.speakers[at]! < 0 ? -1 : informantOf[bounds.speakers[at]!]!;
    };
  };
}
