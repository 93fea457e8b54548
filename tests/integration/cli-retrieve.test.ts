import { describe, expect, it } from 'vitest';
import { quire } from './cli-support';
import { newProject, openAgain, seed } from './support';

/** The seed interview with the foreman's role, a field note from the mine, and a few codings; closed, for the CLI to open. */
async function project(): Promise<string> {
  const { client, file } = await newProject();
  const s = await seed(client);
  const role = await client.call('attributes.define', { name: 'Role', target: 'case', caseTypeId: s.informant.id, valueType: 'text' });
  await client.call('cases.update', { id: s.foreman.id, attributes: { [role.id]: 'foreman' } });
  const note = await client.call('documents.create', { title: 'Заметка о шахте', kind: 'field_note', date: '1992-10', text: 'Директор шахты обещал путёвки. Мастер молчал.', caseIds: [s.mine.id] });
  const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const apply = (documentId: string, codeId: string, r: { start: number; end: number }) => client.call('codings.apply', { documentId, codeId, ...r });
  await apply(s.interview.id, s.type2.id, at(s.text, 'Мастер даёт выгодную работу своим'));
  await apply(s.interview.id, s.paternalism.id, at(s.text, 'выгодную работу своим. Кто ему помогал'));
  await apply(s.interview.id, s.type2.id, at(s.text, 'Расскажите'));
  await apply(s.interview.id, s.paternalism.id, at(s.text, 'Директор у нас как отец родной'));
  await apply(note.id, s.paternalism.id, at('Директор шахты обещал путёвки. Мастер молчал.', 'обещал путёвки'));
  await client.call('project.close', {});
  return file;
}

describe('quire retrieve', () => {
  it('prints excerpts with their citations, filtered, in any format', async () => {
    const file = await project();
    const all = await quire('retrieve', file, '--code', 'Paternalism');
    expect(all.code).toBe(0);
    expect(all.out).toContain('(field notes, Шахта, October 1992)');
    expect(all.out).toContain('(interview with a foreman, Кольца, June 1993)');
    expect(all.out).toContain('обещал путёвки');
    expect(all.err).toContain('3 excerpts in 2 documents (showing 1–3)');

    const json = JSON.parse((await quire('retrieve', file, '--code', 'Type 2: personal dependence', '--code', 'paternalism', '--op', 'overlaps', '--format', 'json')).out) as Record<string, string>[];
    expect(json.map((e) => e.excerpt)).toEqual(['Мастер даёт выгодную работу своим']);
    expect(json[0]).toMatchObject({ document: 'Интервью с мастером, Кольца', speaker: 'Р', codes: 'Type 2: personal dependence; Paternalism', coder: 'Ирина Соколова' });
    expect(json[0]!['quote ids']).toMatch(/^KOL-INT-1993-06-001:q\d+$/);

    const csv = await quire('retrieve', file, '--code', 'Informal relations', '--subcodes', '--informants-only', '--cite', 'ru', '--format', 'csv');
    expect(csv.out.split('\n')[0]).toBe('citation,excerpt,document,document id,start,end,speaker,codes,coder,context before,context after,coding ids,quote ids,translations');
    expect(csv.out.split('\n')[1]).toMatch(/^"\(интервью с мастером, Кольца, июнь 1993 г\.\)",Мастер даёт выгодную работу своим,/);
    const informants = JSON.parse((await quire('retrieve', file, '--code', 'Informal relations', '--subcodes', '--informants-only', '--format', 'json')).out) as Record<string, string>[];
    expect(informants.map((e) => e.excerpt)).toEqual(['Мастер даёт выгодную работу своим']);

    const filtered = async (...args: string[]) => JSON.parse((await quire('retrieve', file, '--code', 'Paternalism', '--format', 'json', ...args)).out) as Record<string, string>[];
    expect((await filtered('--where', 'industry=mining')).map((e) => e.document)).toEqual(['Заметка о шахте']);
    expect((await filtered('--where', 'Role=foreman')).map((e) => e.document)).toEqual(['Интервью с мастером, Кольца', 'Интервью с мастером, Кольца']);
    expect((await filtered('--case', 'Rings')).length).toBe(2);
    expect((await filtered('--kind', 'field_note')).length).toBe(1);
    expect((await filtered('--from', '1993-01', '--to', '1993-12')).length).toBe(2);
    expect((await filtered('--limit', '1', '--offset', '1')).length).toBe(1);
  });

  it('relates codes by distance and saves a query to run again', async () => {
    const file = await project();
    const within = await quire('retrieve', file, '--code', 'Type 2: personal dependence', '--code', 'Paternalism', '--op', 'within:1000', '--format', 'json', '--save', 'Near paternalism');
    expect(within.code).toBe(0);
    expect(within.err).toContain('Saved the query as "Near paternalism"');
    const again = await quire('retrieve', file, '--saved', 'near PATERNALISM', '--format', 'json');
    expect(JSON.parse(again.out)).toEqual(JSON.parse(within.out));
    expect(JSON.parse(again.out)).toHaveLength(2);
  });

  it('says what is wrong with a call', async () => {
    const file = await project();
    expect(await quire('retrieve', file)).toMatchObject({ code: 2, err: expect.stringContaining('--code NAME') });
    expect(await quire('retrieve', file, '--code', 'Nothing')).toMatchObject({ code: 2, err: expect.stringContaining('no code called "Nothing"') });
    expect(await quire('retrieve', file, '--code', 'Paternalism', '--op', 'near')).toMatchObject({ code: 2, err: expect.stringContaining('--op is any') });
    expect(await quire('retrieve', file, '--code', 'Paternalism', '--op', 'within')).toMatchObject({ code: 2, err: expect.stringContaining('within:200') });
    expect(await quire('retrieve', file, '--code', 'Paternalism', '--op', 'overlaps')).toMatchObject({ code: 1, err: expect.stringContaining('at least one more') });
    expect(await quire('retrieve', file, '--code', 'Paternalism', '--where', 'shoe size=42')).toMatchObject({ code: 2, err: expect.stringContaining('no attribute called "shoe size"') });
    expect(await quire('retrieve', file, '--code', 'Paternalism', '--kind', 'novel')).toMatchObject({ code: 2, err: expect.stringContaining('--kind is one of') });
    expect(await quire('code', file, '--pattern', 'x', '--code', 'A', '--code', 'B')).toMatchObject({ code: 2, err: expect.stringContaining('one code') });
  });
});

