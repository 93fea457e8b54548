import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openProjectFile } from '../../src-main/core/db/open';
import type { QuireClient } from '../../src-shared/contract';
import { newProject, openAgain, seed, tempFolder } from './support';

async function seeded() {
  const { client, file, core } = await newProject();
  const s = await seed(client);
  const role = await client.call('attributes.define', { name: 'Role', target: 'case', caseTypeId: s.informant.id, valueType: 'choice', choices: ['foreman', 'worker'] });
  await client.call('cases.update', { id: s.foreman.id, attributes: { [role.id]: 'foreman' } });
  const span = (words: string) => {
    const start = s.text.indexOf(words);
    return { start, end: start + words.length };
  };
  const code = async (words: string, codeId = s.paternalism.id) => client.call('codings.apply', { documentId: s.interview.id, codeId, ...span(words) });
  return { client, file, core, s, code, span };
}

const excerpts = async (client: QuireClient, codeId: string, language: 'en' | 'ru' = 'en') =>
  (await client.call('retrieval.run', { codeIds: [codeId], language })).excerpts;

describe('quote ids', () => {
  it('gives each coding a number and its document a key once, shown with excerpts and found again', async () => {
    const { client, s, code } = await seeded();
    const a = await code('Мастер даёт выгодную работу своим');
    await code('Директор у нас');
    const [first, second] = await excerpts(client, s.paternalism.id);
    expect(first!.quoteIds).toEqual(['KOL-INT-1993-06-001:q1']);
    expect(second!.quoteIds).toEqual(['KOL-INT-1993-06-001:q2']);
    const found = await client.call('codings.byQuoteId', { quoteId: 'kol-int-1993-06-001:q1' });
    expect(found).toMatchObject({ quoteId: 'KOL-INT-1993-06-001:q1', documentTitle: s.interview.title, coding: { id: a.id, quote: 'Мастер даёт выгодную работу своим' } });
    await expect(client.call('codings.byQuoteId', { quoteId: 'KOL-INT-1993-06-001:q9' })).rejects.toThrow(/No passage has the quote id/);
    await expect(client.call('codings.byQuoteId', { quoteId: 'Мастер' })).rejects.toThrow(/is not a quote id/);
  });

  it('makes keys from the enterprise’s pseudonym once it has one, and shows older keys under it while they still find their passage', async () => {
    const { client, s, code } = await seeded();
    const a = await code('Мастер даёт выгодную работу своим');
    expect((await excerpts(client, s.paternalism.id))[0]!.quoteIds).toEqual(['KOL-INT-1993-06-001:q1']);
    await client.call('pseudonyms.add', { kind: 'enterprise', realName: 'Кольца', pseudonym: 'Шестерня', caseId: s.rings.id });

    // The stored key stays; papers see the pseudonym's code, with the same number.
    expect((await client.call('documents.list', {})).find((d) => d.id === s.interview.id)!.quoteKey).toBe('KOL-INT-1993-06-001');
    const b = await code('Директор у нас');
    const shown = (await excerpts(client, s.paternalism.id)).map((e) => e.quoteIds[0]);
    expect(shown).toEqual(['SHE-INT-1993-06-001:q1', 'SHE-INT-1993-06-001:q2']);
    const file = Buffer.from((await client.call('export.extracts', { query: { codeIds: [s.paternalism.id] }, format: 'csv' })).data!, 'base64').toString('utf8');
    expect(file).toContain('SHE-INT-1993-06-001:q2');
    expect(file).not.toContain('KOL-');

    // Both the id cited before and the one shown now find the same passage, under the id shown.
    for (const id of ['KOL-INT-1993-06-001:q1', 'she-int-1993-06-001:q1']) {
      expect(await client.call('codings.byQuoteId', { quoteId: id })).toMatchObject({ quoteId: 'SHE-INT-1993-06-001:q1', coding: { id: a.id } });
    }
    expect((await client.call('codings.byQuoteId', { quoteId: 'SHE-INT-1993-06-001:q2' })).coding.id).toBe(b.id);

    // A new document of the enterprise is keyed from the pseudonym, numbered after the older key shown under it.
    const other = await client.call('documents.create', { title: 'Второе', kind: 'interview', date: '1993-06', text: 'Р: Ещё одно интервью.', caseIds: [s.rings.id] });
    const c = await client.call('codings.apply', { documentId: other.id, codeId: s.paternalism.id, start: 3, end: 7 });
    expect((await client.call('documents.list', {})).find((d) => d.id === other.id)!.quoteKey).toBe('SHE-INT-1993-06-002');
    expect((await client.call('codings.byQuoteId', { quoteId: 'SHE-INT-1993-06-002:q1' })).coding.id).toBe(c.id);

    // Without the pseudonym, the older key shows as stored again.
    const entry = (await client.call('pseudonyms.list', {}))[0]!;
    await client.call('pseudonyms.remove', { id: entry.id });
    expect((await excerpts(client, s.paternalism.id)).map((e) => e.quoteIds[0]).sort()).toEqual(['KOL-INT-1993-06-001:q1', 'KOL-INT-1993-06-001:q2', 'SHE-INT-1993-06-002:q1']);
  });

  it('numbers the next document of the same enterprise, kind and month on', async () => {
    const { client, s } = await seeded();
    const other = await client.call('documents.create', { title: 'Второе', kind: 'interview', date: '1993-06', text: 'Р: Ещё одно интервью.', caseIds: [s.rings.id] });
    await client.call('codings.apply', { documentId: s.interview.id, codeId: s.paternalism.id, start: 0, end: 5 });
    await client.call('codings.apply', { documentId: other.id, codeId: s.paternalism.id, start: 3, end: 7 });
    const keys = (await client.call('documents.list', {})).map((d) => d.quoteKey).sort();
    expect(keys).toEqual(['KOL-INT-1993-06-001', 'KOL-INT-1993-06-002']);
  });

  it('keeps quote ids through an edit of the text, never reuses a deleted number, and undo/redo bring the same ids back', async () => {
    const { client, s, code } = await seeded();
    const a = await code('Мастер даёт выгодную работу своим');
    const b = await code('мастер закроет глаза');
    const c = await code('Директор у нас');
    const ids = async () => Object.fromEntries((await excerpts(client, s.paternalism.id)).map((e) => [e.codingIds[0]!, e.quoteIds[0]!]));
    const before = await ids();
    expect(Object.values(before)).toEqual(['KOL-INT-1993-06-001:q1', 'KOL-INT-1993-06-001:q2', 'KOL-INT-1993-06-001:q3']);

    // An edit before the passages moves them; their ids stay.
    await client.call('documents.revise', { id: s.interview.id, text: `И: Вступление.\n${s.text}` });
    expect(await ids()).toEqual(before);

    // Deleting the last one: its number is not given again, even to the next coding.
    await client.call('codings.remove', { id: c.id });
    const d = await code('квартиры даёт');
    expect((await ids())[d.id]).toBe('KOL-INT-1993-06-001:q4');

    // Undo the new coding and the deletion: q3 is back, on the same passage.
    await client.call('history.undo', {});
    await client.call('history.undo', {});
    expect(await ids()).toEqual(before);
    await client.call('history.redo', {});
    await client.call('history.redo', {});
    expect(await ids()).toEqual({ [a.id]: before[a.id], [b.id]: before[b.id], [d.id]: 'KOL-INT-1993-06-001:q4' });
  });

  it('lets the key be changed in the document’s details, unique in the project', async () => {
    const { client, s, code } = await seeded();
    await code('Директор у нас');
    const other = await client.call('documents.create', { title: 'Второе', kind: 'field_note', text: 'Заметки.' });
    await client.call('documents.update', { id: other.id, quoteKey: 'NOTES-1' });
    await expect(client.call('documents.update', { id: s.interview.id, quoteKey: 'NOTES-1' })).rejects.toThrow(/already the key of "Второе"/);
    await expect(client.call('documents.update', { id: s.interview.id, quoteKey: 'KOL 1' })).rejects.toThrow(/only have letters/);
    await client.call('documents.update', { id: s.interview.id, quoteKey: 'ROL-14' });
    expect((await excerpts(client, s.paternalism.id))[0]!.quoteIds).toEqual(['ROL-14:q1']);
    await client.call('history.undo', {});
    expect((await excerpts(client, s.paternalism.id))[0]!.quoteIds).toEqual(['KOL-INT-1993-06-001:q1']);
  });

  it('numbers codings made before quote ids existed, in text order, and gives their documents keys on opening', async () => {
    // A project of schema 4, coded before migration 7: two codings made in the reverse of text order.
    const file = path.join(tempFolder(), 'old.quire');
    const old = await openProjectFile(file, { create: true, actorName: 'x', migrations: migrations.filter((m) => m.version <= 4) });
    const member = '0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f60';
    const [doc, rev, code] = ['0193a9e4-7c1a-7000-8f3e-000000000001', '0193a9e4-7c1a-7000-8f3e-000000000002', '0193a9e4-7c1a-7000-8f3e-000000000003'];
    const text = 'Р: Мастер даёт работу своим. Директор у нас как отец.';
    const sql = (q: string, ...args: unknown[]) => old.raw.prepare(q).run(...args);
    sql("INSERT INTO members (id, name, initials, color, created_at) VALUES (?, 'Ирина', 'И', '#000000', '1993-06-01')", member);
    sql("INSERT INTO documents (id, kind, title, language, date_start, date_end, date_precision, current_revision_id, created_at, created_by, updated_at) VALUES (?, 'interview', 'Старое', 'ru', '1993-06-01', '1993-06-30', 'month', ?, '1993', ?, '1993')", doc, rev, member);
    sql("INSERT INTO revisions (id, document_id, number, length, created_at, created_by, text) VALUES (?, ?, 1, ?, '1993', ?, ?)", rev, doc, text.length, member, text);
    sql("INSERT INTO codes (id, name, color, ord, created_at, created_by) VALUES (?, 'Paternalism', '#123456', 1, '1993', ?)", code, member);
    const coding = (id: string, words: string, at: string) =>
      sql("INSERT INTO codings (id, document_id, revision_id, code_id, start_offset, end_offset, coder_id, created_at, updated_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok')", id, doc, rev, code, text.indexOf(words), text.indexOf(words) + words.length, member, at, at);
    coding('0193a9e4-7c1a-7000-8f3e-000000000010', 'Директор у нас', '1993-06-01');
    coding('0193a9e4-7c1a-7000-8f3e-000000000011', 'Мастер даёт работу своим', '1993-06-02');
    await old.close();

    const { client } = await openAgain(file);
    const shown = await excerpts(client, code);
    expect(shown.map((e) => [e.quote, e.quoteIds[0]])).toEqual([
      ['Мастер даёт работу своим', 'INT-1993-06-001:q1'],
      ['Директор у нас', 'INT-1993-06-001:q2'],
    ]);
    expect((await client.call('codings.byQuoteId', { quoteId: 'INT-1993-06-001:q2' })).coding.quote).toBe('Директор у нас');
  });
});

