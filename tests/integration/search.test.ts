import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CoreEvent, InputOf, QuireClient, SearchResult } from '../../src-shared/contract';
import { QuireError } from '../../src-shared/contract';
import { generateSample } from '../../fixtures/sample';
import { loadSample } from '../../fixtures/sample/load';
import { newProject, openAgain, rewindToSchema, seed } from './support';
import { stemOf } from '../../src-main/core/db/search-words';
import { SEARCH_INDEX_STEP, searchIndexStep, startSearchIndex } from '../../src-main/core/db/search-index';
import { Core } from '../../src-main/core/host';

const find = (client: QuireClient, query: string, more: Omit<InputOf<'search.query'>, 'query'> = {}): Promise<SearchResult> =>
  client.call('search.query', { query, limit: 1000, ...more });

/** The matched words, folded for comparing. */
const matches = (r: SearchResult): string[] => r.hits.map((h) => h.match);

/** Checks every hit's offsets against the texts they point into. */
async function expectExactOffsets(client: QuireClient, r: SearchResult): Promise<void> {
  for (const hit of r.hits) {
    const text = hit.kind === 'document' ? (await client.call('documents.get', { id: hit.documentId! })).text : (await client.call('memos.get', { id: hit.memoId! }))!.text;
    expect(text.slice(hit.start, hit.end)).toBe(hit.match);
    expect(text.slice(hit.start - hit.before.length, hit.start)).toBe(hit.before);
    expect(text.slice(hit.end, hit.end + hit.after.length)).toBe(hit.after);
  }
}

/**
 * FTS5's own check of its indexes; words by segment, from sources that exist; every word in the
 * vocabulary with its stem; every revision and memo indexed.
 */