describe('quire report cooccurrence', () => {
  it('prints the code × code table by overlap, segment or document, in a measure', async () => {
    const file = await project();
    const counts = JSON.parse((await quire('report', 'cooccurrence', file, '--format', 'json')).out) as Record<string, string | number>[];
    const row = (rows: Record<string, string | number>[], path: string) => rows.find((r) => r.code === path)!;
    expect(counts.map((r) => r.code)).toEqual(['Informal relations', 'Informal relations › Type 2: personal dependence', 'Paternalism']);
    expect(row(counts, 'Paternalism')).toMatchObject({ Paternalism: 3, 'Informal relations › Type 2: personal dependence': 1 });
    const byDocument = JSON.parse((await quire('report', 'cooccurrence', file, '--by', 'document', '--measure', 'jaccard', '--format', 'json')).out) as Record<string, string | number>[];
    expect(row(byDocument, 'Paternalism')['Informal relations › Type 2: personal dependence']).toBe(0.5); // 1 document of 2
    const subtree = await quire('report', 'cooccurrence', file, '--codes', 'Informal relations', '--by', 'segment');
    expect(subtree.out.split('\n')[0]).toMatch(/^code\s+Informal relations\s+Type 2: personal dependence$/);
    expect(await quire('report', 'cooccurrence', file, '--by', 'sentence')).toMatchObject({ code: 2, err: expect.stringContaining('--by is overlap, segment or document') });
  });
});

describe('quire report matrix --by wave', () => {
  it('splits the columns by the project’s waves', async () => {
    const file = await project();
    const { client } = await openAgain(file);
    await client.call('waves.set', { waves: [{ name: 'Wave 1', start: '1992-04-01', end: '1992-12-31' }, { name: 'Wave 2', start: '1993-01-01', end: '1993-12-31' }] });
    await client.call('project.close', {});
    const json = JSON.parse((await quire('report', 'matrix', file, '--cols', 'enterprise', '--by', 'wave', '--format', 'json')).out) as Record<string, string | number>[];
    const paternalism = json.find((r) => r.code === 'Paternalism')!;
    // Paternalism: two codings in the Кольца interview (June 1993), one in the mine's note (October 1992).
    expect(paternalism).toEqual({ code: 'Paternalism', 'Кольца · Wave 2': 2, 'Шахта · Wave 1': 1, total: 3 });
  });

  it('counts only the codings of the coders named with --coder', async () => {
    const file = await project();
    const { client } = await openAgain(file);
    await client.call('members.create', { name: 'Ольга Кузнецова' });
    await client.call('project.close', {});
    const total = async (...coders: string[]) => {
      const out = (await quire('report', 'matrix', file, '--cols', 'enterprise', ...coders.flatMap((c) => ['--coder', c]), '--format', 'json')).out;
      return (JSON.parse(out) as Record<string, string | number>[]).find((r) => r.code === 'Paternalism')!.total;
    };
    expect(await total()).toBe(3);
    expect(await total('Ирина Соколова')).toBe(3);
    expect(await total('Ольга Кузнецова')).toBe(0);
  });
});