describe('citation templates', () => {
  it('lists a template per kind and language, cites by the saved one, and undoes it', async () => {
    const { client, s, code } = await seeded();
    await code('Директор у нас');
    const all = await client.call('citations.templates', {});
    expect(all).toHaveLength(18);
    expect(all.find((t) => t.kind === 'interview' && t.language === 'en')).toMatchObject({ isDefault: true, template: '({kind}[ with {role}][, {enterprise}][, {date}])' });
    expect((await excerpts(client, s.paternalism.id))[0]!.citation).toBe('(interview with a foreman, Кольца, June 1993)');

    const saved = await client.call('citations.setTemplate', { kind: 'interview', language: 'en', template: '({role_plain}, {enterprise}, {date}; {quote_id})' });
    expect(saved.isDefault).toBe(false);
    expect((await excerpts(client, s.paternalism.id))[0]!.citation).toBe('(foreman, Кольца, June 1993; KOL-INT-1993-06-001:q1)');
    expect((await excerpts(client, s.paternalism.id, 'ru'))[0]!.citation).toBe('(интервью с мастером, Кольца, июнь 1993 г.)');

    await client.call('history.undo', {});
    expect((await excerpts(client, s.paternalism.id))[0]!.citation).toBe('(interview with a foreman, Кольца, June 1993)');
    await client.call('history.redo', {});
    await client.call('citations.resetTemplate', { kind: 'interview', language: 'en' });
    expect((await excerpts(client, s.paternalism.id))[0]!.citation).toBe('(interview with a foreman, Кольца, June 1993)');
    await client.call('history.undo', {});
    expect((await client.call('citations.templates', {})).find((t) => t.kind === 'interview' && t.language === 'en')!.isDefault).toBe(false);
  });

  it('refuses a template naming a field that does not exist, and changes nothing', async () => {
    const { client } = await seeded();
    await expect(client.call('citations.setTemplate', { kind: 'interview', language: 'en', template: '({kind}, {foo})' })).rejects.toThrow(
      /The template uses \{foo\}, which is not a field: use one of \{kind\}/,
    );
    expect((await client.call('citations.templates', {})).every((t) => t.isDefault)).toBe(true);
  });

  it('previews a template on a real passage, and says what is wrong with one it cannot read', async () => {
    const { client, code } = await seeded();
    const a = await code('Директор у нас');
    const preview = await client.call('citations.preview', { kind: 'interview', language: 'ru', template: '({informant}, {role_plain}[, {region}])' });
    expect(preview).toMatchObject({ citation: '(Мастер Петров, foreman)', error: null, excerpt: { codingId: a.id, quote: 'Директор у нас', quoteId: 'KOL-INT-1993-06-001:q1' } });
    const withId = await client.call('citations.preview', { kind: 'interview', language: 'ru', template: '({informant}, {quote_id})' });
    expect(withId.citation).toBe('(Мастер Петров, KOL-INT-1993-06-001:q1)');
    const bad = await client.call('citations.preview', { kind: 'interview', language: 'en', template: '({kind}[, {date})' });
    expect(bad).toMatchObject({ citation: null, error: expect.stringMatching(/never closed/), errorAt: 7 });
  });
});

