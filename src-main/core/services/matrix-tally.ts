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

/** The numbers of a comma-separated `group_concat` of integers (JSON reads them faster than splitting does). */
const integers = (list: string): number[] => JSON.parse(`[${list}]`) as number[];

/**
 * Every code's counts per column, and each column's codings, the document → column map (`of`,
 * document id → column indexes) applied here. Codings count only the coders in `coderIds` (none:
 * everyone's).
 *
 * Two passes over covering indexes, joined here by the codings' rowids: the (document_id,
 * start_offset, end_offset) index gives each coding's document, and its offsets when asked for
 * (see {@link codingFacts}); the (code_id, document_id) index gives each code's codings. Each
 * hands over one row per document or code with its rowids concatenated, so no string is made or
 * looked up per coding (the documents' ids by code, looked up in a map, cost twice as much).
 * Reading codes and offsets together costs a table lookup per coding (three times as much; over
 * the code index the lookups jump about the table, ten times); one row per coding costs more in
 * rows crossing into JavaScript; a document → column table joined inside SQLite and grouped by
 * (code, column) costs a lookup per coding and a sort of every row. The two indexes come to about
 * 15 MB at programme scale: the page cache must hold them (db/open.ts), or every call reads them
 * from the disk cache again and this is slower than looking documents up by id.
 */
export function tallyCodes(
  raw: BetterSqlite3.Database,
  of: ReadonlyMap<string, readonly number[]>,
  columnCount: number,
  fact: CodingFact,
  coderIds: readonly string[],
): { byCode: Map<string, CodeTally>; columnCodings: number[] } {
  const facts = codingFacts(raw, of, fact);
  const { documentOf, lengths, informants } = facts;
  const columnsOf = facts.documentIds.map((id) => of.get(id) ?? []);
  // The last code that counted each document, so a document counts once per code whatever the order.
  const seenBy = new Int32Array(columnsOf.length).fill(-1);
  // Likewise for informants, with the columns each counted for there: a Set per code and column
  // cost as much again as the rest of the count.
  const countedBy = new Int32Array(facts.informantCount).fill(-1);
  const countedIn = new Array<number[]>(facts.informantCount);
  const columnCodings = new Array<number>(columnCount).fill(0);
  const byCode = new Map<string, CodeTally>();
  const zeros = (): number[] => new Array<number>(columnCount).fill(0);
  const where = coderIds.length === 0 ? '' : ` WHERE coder_id IN (${coderIds.map(() => '?').join(', ')})`;
  const rows = statement(raw, `SELECT code_id, group_concat(rowid) FROM codings${where} GROUP BY code_id`).raw().iterate(...coderIds) as IterableIterator<[string, string]>;
  let r = -1;
  for (const [code, rowidList] of rows) {
    r++;
    const tally: CodeTally = { codings: zeros(), documents: zeros(), chars: zeros(), informants: zeros(), totalCodings: 0, totalDocuments: 0, totalChars: 0, totalInformants: 0 };
    for (const rowid of integers(rowidList)) {
      const d = documentOf[rowid] ?? -1;
      // A coding made between the two passes (by another process): not there when the first looked.
      if (d < 0) continue;
      const columns = columnsOf[d]!;
      const first = seenBy[d] !== r;
      seenBy[d] = r;
      const length = lengths ? lengths[rowid]! : 0;
      tally.totalCodings++;
      tally.totalChars += length;
      if (first) tally.totalDocuments++;
      for (const c of columns) {
        tally.codings[c]!++;
        tally.chars[c]! += length;
        if (first) tally.documents[c]!++;
        columnCodings[c]!++;
      }
      const informant = informants ? informants[rowid]! : -1;
      if (informant < 0) continue;
      if (countedBy[informant] !== r) {
        countedBy[informant] = r;
        countedIn[informant] = [];
        tally.totalInformants++;
      }
      const counted = countedIn[informant]!;
      for (const c of columns) {
        if (counted.includes(c)) continue;
        counted.push(c);
        tally.informants[c]!++;
      }
    }
    byCode.set(code, tally);
  }
  return { byCode, columnCodings };
}

/** Facts of each coding, by its rowid. */
interface CodingFacts {
  /** The documents that have codings, in the order `documentOf` numbers them. */
  readonly documentIds: readonly string[];
  /** Each coding's document, as an index into `documentIds` (-1 where no coding has the rowid). */
  readonly documentOf: Int32Array;
  /** Each coding's length in characters, when asked for. */
  readonly lengths: Int32Array | null;
  /** Each coding's informant, when asked for: see {@link informantsOfDocument}. */
  readonly informants: Int32Array | null;
  /** How many informants there are (their indexes run from 0). */
  readonly informantCount: number;
}

/** Every coding's document, and its length or informant when asked for, in one pass over the (document_id, start_offset, end_offset) index. */
function codingFacts(raw: BetterSqlite3.Database, of: ReadonlyMap<string, readonly number[]>, fact: CodingFact): CodingFacts {
  const size = ((statement(raw, 'SELECT max(rowid) FROM codings').pluck().get() as number | null) ?? 0) + 1;
  const documentIds: string[] = [];
  const documentOf = new Int32Array(size).fill(-1);
  const lengths = fact === 'chars' ? new Int32Array(size) : null;
  const informants = fact === 'informants' ? new Int32Array(size).fill(-1) : null;
  const informantsOf = fact === 'informants' ? informantsOfDocument(raw, of) : null;
  let informantCount = 0;
  const value = fact === 'chars' ? ', group_concat(end_offset - start_offset)' : fact === 'informants' ? ', group_concat(start_offset)' : '';
  const sql = `SELECT document_id, group_concat(rowid)${value} FROM codings GROUP BY document_id`;
  for (const [documentId, rowidList, valueList] of statement(raw, sql).raw().iterate() as IterableIterator<[string, string, string?]>) {
    const d = documentIds.push(documentId) - 1;
    const rowids = integers(rowidList);
    for (const rowid of rowids) documentOf[rowid] = d;
    if (valueList === undefined) continue;
    const values = integers(valueList);
    if (lengths) rowids.forEach((rowid, i) => (lengths[rowid] = values[i]!));
    const informantAt = informantsOf?.(documentId);
    if (!informants || !informantAt) continue;
    for (let i = 0; i < rowids.length; i++) {
      const informant = informantAt(values[i]!);
      informants[rowids[i]!] = informant;
      if (informant >= informantCount) informantCount = informant + 1;
    }
  }
  return { documentIds, documentOf, lengths, informants, informantCount };
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
