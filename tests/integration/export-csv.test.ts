import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { InputOf, QuireClient } from '../../src-shared/contract';
import { newProject, seed, tempFolder } from './support';

/**
 * The CSV of every coding, field by field: a document with several codings of one informant
 * (they share a citation unless its template names the quote id), overlapping codings, a coding
 * over a line break, the interviewer's question, quotes and commas, a memo, and the pseudonym
 * registry applied. The export works a document at a time and remembers what repeats, so each
 * row is checked against what it must say.
 */
async function project(client: QuireClient) {
  const s = await seed(client);
  const role = await client.call('attributes.define', { name: 'Role', target: 'case', caseTypeId: s.informant.id, valueType: 'text' });
  await client.call('cases.update', { id: s.foreman.id, attributes: { [role.id]: 'foreman' } });
  const at = (words: string) => ({ start: s.text.indexOf(words), end: s.text.indexOf(words) + words.length });
  const apply = (codeId: string, words: string) => client.call('codings.apply', { documentId: s.interview.id, codeId, ...at(words) });
  const question = await apply(s.paternalism.id, 'Расскажите, как распределяется работа');
  const gives = await apply(s.paternalism.id, 'Мастер даёт выгодную работу своим');
  const helped = await apply(s.type2.id, 'Мастер даёт выгодную работу своим. Кто ему помогал');
  const lines = await apply(s.type2.id, 'Это у нас все знают.\nР: Директор у нас');
  await client.call('memos.create', { targetType: 'coding', targetId: gives.id, text: 'Мастер Петров: "свои", т.е. бригада' });
  await client.call('pseudonyms.add', { kind: 'enterprise', realName: 'Кольца', pseudonym: 'Шестерня', caseId: s.rings.id });
  await client.call('pseudonyms.add', { kind: 'person', realName: 'Петров', pseudonym: 'Сидоров', caseId: s.foreman.id });
  return { ...s, question, gives, helped, lines };
}

type Row = Record<string, string>;

/** The file's rows by column name, after its byte-order mark. */
function rowsOf(data: Buffer): Row[] {
  expect([...data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parse(data.toString('utf8').slice(1)) as string[][];
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const everything = (p: Awaited<ReturnType<typeof project>>): InputOf<'export.extracts'> => ({
  query: { codeIds: [p.informal.id, p.paternalism.id], includeSubcodes: true },
  format: 'csv',
  grouping: 'none',
  memo: true,
  coder: true,
});

describe('export.extracts to CSV, every coding', () => {
  it('writes each row’s fields: words, citation, quote id, codes, memo, speaker, case and its attributes, offsets, renamed', async () => {
    const { client } = await newProject();
    const p = await project(client);
    const file = await client.call('export.extracts', everything(p));
    expect(file.leaks).toMatchObject({ clean: true });
    const rows = rowsOf(Buffer.from(file.data!, 'base64'));
    const excerpts = (await client.call('retrieval.run', { codeIds: [p.informal.id, p.paternalism.id], includeSubcodes: true, language: 'en' })).excerpts;
    expect(rows).toHaveLength(excerpts.length);
    expect(file.items).toBe(rows.length);
    const text = (start: number, end: number) => p.text.slice(start, end).replaceAll('Петров', 'Сидоров');
    const quoteId = (codingId: string): string => {
      const excerpt = excerpts.find((x) => x.codingIds.includes(codingId))!;
      return excerpt.quoteIds[excerpt.codingIds.indexOf(codingId)]!;
    };

    // In reading order; overlapping codings are separate rows, the longer one second.
    expect(rows.map((r) => [r.Excerpt, r.Start, r.End])).toEqual(
      [p.question, p.gives, p.helped, p.lines].map((c) => [text(c.start, c.end), String(c.start), String(c.end)]),
    );
    const [question, gives, helped, lines] = rows as [Row, Row, Row, Row];
    expect(gives).toMatchObject({
      Group: '',
      Citation: '(interview with a foreman, Шестерня, June 1993)',
      'Quote id': quoteId(p.gives.id),
      Codes: 'Paternalism',
      Memo: 'Мастер Сидоров: "свои", т.е. бригада',
      Document: 'Интервью с мастером, Шестерня',
      'Document date': 'June 1993',
      Speaker: 'Р',
      Case: 'Мастер Сидоров',
      industry: 'machine-building',
      Role: 'foreman',
      'Document id': p.interview.id,
    });
    expect(helped).toMatchObject({ Citation: gives.Citation, Codes: 'Informal relations › Type 2: personal dependence', Memo: '', Speaker: 'Р', Case: 'Мастер Сидоров' });
    expect(helped['Quote id']).toBe(quoteId(p.helped.id));
    expect(helped['Quote id']).not.toBe(gives['Quote id']);
    // Over a line break, kept inside one quoted field.
    expect(lines.Excerpt).toBe('Это у нас все знают.\nР: Директор у нас');
    expect(lines.Citation).toBe(gives.Citation);
    // The interviewer's question is still cited to the one informant with a role, but spoken by И.
    expect(question).toMatchObject({ Speaker: 'И', Case: 'Мастер Сидоров', Citation: gives.Citation, Role: 'foreman' });
    for (const r of rows) expect(r.Coder).not.toBe('');
    expect(new Set(rows.map((r) => r['Quote id'])).size).toBe(rows.length);
  });

  it('cites each row with its own quote id when the template names it', async () => {
    const { client } = await newProject();
    const p = await project(client);
    await client.call('citations.setTemplate', { kind: 'interview', language: 'en', template: '({role_plain}, {enterprise}; {quote_id})' });
    const rows = rowsOf(Buffer.from((await client.call('export.extracts', everything(p))).data!, 'base64'));
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.Citation).toBe(`(foreman, Шестерня; ${r['Quote id']})`);
  });

  it('writes the same rows to a file in place, and a leak in every row refuses it, reported once per row', async () => {
    const { client } = await newProject();
    const p = await project(client);
    const folder = tempFolder();
    const out = path.join(folder, 'all.csv');
    const kept = await client.call('export.extracts', { ...everything(p), path: out });
    expect(kept.bytes).toBe(fs.statSync(out).size);
    expect(fs.readFileSync(out)).toEqual(Buffer.from((await client.call('export.extracts', everything(p))).data!, 'base64'));

    // A hand-typed key with the enterprise's name, registered as an alias: every quote id of the document leaks.
    await client.call('documents.update', { id: p.interview.id, quoteKey: 'KOLTSA-INT-1993' });
    const rings = (await client.call('pseudonyms.list', {})).find((x) => x.realName === 'Кольца')!;
    await client.call('pseudonyms.update', { id: rings.id, aliases: ['KOLTSA'] });
    fs.rmSync(out);
    await expect(client.call('export.extracts', { ...everything(p), path: out })).rejects.toThrow(/still contains 4 registered real names: "KOLTSA" \(Кольца, line \d+: KOLTSA-INT-1993:q\d+\).*Nothing was saved/);
    expect(fs.readdirSync(folder)).toEqual([]);

    const leaked = await client.call('export.extracts', { ...everything(p), path: out, allowLeaks: true });
    const rows = rowsOf(fs.readFileSync(out));
    expect(leaked.leaks!.hits.map((h) => h.context)).toEqual(rows.map((r) => r['Quote id']));
    const lines = leaked.leaks!.hits.map((h) => h.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(new Set(lines).size).toBe(rows.length);
  });
});