describe('excerpt translations', () => {
  it('attaches translations to a coding’s excerpt, carries them with retrieval, and undoes them', async () => {
    const { client, s, code } = await seeded();
    const a = await code('Директор у нас');
    const en = await client.call('translations.set', { codingId: a.id, language: 'EN', text: 'The director here', translator: 'S. Clarke', date: '2024-05-17' });
    expect(en).toMatchObject({ codingId: a.id, language: 'en', text: 'The director here', translator: 'S. Clarke', date: '2024-05-17', status: 'draft' });
    await client.call('translations.set', { codingId: a.id, language: 'de', text: 'Der Direktor', status: 'checked' });
    await client.call('translations.set', { codingId: a.id, language: 'en', text: 'Our director', status: 'final' });
    const shown = (await excerpts(client, s.paternalism.id))[0]!;
    expect(shown.translations.map((t) => [t.language, t.text, t.status])).toEqual([
      ['de', 'Der Direktor', 'checked'],
      ['en', 'Our director', 'final'],
    ]);

    await client.call('history.undo', {});
    expect((await client.call('translations.list', { codingIds: [a.id] })).find((t) => t.language === 'en')!.text).toBe('The director here');
    await client.call('translations.remove', { codingId: a.id, language: 'de' });
    expect((await client.call('translations.list', { codingIds: [a.id] })).map((t) => t.language)).toEqual(['en']);
    await client.call('history.undo', {});
    expect((await client.call('translations.list', { codingIds: [a.id] })).map((t) => t.language)).toEqual(['de', 'en']);
    await expect(client.call('translations.remove', { codingId: a.id, language: 'fr' })).rejects.toThrow(/no translation into "fr"/);
    await expect(client.call('translations.set', { codingId: a.id, language: 'English!', text: 'x' })).rejects.toThrow(/short code/);
  });

  it('goes with its coding when the coding is removed, and comes back with it on undo', async () => {
    const { client, code } = await seeded();
    const a = await code('Директор у нас');
    await client.call('translations.set', { codingId: a.id, language: 'en', text: 'The director here' });
    await client.call('codings.remove', { id: a.id });
    expect(await client.call('translations.list', { codingIds: [a.id] })).toEqual([]);
    await client.call('history.undo', {});
    expect((await client.call('translations.list', { codingIds: [a.id] })).map((t) => t.text)).toEqual(['The director here']);
  });
});
