import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { InputOf, QuireClient } from '../../src-shared/contract';
import { newProject, seed, tempFolder } from './support';

const REAL_NAMES = /Кольц|Колец|Шахт|Кировц|Кировец|Петров/i;

/**
 * Issue #8's scenario: excerpts coded with one code across three enterprises (Кольца, Шахта,
 * Кировец), the enterprises and an informant (Петров) in the pseudonym registry, English
 * translations of some excerpts.
 */
async function project(client: QuireClient) {
  const s = await seed(client);
  const kirov = await client.call('cases.create', { typeId: s.enterprise.id, parentId: s.samara.id, name: 'Кировец' });
  const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const apply = (documentId: string, r: { start: number; end: number }) => client.call('codings.apply', { documentId, codeId: s.paternalism.id, ...r });
  const noteText = 'Директор шахты обещал путёвки. Мастер молчал.';
  const note = await client.call('documents.create', { title: 'Заметка о шахте', kind: 'field_note', date: '1992-10', text: noteText, caseIds: [s.mine.id] });
  const kirovText = 'Р: На Кировце мастер Петров всем заправлял. Петрову все были должны.';
  const kirovInterview = await client.call('documents.create', { title: 'Интервью, Кировец', kind: 'interview', date: '1994-03', text: kirovText, caseIds: [kirov.id] });
  const father = await apply(s.interview.id, at(s.text, 'Директор у нас как отец родной'));
  const promised = await apply(note.id, at(noteText, 'Директор шахты обещал путёвки'));
  const owed = await apply(kirovInterview.id, at(kirovText, 'На Кировце мастер Петров всем заправлял. Петрову все были должны.'));
  await client.call('translations.set', { codingId: father.id, language: 'en', text: 'Our director is like a father', status: 'final' });
  await client.call('translations.set', { codingId: owed.id, language: 'en', text: 'At Kirovets foreman Petrov ran everything.', status: 'final' });
  await client.call('pseudonyms.add', { kind: 'enterprise', realName: 'Кольца', pseudonym: 'Шестерня', caseId: s.rings.id });
  await client.call('pseudonyms.add', { kind: 'enterprise', realName: 'Шахта', pseudonym: 'Выработка', caseId: s.mine.id });
  await client.call('pseudonyms.add', { kind: 'enterprise', realName: 'Кировец', pseudonym: 'Ударник', aliases: ['Kirovets'], caseId: kirov.id });
  await client.call('pseudonyms.add', { kind: 'person', realName: 'Петров', pseudonym: 'Сидоров', aliases: ['Petrov'], caseId: s.foreman.id });
  // A citation with a registered name inflected in it ("с шахты"): the rendered citation is renamed as a whole.
  await client.call('citations.setTemplate', { kind: 'field_note', language: 'ru', template: '(полевые заметки с шахты «{enterprise}»[, {date}])' });
  return { ...s, kirov, father, promised, owed };
}

const docxText = async (data: Buffer): Promise<string> => (await mammoth.extractRawText({ buffer: data })).value;