function expectIndexIntact(file: string): void {
  const db = new BetterSqlite3(file);
  try {
    const rowids = (table: string): number[] => db.prepare(`SELECT rowid FROM ${table} ORDER BY rowid`).pluck().all() as number[];
    for (const table of ['search_words', 'search_term_trigrams']) db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 0)`).run();
    const words = rowids('search_words');
    // Every row in its source's run of rowids, and the runs apart.
    const sources = db.prepare('SELECT id, rows FROM search_sources ORDER BY id').all() as { id: number; rows: number }[];
    const owned = (rowid: number): boolean => sources.some((s) => rowid >= s.id && rowid < s.id + s.rows);
    expect(words.filter((rowid) => !owned(rowid))).toEqual([]);
    sources.forEach((s, i) => i > 0 && expect(s.id).toBeGreaterThanOrEqual(sources[i - 1]!.id + sources[i - 1]!.rows));
    expect(db.prepare("SELECT count(*) FROM revisions WHERE id NOT IN (SELECT revision_id FROM search_sources WHERE revision_id IS NOT NULL)").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM memos WHERE text <> '' AND id NOT IN (SELECT memo_id FROM search_sources WHERE memo_id IS NOT NULL)").pluck().get()).toBe(0);
    db.exec("CREATE VIRTUAL TABLE temp.indexed USING fts5vocab(main, 'search_words', 'row')");
    expect(db.prepare('SELECT count(*) FROM temp.indexed WHERE term NOT IN (SELECT term FROM search_terms)').pluck().get()).toBe(0);
    const stems = db.prepare('SELECT term, stem FROM search_terms').all() as { term: string; stem: string }[];
    expect(stems.filter((t) => stemOf(t.term) !== t.stem)).toEqual([]);
  } finally {
    db.close();
  }
}

const NOTE = [
  'Доверие к институтам падает: люди не верят ни директору, ни профкому.',
  'Респонденты говорят о ДОВЕРИИ к мастеру и о заводе «Луч». Ёлка на проходной, ёлочные игрушки.',
  'The respondents trusted the factory director; one respondent did not.',
  'Сверхурочные и перевыполнение плана.',
].join('\n');

async function project() {
  const opened = await newProject();
  const seeded = await seed(opened.client);
  const note = await opened.client.call('documents.create', { title: 'Заметка о доверии', kind: 'field_note', date: '1994-03-12', text: NOTE, caseIds: [seeded.rings.id] });
  return { ...opened, ...seeded, note };
}

describe('full-text search', () => {
  it('folds case and ё/е in Cyrillic, and the hit offsets and context are exact', async () => {
    const { client, note } = await project();
    expect(matches(await find(client, 'ДОВЕРИЕ'))).toEqual(['Доверие', 'ДОВЕРИИ']);
    expect(matches(await find(client, 'елка'))).toEqual(['Ёлка']);
    expect(matches(await find(client, 'ЁЛКА'))).toEqual(['Ёлка']);
    const result = await find(client, 'доверие');
    expect(result.hits[0]).toMatchObject({ kind: 'document', documentId: note.id, title: 'Заметка о доверии', start: 0, end: 7, before: '' });
    expect(result.hits[0]!.citation).toBe('Заметка о доверии (field note, March 12, 1994; Кольца)');
    expect((await find(client, 'доверие', { locale: 'ru' })).hits[0]!.citation).toBe('Заметка о доверии (полевая заметка, 12 марта 1994 г.; Кольца)');
    await expectExactOffsets(client, result);
    await expectExactOffsets(client, await find(client, 'мастер OR калым OR respondent'));
  });

  it('matches words by their stem in Russian and English', async () => {
    const { client } = await project();
    expect(matches(await find(client, 'доверию'))).toEqual(['Доверие', 'ДОВЕРИИ']);
    expect(matches(await find(client, 'респондент'))).toEqual(['Респонденты']);
    expect(matches(await find(client, 'respondent'))).toEqual(['respondents', 'respondent']);
    expect(matches(await find(client, 'trust'))).toEqual(['trusted']);
    // an implicit AND: both words in one passage
    expect(matches(await find(client, 'директор доверие'))).toEqual(['Доверие', 'директору']);
  });

  it('finds exact phrases, prefixes and Boolean combinations, in English or Russian operators', async () => {
    const { client } = await project();
    expect(matches(await find(client, '"о заводе"'))).toEqual(['о заводе']);
    expect((await find(client, '"о заводах"')).total).toBe(0); // a phrase is exact
    expect(matches(await find(client, '«к институтам»'))).toEqual(['к институтам']);
    expect(matches(await find(client, 'ёлоч*'))).toEqual(['ёлочные']);
    expect(matches(await find(client, 'сверх*'))).toEqual(['Сверхурочные']);
    const both = await find(client, 'мастер AND калым');
    expect(matches(both)).toEqual(['Мастер', 'калым']);
    expect(matches(await find(client, 'мастер И калым'))).toEqual(matches(both));
    expect(matches(await find(client, 'калым OR профком'))).toEqual(['калым', 'профкому']); // documents in the order they were added
    expect(matches(await find(client, 'калым ИЛИ профком'))).toEqual(['калым', 'профкому']);
    // NOT leaves out passages; the words after it are never marked
    const without = await find(client, 'мастер NOT калым');
    expect(without.hits.map((h) => h.before.slice(-10) + h.match)).toEqual(['Опоздал — мастер', 'ДОВЕРИИ к мастеру']);
    expect((await find(client, 'мастер НЕ калым')).total).toBe(2);
    // lower-case "не" and "и" are words, not operators
    expect(matches(await find(client, 'не верят'))).toEqual(['не', 'верят']);
    expect(matches(await find(client, '(калым OR квартиры) AND (мастер OR директор)'))).toEqual(['Мастер', 'калым', 'Директор', 'квартиры']);
  });

  it('finds text inside words in substring mode, and explains when the text is too short', async () => {
    const { client } = await project();
    const inside = await find(client, 'ВЕРИ', { mode: 'substring' });
    expect(matches(inside)).toEqual(['вери', 'ВЕРИ']);
    await expectExactOffsets(client, inside);
    expect(matches(await find(client, 'урочн', { mode: 'substring' }))).toEqual(['урочн']);
    expect(matches(await find(client, 'ёлк', { mode: 'substring' }))).toEqual(['Ёлк']);
    expect(matches(await find(client, 'от и п', { mode: 'substring' }))).toEqual(['от и п']); // across words
    // The end of a word, a whole word, the start of one: each found through the vocabulary.
    expect(matches(await find(client, 'урочные и пере', { mode: 'substring' }))).toEqual(['урочные и пере']);
    expect(matches(await find(client, 'RECTOR;', { mode: 'substring' }))).toEqual(['rector;']);
    expect((await find(client, 'урочные и плана', { mode: 'substring' })).total).toBe(0);
    expect((await find(client, 'зщщ', { mode: 'substring' })).total).toBe(0);
    await expect(find(client, 'ab', { mode: 'substring' })).rejects.toThrow(/at least 3 characters/);

    // A long text: offsets stay exact on every line, also on a line of 2,000 characters; text
    // without letters is looked for in every passage.
    const lines = Array.from({ length: 40 }, (_, i) => `Строка ${i}: ${'текст '.repeat(i === 30 ? 330 : 15)}конец${i}.`);
    const long = await client.call('documents.create', { title: 'Длинный', text: lines.join('\n') });
    const ends = await find(client, 'конец3', { mode: 'substring' });
    expect(ends.hits.map((h) => h.match)).toEqual(Array.from({ length: 11 }, () => 'конец3'));
    await expectExactOffsets(client, ends);
    expect(ends.hits.map((h) => h.after.slice(0, 2))).toEqual(['.\n', '0.', '1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
    expect(ends.hits.every((h) => h.documentId === long.id)).toBe(true);
    await client.call('documents.create', { title: 'Знаки', text: 'Что?!. Да.\n\n?!.' });
    const marks = await find(client, '?!.', { mode: 'substring' });
    expect(marks.hits.map((h) => h.match)).toEqual(['?!.', '?!.']);
    await expectExactOffsets(client, marks);
  });

  it('codes the hits of a substring search, or their whole turns', async () => {
    const { client, paternalism, interview, text } = await project();
    expect(await client.call('search.codeHits', { query: 'ОПОЗД', mode: 'substring', codeId: paternalism.id, extent: 'segment' })).toEqual({ created: 2, matches: 2 });
    const spans = (await client.call('codings.list', { codeId: paternalism.id })).map((c) => text.slice(c.start, c.end));
    expect(spans.sort()).toEqual(['И: А если кто-то опоздал?', 'Р: Опоздал — мастер закроет глаза, но потом ты ему должен. Это у нас все знают.']);
    await client.call('history.undo', {});
    expect(await client.call('search.codeHits', { query: 'опозд', mode: 'substring', codeId: paternalism.id, scope: 'all' })).toEqual({ created: 2, matches: 2 });
    const words = await client.call('codings.list', { codeId: paternalism.id, documentId: interview.id });
    expect(words.map((c) => text.slice(c.start, c.end))).toEqual(['опозд', 'Опозд']);
  });

  it('never lets a hostile query reach SQL: odd input is words or a plain-worded error', async () => {
    const { client } = await project();
    const hostile = ['"', '*', 'NEAR(', 'NEAR(a b)', 'col:', 'body:доверие', 'stems : "довер"', '"unclosed', 'a"b', '^доверие', '-', '(', ')', '()', 'AND', 'OR доверие', 'доверие NOT', 'NOT доверие', '"; DROP TABLE search_rows; --', "'", '\u0000', '{body} : x', 'доверие + калым', 'constructor', 'toString', '__proto__', 'and', 'ИЛИ'];
    for (const query of hostile) {
      for (const mode of ['words', 'substring'] as const) {
        try {
          await find(client, query, { mode });
        } catch (error) {
          expect(error, `${mode} "${query}"`).toBeInstanceOf(QuireError);
          expect((error as QuireError).code, `${mode} "${query}": ${(error as Error).message}`).toBe('invalid_pattern');
          expect((error as Error).message).not.toMatch(/fts5|sqlite|syntax error/i);
        }
      }
    }
    expect((await find(client, 'body:доверие')).total).toBe(0); // the words “body доверие” side by side, which no text has
    expect(matches(await find(client, 'ИТ-директору'))).toEqual([]);
    await expect(find(client, 'NOT доверие')).rejects.toThrow(/needs a word or phrase on each side/);
    await expect(find(client, '(доверие')).rejects.toThrow(/not closed/);
    await expect(find(client, '"not"')).resolves.toMatchObject({ total: 1 }); // "did not"
    expect((await find(client, '   ')).total).toBe(0);
  });

  it('searches memos, within the chosen scope and filters', async () => {
    const { client, note, interview, mine } = await project();
    const memo = await client.call('memos.create', { targetType: 'document', targetId: interview.id, title: 'О доверии', text: 'Первая строка.\nДоверие к мастеру держится на калыме.' });
    const all = await find(client, 'доверие');
    expect(all).toMatchObject({ total: 3, documentHits: 2, documents: 1, memos: 1 });
    const memoHit = all.hits[2]!;
    expect(memoHit).toMatchObject({ kind: 'memo', memoId: memo.id, title: 'О доверии', start: 15, end: 22, match: 'Доверие', before: 'Первая строка.\n' });
    expect(memoHit.citation).toMatch(/^Memo “О доверии” \(Ирина Соколова, .*; on “Интервью с мастером, Кольца”\)$/);
    await expectExactOffsets(client, all);
    expect((await find(client, 'доверие', { scope: 'memos' })).total).toBe(1);
    expect((await find(client, 'доверие', { scope: 'documents' })).total).toBe(2);
    // filters narrow documents, and memos by the document they are about
    expect((await find(client, 'доверие', { filters: { documentKinds: ['interview'] } })).hits.map((h) => h.kind)).toEqual(['memo']);
    expect((await find(client, 'доверие', { filters: { documentKinds: ['field_note'] } })).total).toBe(2);
    expect((await find(client, 'доверие', { filters: { dateFrom: '1994', dateTo: '1994-03' } })).total).toBe(2);
    expect((await find(client, 'доверие', { filters: { dateTo: '1993-12' } })).total).toBe(1); // the memo on the 1993 interview
    expect((await find(client, 'доверие', { filters: { language: 'en' } })).total).toBe(0);
    expect(matches(await find(client, 'калым', { filters: { caseIds: [note.caseIds[0]!] } }))).toEqual(['калым', 'калыме']); // the interview is linked to Кольца, the memo is about it
    expect((await find(client, 'калым', { filters: { caseIds: [mine.id] } })).total).toBe(0);
    // memo edits and deletes follow, also through undo and redo
    await client.call('memos.update', { id: memo.id, text: 'Калым, не доверие.' });
    expect((await find(client, 'доверие', { scope: 'memos' })).hits[0]).toMatchObject({ start: 10, match: 'доверие' });
    await client.call('memos.delete', { id: memo.id });
    expect((await find(client, 'доверие', { scope: 'memos' })).total).toBe(0);
    await client.call('history.undo', {});
    expect((await find(client, 'доверие', { scope: 'memos' })).total).toBe(1);
    await client.call('history.redo', {});
    expect((await find(client, 'доверие', { scope: 'memos' })).total).toBe(0);
  });

  it('follows edits of a document, deletes, undo and redo, and keeps its indexes consistent', async () => {
    const { client, file, note } = await project();
    await client.call('documents.revise', { id: note.id, text: NOTE.replace('Доверие к институтам падает', 'Вера в институты падает') });
    expect(matches(await find(client, 'доверие'))).toEqual(['ДОВЕРИИ']);
    const vera = await find(client, 'институты');
    expect(vera.hits[0]).toMatchObject({ start: 7, match: 'институты' });
    await expectExactOffsets(client, vera);
    expectIndexIntact(file);

    await client.call('history.undo', {}); // back to the first revision
    expect(matches(await find(client, 'доверие'))).toEqual(['Доверие', 'ДОВЕРИИ']);
    expect((await find(client, '"вера"')).total).toBe(0);
    expectIndexIntact(file);
    await client.call('history.redo', {});
    expect(matches(await find(client, 'доверие'))).toEqual(['ДОВЕРИИ']);
    expectIndexIntact(file);

    await client.call('documents.delete', { id: note.id, cascade: true });
    expect((await find(client, 'доверие')).total).toBe(0);
    expectIndexIntact(file);
    await client.call('history.undo', {}); // the document and both revisions come back
    expect(matches(await find(client, 'доверие'))).toEqual(['ДОВЕРИИ']);
    expectIndexIntact(file);

    // undoing the creation of a document (an insert) takes its words out of the index
    const created = await client.call('documents.create', { title: 'Новое', text: 'Уникальнейшее слово.' });
    expect((await find(client, 'уникальнейшее')).hits[0]?.documentId).toBe(created.id);
    await client.call('history.undo', {});
    expect((await find(client, 'уникальнейшее')).total).toBe(0);
    await client.call('history.redo', {});
    expect((await find(client, 'уникальнейшее')).total).toBe(1);
    expectIndexIntact(file);
  });

  it('codes every hit as one operation that one undo takes back', async () => {
    const { client, paternalism, note, interview } = await project();
    await client.call('memos.create', { targetType: 'project', title: 'Мастер', text: 'мастер' });
    const coded = await client.call('search.codeHits', { query: 'мастер', codeId: paternalism.id });
    expect(coded).toEqual({ created: 3, matches: 3 }); // the memo is not coded
    const codings = await client.call('codings.list', { codeId: paternalism.id });
    const words = await Promise.all(
      codings.map(async (c) => (await client.call('documents.get', { id: c.documentId })).text.slice(c.start, c.end)),
    );
    expect(words.sort()).toEqual(['Мастер', 'мастер', 'мастеру']);
    const history = await client.call('history.list', { limit: 1 });
    expect(history[0]!.summary).toBe('Coded 3 search hits for “мастер” as Paternalism');
    await client.call('history.undo', {});
    expect(await client.call('codings.list', { codeId: paternalism.id })).toEqual([]);

    // whole turns or paragraphs, once each, and coding again adds nothing
    const segments = await client.call('search.codeHits', { query: 'мастер OR калым', codeId: paternalism.id, extent: 'segment', scope: 'documents' });
    expect(segments).toEqual({ created: 3, matches: 4 });
    const spans = await client.call('codings.list', { codeId: paternalism.id });
    const texts = new Map([
      [note.id, (await client.call('documents.get', { id: note.id })).text],
      [interview.id, (await client.call('documents.get', { id: interview.id })).text],
    ]);
    for (const c of spans) expect(texts.get(c.documentId)!.slice(c.start, c.end)).toMatch(/^(Р: |Респонденты)[^\n]*$/);
    expect(await client.call('search.codeHits', { query: 'мастер OR калым', codeId: paternalism.id, extent: 'segment' })).toEqual({ created: 0, matches: 4 });
  });

  it('pages through the hits and counts them all', async () => {
    const { client } = await project();
    const all = await find(client, 'мастер OR доверие');
    expect(all.total).toBe(5);
    const page = await find(client, 'мастер OR доверие', { offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.hits).toEqual(all.hits.slice(2, 4));
  });

  it('replaces the larger index of schema 4 when a project is opened after the upgrade', async () => {
    const { client, file, core } = await project();
    const before = await find(client, 'доверие');
    const inside = await find(client, 'ВЕРИ', { mode: 'substring' });
    await core.dispose();

    // The project as schema 4 left it: stems and trigram tables, no vocabulary.
    rewindToSchema(file, 4);

    const again = await openAgain(file);
    expect(await find(again.client, 'доверие')).toEqual(before);
    expect(await find(again.client, 'ВЕРИ', { mode: 'substring' })).toEqual(inside);
    expectIndexIntact(file);
    const check = new BetterSqlite3(file);
    expect(check.prepare("SELECT name FROM sqlite_schema WHERE name IN ('search_stems', 'search_trigrams')").all()).toEqual([]);
    check.close();
  });

  it('builds a missing index in the background after opening, with progress, and says so to a search meanwhile', async () => {
    const { client, file, core } = await newProject();
    for (let i = 0; i < SEARCH_INDEX_STEP + 10; i++) await client.call('documents.create', { title: `Интервью ${i}`, text: `Р: Мастер номер ${i} говорит о доверии к директору.` });
    const before = await find(client, 'доверие');
    expect(before.total).toBe(SEARCH_INDEX_STEP + 10);
    await core.dispose();
    const db = new BetterSqlite3(file);
    db.exec("DELETE FROM derived_state WHERE name = 'search'"); // as a project from before this indexer
    db.close();

    const app = new Core({ indexInBackground: true });
    const events: CoreEvent[] = [];
    const finished = new Promise<void>((resolve) => app.on((e) => (events.push(e), e.type === 'changed' && e.method === 'search.index' && resolve())));
    const opened = app.client();
    try {
      await opened.call('project.open', { path: file, actor: { name: 'Ирина Соколова' } });
      const early = await opened.call('search.query', { query: 'доверие' }).catch((e: unknown) => e);
      expect(early).toBeInstanceOf(QuireError);
      expect((early as QuireError).code).toBe('index_building');
      expect((early as QuireError).message).toMatch(/The search index is being built after the upgrade \(0 of 35 texts done\)/);
      // Other calls are answered while it builds.
      expect(await opened.call('documents.list', {})).toHaveLength(SEARCH_INDEX_STEP + 10);
      await finished;
      const progress = events.filter((e) => e.type === 'progress');
      expect(progress.map((e) => e.type === 'progress' && [e.task, e.done, e.total])).toEqual([['searchIndex', SEARCH_INDEX_STEP, SEARCH_INDEX_STEP + 10], ['searchIndex', SEARCH_INDEX_STEP + 10, SEARCH_INDEX_STEP + 10]]);
      expect(await find(opened, 'доверие')).toEqual(before);
    } finally {
      await app.dispose();
    }
    expectIndexIntact(file);
  });

  it('finishes a background build that was interrupted when the project is opened again', async () => {
    const { client, file, core } = await newProject();
    for (let i = 0; i < SEARCH_INDEX_STEP + 5; i++) await client.call('documents.create', { title: `Заметка ${i}`, text: `Ёлка номер ${i}.` });
    await core.dispose();
    const db = new BetterSqlite3(file);
    expect(startSearchIndex(db, true)).toBe('building');
    expect(searchIndexStep(db, new Set()).finished).toBe(false); // one step, then the app was closed
    db.close();
    const again = await openAgain(file); // the command line's way: the rest built before it opens
    expect((await find(again.client, 'елка')).total).toBe(SEARCH_INDEX_STEP + 5);
    expectIndexIntact(file);
  });

  it('indexes an existing project once when it is opened (the sample), and the hits survive reopening', async () => {
    const { client, file, core } = await newProject();
    const sample = generateSample();
    await loadSample(client, sample);
    const word = 'директор';
    const before = await client.call('search.query', { query: word, limit: 5 });
    expect(before.total).toBeGreaterThan(20);
    await core.dispose();

    // Make it a project whose index is missing, as one from before search (or an older indexer).
    const db = new BetterSqlite3(file);
    db.exec('DELETE FROM search_sources');
    db.exec("DELETE FROM derived_state WHERE name = 'search'");
    const documents = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    db.close();

    const started = performance.now();
    const again = await openAgain(file);
    const ms = performance.now() - started;
    console.info(`Opening the sample (${documents} documents) with indexing took ${Math.round(ms)} ms.`);
    const after = await again.client.call('search.query', { query: word, limit: 5 });
    expect(after).toEqual(before);
    expectIndexIntact(file);

    // A common word: the page comes quickly and the figures are estimated, close to the real ones.
    const estimated = await again.client.call('search.query', { query: word, limit: 5 });
    expect(estimated.exact).toBe(false);
    const counted = await find(again.client, word, { limit: 10_000 });
    expect(counted.exact).toBe(true);
    expect(counted.hits).toHaveLength(counted.total);
    expect(Math.abs(estimated.total - counted.total) / counted.total).toBeLessThan(0.25);
    expect(estimated.documents).toBe(counted.documents); // rows of a word are counted exactly, by SQL
    expect(estimated.hits).toEqual(counted.hits.slice(0, 5));
  }, 300_000);
});
