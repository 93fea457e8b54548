import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { newProject, openAgain, rewindToSchema, seed } from './support';
import { twoCopies } from './exchange-support';

describe('operation summaries in the reader’s language', () => {
  it('stores a mutation’s summary as a key and values beside its English, and history.list returns both', async () => {
    const { client, file } = await newProject();
    const s = await seed(client);
    await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: s.text.indexOf('Опоздал'), end: s.text.indexOf(' Это у нас') });

    const quote = s.text.slice(s.text.indexOf('Опоздал'), s.text.indexOf(' Это у нас')).slice(0, 60);
    const [coded] = await client.call('history.list', { limit: 1 });
    expect(coded).toMatchObject({
      method: 'codings.apply',
      summary: `Coded "${quote}" as Type 2: personal dependence`,
      described: { key: 'codings.apply', values: { quote, code: 'Type 2: personal dependence' } },
    });

    // Undo names what it undid by the same key, so the notice can say it in Russian too.
    const { entry } = await client.call('history.undo', {});
    expect(entry.described).toEqual(coded!.described);
    const [undo] = await client.call('history.list', { limit: 1 });
    expect(undo).toMatchObject({ kind: 'undo', summary: `Undid: ${coded!.summary}`, described: { key: 'history.undo', values: { summary: coded!.described } } });

    const db = new BetterSqlite3(file, { readonly: true });
    const row = db.prepare("SELECT summary, summary_key, summary_values FROM operations WHERE method = 'codings.apply'").get() as Record<string, string>;
    db.close();
    expect(row.summary_key).toBe('codings.apply');
    expect(JSON.parse(row.summary_values!)).toEqual(coded!.described!.values);
  });

  it('lists an operation of a project from before summaries had keys by its English text, and undoes it naming that text', async () => {
    const { client, file, core } = await newProject();
    await client.call('codes.create', { name: 'Trust' });
    await core.dispose();
    rewindToSchema(file, 12);

    const again = await openAgain(file);
    const [created] = await again.client.call('history.list', { limit: 1 });
    expect(created).toMatchObject({ method: 'codes.create', summary: 'Created the code "Trust"', described: null });

    const { entry } = await again.client.call('history.undo', {});
    expect(entry).toMatchObject({ summary: 'Created the code "Trust"', described: null });
    const [undo] = await again.client.call('history.list', { limit: 1 });
    expect(undo).toMatchObject({ summary: 'Undid: Created the code "Trust"', described: { key: 'history.undo', values: { summary: 'Created the code "Trust"' } } });
  });

  it('shows a stored key this version does not know by its English text', async () => {
    const { client, file, core } = await newProject();
    await client.call('codes.create', { name: 'Trust' });
    await core.dispose();
    const db = new BetterSqlite3(file);
    db.prepare("UPDATE operations SET summary_key = 'codes.teleport' WHERE method = 'codes.create'").run();
    db.close();

    const again = await openAgain(file);
    expect((await again.client.call('history.list', { limit: 1 }))[0]).toMatchObject({ summary: 'Created the code "Trust"', described: null });
  });

  it('gives the reasons of a codebook history exported in Russian in Russian, and an older operation’s in its English', async () => {
    const { client, file, core } = await newProject();
    const trust = await client.call('codes.create', { name: 'Trust' });
    await core.dispose();
    rewindToSchema(file, 12); // the code was created by an older Quire
    const again = await openAgain(file);
    await again.client.call('codes.update', { id: trust.id, name: 'Доверие' });

    const exported = async (language: 'en' | 'ru') => {
      const out = await again.client.call('export.codebookHistory', { format: 'csv', codeId: trust.id, language });
      return Buffer.from(out.data!, 'base64').toString('utf8');
    };
    const russian = await exported('ru');
    expect(russian).toContain('Код «Trust» переименован в «Доверие»');
    expect(russian).toContain('"Created the code ""Trust"""');
    expect(await exported('en')).toContain('Renamed the code ""Trust"" to ""Доверие""');
  });

  it('merges a colleague’s copy saved before summaries had keys, and names the merge by its key', async () => {
    const { a, b, seeded } = await twoCopies();
    await b.client.call('codes.update', { id: seeded.paternalism.id, definition: 'Management as guardian' });
    await b.core.dispose();
    rewindToSchema(b.file, 12);

    await a.client.call('exchange.merge', { path: b.file });
    const [merged] = await a.client.call('history.list', { limit: 1 });
    expect(merged).toMatchObject({
      method: 'exchange.merge',
      summary: 'Merged Олег Ким’s work: 2 operations, 0 new codings, 0 to review',
      described: { key: 'exchange.merged', values: { from: 'Олег Ким', operations: 2, codings: 0, conflicts: 0 } },
    });
    expect((await a.client.call('codes.list', {})).find((c) => c.id === seeded.paternalism.id)?.definition).toBe('Management as guardian');
  });
});