describe('export with pseudonyms, quote ids and translations (#8)', () => {
  it('writes a DOCX with pseudonyms in quotes and citations, quote ids and translations, and no real name', async () => {
    const { client } = await newProject();
    const p = await project(client);
    const file = await client.call('export.extracts', { query: { codeIds: [p.paternalism.id] }, format: 'docx', translation: 'both', language: 'ru' });
    expect(file.items).toBe(3);
    expect(file.leaks).toMatchObject({ clean: true, hits: [] });
    const text = await docxText(Buffer.from(file.data!, 'base64'));

    expect(text).toContain('Директор у нас как отец родной');
    expect(text).toContain('Директор выработки обещал путёвки');
    expect(text).toContain('На Ударнике мастер Сидоров всем заправлял. Сидорову все были должны.');
    expect(text).toContain('(интервью, Шестерня, июнь 1993 г.)');
    expect(text).toContain('(полевые заметки с выработки «Выработка», октябрь 1992 г.)');
    expect(text).toContain('Ударник, март 1994 г.)');
    // Translations beside the originals, renamed like them (aliases are registered spellings too).
    expect(text).toContain('Our director is like a father');
    expect(text).toContain('At Ударник foreman Сидоров ran everything.');
    const excerpts = (await client.call('retrieval.run', { codeIds: [p.paternalism.id], language: 'ru' })).excerpts;
    for (const e of excerpts) expect(text).toContain(`[${e.quoteIds[0]!}]`);
    expect(text).not.toMatch(REAL_NAMES);

    // What `quire check-leaks` runs on the file, and the check of the text as read back.
    expect(await client.call('pseudonyms.checkFile', { fileName: file.fileName, data: file.data! })).toMatchObject({ clean: true });
    expect(await client.call('pseudonyms.checkText', { text })).toMatchObject({ clean: true });
  });

  it('gives an excerpt listed under two codes the quote id of each code’s own coding', async () => {
    const { client } = await newProject();
    const p = await project(client);
    const words = { start: p.text.indexOf('Директор у нас как отец родной'), end: p.text.indexOf('Директор у нас как отец родной') + 'Директор у нас как отец родной'.length };
    await client.call('codings.apply', { documentId: p.interview.id, codeId: p.type2.id, ...words });
    const excerpt = (await client.call('retrieval.run', { codeIds: [p.paternalism.id, p.type2.id], language: 'ru' })).excerpts.find((e) => e.quote === 'Директор у нас как отец родной');
    expect(excerpt!.quoteIds).toHaveLength(2);
    const text = await docxText(Buffer.from((await client.call('export.extracts', { query: { codeIds: [p.paternalism.id, p.type2.id] }, format: 'docx', language: 'ru' })).data!, 'base64'));
    const type2 = text.indexOf('Type 2: personal dependence\n');
    const paternalism = text.lastIndexOf('Paternalism\n');
    expect(type2).toBeGreaterThan(-1);
    expect(paternalism).toBeGreaterThan(-1);
    const [first, second] = type2 < paternalism ? [type2, paternalism] : [paternalism, type2];
    const ids = new Map(excerpt!.codingIds.map((id, i) => [id, excerpt!.quoteIds[i]!]));
    const byCode = async (codeId: string) => (await client.call('retrieval.run', { codeIds: [codeId], language: 'ru' })).excerpts.find((e) => e.quote === 'Директор у нас как отец родной')!.codingIds.find((id) => ids.has(id))!;
    const typeId = ids.get(await byCode(p.type2.id))!;
    const paternalId = ids.get(await byCode(p.paternalism.id))!;
    expect(typeId).not.toBe(paternalId);
    const sectionOf = (at: number) => (at === first ? text.slice(first, second) : text.slice(second));
    expect(sectionOf(type2)).toContain(`[${typeId}]`);
    expect(sectionOf(paternalism)).toContain(`[${paternalId}]`);
  });

  it('refuses an export with a registered name it cannot rename, leaving no file; with allowLeaks writes it and returns the report', async () => {
    const { client } = await newProject();
    const p = await project(client);
    // Quote ids are never renamed (they must stay findable), and this document's key was typed by
    // hand with the enterprise's name in it: registered as an alias, it is a leak the overlay cannot fix.
    await client.call('documents.update', { id: p.interview.id, quoteKey: 'KOLTSA-INT-1993' });
    const [excerpt] = (await client.call('retrieval.run', { codeIds: [p.paternalism.id], language: 'ru' })).excerpts.filter((e) => e.documentTitle === p.interview.title);
    const key = excerpt!.quoteIds[0]!.split('-')[0]!;
    expect(key).toBe('KOLTSA');
    const rings = (await client.call('pseudonyms.list', {})).find((e) => e.realName === 'Кольца')!;
    await client.call('pseudonyms.update', { id: rings.id, aliases: [key] });

    const folder = tempFolder();
    const out = path.join(folder, 'extracts.docx');
    const input: InputOf<'export.extracts'> = { query: { codeIds: [p.paternalism.id] }, format: 'docx', language: 'ru', path: out };
    await expect(client.call('export.extracts', input)).rejects.toThrow(/still contains a registered real name: "KOLTSA" \(Кольца, line \d+: .*KOLTSA-INT.*\)\. Nothing was saved/);
    expect(fs.readdirSync(folder)).toEqual([]);
    await expect(client.call('export.extracts', { query: input.query!, format: 'csv', language: 'ru' })).rejects.toThrow(/registered real name/);

    const kept = await client.call('export.extracts', { ...input, allowLeaks: true });
    expect(fs.existsSync(out)).toBe(true);
    expect(kept.leaks).toMatchObject({ clean: false, hits: [{ text: 'KOLTSA', form: 'KOLTSA', realName: 'Кольца', pseudonym: 'Шестерня', kind: 'enterprise' }] });
    expect(kept.leaks!.hits[0]!.context).toContain(excerpt!.quoteIds[0]!);
    // The report names what `quire check-leaks` finds in the file.
    const checked = await client.call('pseudonyms.checkFile', { fileName: 'extracts.docx', data: fs.readFileSync(out).toString('base64') });
    expect(checked.hits.map((h) => h.text)).toEqual(['KOLTSA']);
  });

  it('renames the codebook with the registry, and its leak check finds nothing left', async () => {
    const { client } = await newProject();
    const p = await project(client);
    await client.call('codes.update', { id: p.paternalism.id, definition: 'Как на Кировце: директор как отец.' });
    const codebook = await client.call('export.codebook', { format: 'md', language: 'ru' });
    const text = Buffer.from(codebook.data!, 'base64').toString('utf8');
    expect(text).toContain('Как на Ударнике: директор как отец.');
    expect(text).not.toMatch(REAL_NAMES);
    expect(codebook.leaks).toMatchObject({ clean: true });
  });
});
