/** Full-text search (search.query), beside hand-written SQL over the same FTS5 tables. */
import type BetterSqlite3 from 'better-sqlite3';
import { refreshSearchIndex } from '../../src-main/core/db/search-index';
import { stemOf } from '../../src-main/core/db/search-words';
import { BUDGET_MS } from './budgets';
import { rotate, spread } from './pick';
import type { ResultRow } from './rows';
import { progress } from './log';
import { measured } from './rows';
import type { Session } from './session';
import { measure, timeOnce } from './timing';

/** Words of the corpus with how many passages have them, from the index's own vocabulary. */
function vocabulary(db: BetterSqlite3.Database): { word: string; rows: number }[] {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_words USING fts5vocab(main, 'search_words', 'row')");
  return db.prepare("SELECT term AS word, doc AS rows FROM temp.bench_words WHERE length(term) >= 4 AND term GLOB '*[а-я]*' AND doc >= 3").all() as { word: string; rows: number }[];
}

/**
 * The raw baseline of one search: the words of the vocabulary with the word's stem, the passages
 * of current revisions with any of them, the first 100 read with 60 characters around the word,
 * and the rows counted: what the core does, without its parser, matcher and citations.
 */
function rawSearch(db: BetterSqlite3.Database, stem: string): number {
  const terms = db.prepare('SELECT term FROM search_terms WHERE stem = ?').pluck().all(stem) as string[];
  const match = terms.map((t) => `"${t}"`).join(' OR ') || '""';
  const rows = db
    .prepare(
      `SELECT c.id, s.revision_id, seg.start_offset, seg.end_offset FROM (SELECT rowid AS id FROM search_words WHERE search_words MATCH ?) c
         JOIN search_sources s ON s.id = (SELECT max(id) FROM search_sources WHERE id <= c.id)
         JOIN documents d ON d.current_revision_id = s.revision_id
         JOIN segments seg ON seg.revision_id = s.revision_id AND seg.ord = c.id - s.id
        ORDER BY c.id LIMIT 100`,
    )
    .all(match) as { revision_id: string; start_offset: number; end_offset: number }[];
  const text = db.prepare('SELECT text FROM revisions WHERE id = ?').pluck();
  const texts = new Map<string, string>();
  let chars = 0;
  for (const r of rows) {
    let t = texts.get(r.revision_id);
    if (t === undefined) {
      t = text.get(r.revision_id) as string;
      texts.set(r.revision_id, t);
    }
    chars += t.slice(Math.max(0, r.start_offset - 60), r.end_offset + 60).length;
  }
  db.prepare(`SELECT count(*) FROM search_words WHERE search_words MATCH ?`).pluck().get(match);
  return chars;
}

/** The search rows; `rebuild` also times building the whole index once (it writes, so it comes last). */
export async function searchRows(s: Session, rebuild = true, rotation = 20): Promise<{ rows: ResultRow[]; extra: ResultRow[] }> {
  progress('search.query');
  const words = vocabulary(s.raw.db);
  if (words.length === 0) throw new Error('The project has no indexed words to search for.');
  const picked = spread(words, rotation, (w) => w.rows);
  const stems = picked.map((w) => stemOf(w.word));
  const query = (word: string) => s.client.call('search.query', { query: word, limit: 100 });
  const probe = await Promise.all(picked.map((w) => query(w.word)));
  const range = (xs: number[]): string => `${Math.min(...xs).toLocaleString('en-US')}–${Math.max(...xs).toLocaleString('en-US')}`;
  const commonest = words.reduce((a, b) => (b.rows > a.rows ? b : a));
  const commonestStem = stemOf(commonest.word);
  const commonestProbe = await query(commonest.word);
  const rows: ResultRow[] = [
    measured(
      'full-text search, top 100 with snippets',
      `search.query {query, limit 100}; ${picked.length} words in turn, ${range(picked.map((w) => w.rows))} passages, ${range(probe.map((p) => p.total))} hits`,
      BUDGET_MS.search,
      await measure(s.plans('query'), (i) => query(rotate(picked, i).word)),
      await measure(s.plans('query'), (i) => rawSearch(s.raw.db, rotate(stems, i))),
    ),
    measured(
      '  … the commonest word',
      `search.query {query: '${commonest.word}', limit 100}; ${commonest.rows.toLocaleString('en-US')} passages, ${commonestProbe.exact ? '' : '~'}${commonestProbe.total.toLocaleString('en-US')} hits`,
      BUDGET_MS.search,
      await measure(s.plans('query'), () => query(commonest.word)),
      await measure(s.plans('query'), () => rawSearch(s.raw.db, commonestStem)),
    ),
  ];
  const phrases = picked.slice(0, 10).map((w) => w.word.slice(1, 6));
  const extra: ResultRow[] = [
    measured(
      'substring search, top 100',
      `search.query {mode: 'substring', limit 100}; ${phrases.length} pieces of words in turn`,
      BUDGET_MS.search,
      await measure(s.plans('query'), (i) => s.client.call('search.query', { query: rotate(phrases, i), mode: 'substring', limit: 100 })),
      null,
    ),
  ];
  if (!rebuild) return { rows, extra };
  // Building the index, as on the first open of a project from before search (once; it writes).
  progress('rebuilding the search index');
  const built = await timeOnce(() => refreshSearchIndex(s.raw.db, true));
  // Fold the rebuild's WAL into the file now, or the next write through the core would pay for it.
  s.raw.db.pragma('wal_checkpoint(TRUNCATE)');
  extra.push(
    measured(
      'build the search index (first open after the upgrade)',
      `${s.documents.length.toLocaleString('en-US')} documents, every revision and memo`,
      null,
      { n: 1, median: built.ms, p95: built.ms, min: built.ms, max: built.ms },
      null,
    ),
  );
  return { rows, extra };
}
