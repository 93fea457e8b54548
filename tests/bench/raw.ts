/**
 * The raw baselines: each question the bench asks through the contract, answered instead by
 * hand-written SQL on a plain better-sqlite3 connection to the same file. The ratio ours/raw is
 * the cost of everything between a caller and SQLite (validation, the host's queue, kysely,
 * mapping rows to records, the change log's bookkeeping). These deliberately return plain rows
 * and do only what the question needs, as a developer writing SQL by hand would.
 */
import BetterSqlite3 from 'better-sqlite3';

type Row = Record<string, unknown>;

/** Same settings as the core's connection, so the comparison is SQLite against SQLite. */
export function openRaw(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * "Open the project to its first view": a fresh connection, then the document list (with each
 * document's case links, coding and needs-review counts) and the codebook with its counts.
 */
export function rawFirstView(file: string): { documents: number; codes: number } {
  const db = openRaw(file);
  try {
    const documents = db
      .prepare(
        `SELECT d.id, d.kind, d.title, d.language, d.date_start, d.date_end, d.date_precision, d.interviewer_ids,
                d.source_file_name, d.current_revision_id, d.created_at, r.number, r.length
           FROM documents d JOIN revisions r ON r.id = d.current_revision_id ORDER BY d.title`,
      )
      .all();
    db.prepare('SELECT document_id, case_id FROM document_cases').raw().all();
    db.prepare("SELECT document_id, count(*), sum(status = 'needs_review') FROM codings GROUP BY document_id").raw().all();
    const codes = db.prepare('SELECT * FROM codes ORDER BY ord').all();
    db.prepare('SELECT code_id, count(*), count(DISTINCT document_id) FROM codings GROUP BY code_id').raw().all();
    return { documents: documents.length, codes: codes.length };
  } finally {
    db.close();
  }
}

/** A plain connection with its statements prepared once, as hand-written code would keep them. */
export class RawConnection {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    readonly db: BetterSqlite3.Database,
    protected readonly actorId: string,
  ) {}

  protected sql(text: string): BetterSqlite3.Statement {
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }
}

/** The query baselines. */
export class RawBaseline extends RawConnection {
  /** One document with its text, paragraphs, codings, cases, speakers and attributes. */
  document(id: string): { text: string; codings: number } {
    const doc = this.sql(
      `SELECT d.*, r.number, r.length, r.text FROM documents d JOIN revisions r ON r.id = d.current_revision_id WHERE d.id = ?`,
    ).get(id) as (Row & { text: string; current_revision_id: string }) | undefined;
    if (!doc) throw new Error(`raw: no document ${id}`);
    this.sql('SELECT start_offset, end_offset, kind, speaker, timestamp FROM segments WHERE revision_id = ? ORDER BY ord').raw().all(doc.current_revision_id);
    const codings = this.sql('SELECT * FROM codings WHERE document_id = ? AND revision_id = ? ORDER BY start_offset').all(id, doc.current_revision_id);
    this.sql('SELECT case_id FROM document_cases WHERE document_id = ?').raw().all(id);
    this.sql('SELECT speaker, case_id FROM speaker_links WHERE document_id = ? ORDER BY speaker').raw().all(id);
    this.sql('SELECT attribute_id, value FROM attribute_values WHERE entity_id = ?').raw().all(id);
    return { text: doc.text, codings: codings.length };
  }

  /** A page of one code's codings with their words and 60 characters of context, sliced from the revisions' texts. */
  codingsOfCode(codeId: string, limit: number, offset = 0): Row[] {
    return this.withText(this.sql('SELECT * FROM codings WHERE code_id = ? ORDER BY document_id, start_offset LIMIT ? OFFSET ?').all(codeId, limit, offset) as Row[]);
  }

  /** Every coding with its words and context, in document order. */
  allCodings(limit: number): number {
    return this.withText(this.sql('SELECT * FROM codings ORDER BY document_id, start_offset LIMIT ?').all(limit) as Row[]).length;
  }

  /** What the core does for every coding it returns: read the revision's text once, slice quote and context. */
  private withText(rows: Row[]): Row[] {
    const texts = new Map<string, string>();
    const text = (revisionId: string): string => {
      let t = texts.get(revisionId);
      if (t === undefined) {
        t = this.sql('SELECT text FROM revisions WHERE id = ?').pluck().get(revisionId) as string;
        texts.set(revisionId, t);
      }
      return t;
    };
    return rows.map((row) => {
      const t = text(String(row.revision_id));
      const start = Number(row.start_offset);
      const end = Number(row.end_offset);
      return { ...row, quote: row.quote ?? t.slice(start, end), before: t.slice(Math.max(0, start - 60), start), after: t.slice(end, end + 60) };
    });
  }

  /**
   * Code × case-type matrix in one statement: each document counts for the cases of the type it is
   * linked to or sits inside (a shop's or informant's document counts for its enterprise), as in
   * reports.matrix. `documents` counts distinct documents, `codings` counts codings.
   */
  matrix(typeId: string, measure: 'codings' | 'documents'): { rows: number; cells: number } {
    const aggregate = measure === 'codings' ? 'count(*)' : 'count(DISTINCT c.document_id)';
    const cells = this.sql(
      `WITH RECURSIVE up(case_id, ancestor) AS (
         SELECT id, id FROM cases
         UNION ALL
         SELECT up.case_id, c.parent_id FROM up JOIN cases c ON c.id = up.ancestor WHERE c.parent_id IS NOT NULL
       ),
       column_of(document_id, column_id) AS (
         SELECT DISTINCT dc.document_id, up.ancestor
           FROM document_cases dc JOIN up ON up.case_id = dc.case_id JOIN cases col ON col.id = up.ancestor
          WHERE col.type_id = ?
       )
       SELECT c.code_id, k.column_id, ${aggregate} FROM codings c JOIN column_of k ON k.document_id = c.document_id
        GROUP BY c.code_id, k.column_id`,
    ).raw().all(typeId) as [string, string, number][];
    const codes = this.sql('SELECT id, name, parent_id FROM codes WHERE archived = 0 ORDER BY ord').raw().all() as [string, string, string | null][];
    const columns = this.sql('SELECT id, name FROM cases WHERE type_id = ? ORDER BY ord').raw().all(typeId) as [string, string][];
    const rowOf = new Map(codes.map(([id], i) => [id, i]));
    const colOf = new Map(columns.map(([id], i) => [id, i]));
    const grid = codes.map(() => new Array<number>(columns.length).fill(0));
    for (const [code, column, n] of cells) {
      const r = rowOf.get(code);
      const c = colOf.get(column);
      if (r !== undefined && c !== undefined) grid[r]![c] = n;
    }
    return { rows: grid.length, cells: cells.length };
  }

  /**
   * Code × (case, quarter) matrix in one statement: as `matrix`, each column split by the quarter
   * of its documents' dates (undated ones apart), as reports.matrix with `period: 'quarter'`.
   */
  matrixByQuarter(typeId: string): { rows: number; cells: number } {
    const cells = this.sql(
      `WITH RECURSIVE up(case_id, ancestor) AS (
         SELECT id, id FROM cases
         UNION ALL
         SELECT up.case_id, c.parent_id FROM up JOIN cases c ON c.id = up.ancestor WHERE c.parent_id IS NOT NULL
       ),
       column_of(document_id, column_id) AS (
         SELECT DISTINCT dc.document_id, up.ancestor || '|' || coalesce(substr(d.date_start, 1, 4) || '-Q' || ((CAST(substr(d.date_start, 6, 2) AS INTEGER) + 2) / 3), 'undated')
           FROM document_cases dc JOIN up ON up.case_id = dc.case_id JOIN cases col ON col.id = up.ancestor JOIN documents d ON d.id = dc.document_id
          WHERE col.type_id = ?
       )
       SELECT c.code_id, k.column_id, count(*) FROM codings c JOIN column_of k ON k.document_id = c.document_id
        GROUP BY c.code_id, k.column_id`,
    ).raw().all(typeId) as [string, string, number][];
    const codes = this.sql('SELECT id FROM codes WHERE archived = 0 ORDER BY ord').pluck().all() as string[];
    const columns = [...new Set(cells.map(([, column]) => column))].sort();
    const rowOf = new Map(codes.map((id, i) => [id, i]));
    const colOf = new Map(columns.map((id, i) => [id, i]));
    const grid = codes.map(() => new Array<number>(columns.length).fill(0));
    for (const [code, column, n] of cells) {
      const r = rowOf.get(code);
      if (r !== undefined) grid[r]![colOf.get(column)!] = n;
    }
    return { rows: grid.length, cells: cells.length };
  }

  /** Codings and documents per code. */
  frequencies(): number {
    this.sql('SELECT id, name, parent_id FROM codes WHERE archived = 0 ORDER BY ord').raw().all();
    return this.sql('SELECT code_id, count(*), count(DISTINCT document_id) FROM codings GROUP BY code_id').raw().all().length;
  }

  /** The codebook as CSV text, quoting by hand. */
  codebookCsv(): string {
    const rows = this.sql('SELECT c.name, p.name AS parent, c.color, c.definition, c.inclusion, c.exclusion, c.example FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.ord').raw().all() as (string | null)[][];
    const cell = (v: string | null): string => (v === null ? '' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return ['name,parent,color,definition,inclusion,exclusion,example', ...rows.map((r) => r.map(cell).join(','))].join('\n');
  }

  /** Counts matches of a regular expression over every document's current text (auto-code preview). */
  countMatches(regex: RegExp): { matches: number; documents: number } {
    let matches = 0;
    let documents = 0;
    for (const text of this.sql('SELECT r.text FROM documents d JOIN revisions r ON r.id = d.current_revision_id').pluck().iterate() as IterableIterator<string>) {
      const n = text.toLowerCase().match(regex)?.length ?? 0;
      matches += n;
      if (n > 0) documents++;
    }
    return { matches, documents };
  }
}
