import { describe, expect, it } from 'vitest';
import { newProject, seed } from './support';

describe('auto-coding', () => {
  it('previews, then codes every match of a word as one undoable operation', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const preview = await client.call('autocode.preview', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    // "мастер" as a word: not inside "мастером" in the title, nor in another word
    expect(preview).toMatchObject({ matches: 2, documents: 1, newCodings: 2 });
    expect(preview.samples.map((m) => m.text)).toEqual(['Мастер', 'мастер']);
    const applied = await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    expect(applied).toEqual({ created: 2, matches: 2 });
    // Two codings, and the document's quote id key given with its first coding.
    expect((await client.call('history.list', { limit: 1 }))[0]).toMatchObject({ method: 'autocode.apply', changeCount: 3 });
    await client.call('history.undo', {});
    expect(await client.call('codings.list', {})).toEqual([]);
  });

  it('folds case and ё, matches phrases across spaces and regular expressions', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    expect((await client.call('autocode.preview', { pattern: 'ДАЕТ', mode: 'phrase' })).matches).toBe(2);
    expect((await client.call('autocode.preview', { pattern: 'закроет   глаза', mode: 'phrase' })).matches).toBe(1);
    expect((await client.call('autocode.preview', { pattern: 'путевк[а-я]*', mode: 'regex' })).samples[0]?.text).toBe('путёвки');
    expect((await client.call('autocode.preview', { pattern: 'Мастер', caseSensitive: true })).matches).toBe(1);
    await expect(client.call('autocode.preview', { pattern: '(unclosed', mode: 'regex' })).rejects.toMatchObject({ code: 'invalid_pattern', message: expect.stringContaining('not a valid regular expression') });
    void s;
  });

  it('codes whole turns, and only the informant’s', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const result = await client.call('autocode.apply', { pattern: 'опоздал', extent: 'segment', speakers: ['Р'], codeId: s.type2.id });
    expect(result).toEqual({ created: 1, matches: 1 });
    const [coding] = await client.call('codings.list', {});
    expect(coding!.quote).toBe('Р: Опоздал — мастер закроет глаза, но потом ты ему должен. Это у нас все знают.');
  });
});

describe('reports', () => {
  it('counts codings and documents per code in codebook order', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    const rows = await client.call('reports.frequencies', {});
    expect(rows.map((r) => [r.path, r.depth, r.codings, r.documents])).toEqual([
      ['Informal relations', 0, 0, 0],
      ['Informal relations › Type 2: personal dependence', 1, 2, 1],
      ['Paternalism', 0, 0, 0],
    ]);
  });

  it('builds a code × enterprise matrix, counting documents linked to cases inside an enterprise', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const note = await client.call('documents.create', { title: 'Полевая заметка', text: 'Директор шахты обещал путёвки. Мастер молчал.', caseIds: [s.mine.id] });
    await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    await client.call('autocode.apply', { pattern: 'путёвк', codeId: s.paternalism.id });
    const byEnterprise = await client.call('reports.matrix', { columns: 'enterprise' });
    expect(byEnterprise.columns.map((c) => c.label)).toEqual(['Кольца', 'Шахта']);
    const row = (name: string) => byEnterprise.rows.find((r) => r.name === name)!;
    expect(row('Type 2: personal dependence').cells).toEqual([2, 1]);
    expect(row('Paternalism').cells).toEqual([1, 1]);
    const byDocuments = await client.call('reports.matrix', { columns: 'Enterprise', measure: 'documents' });
    expect(byDocuments.rows.find((r) => r.name === 'Type 2: personal dependence')!.cells).toEqual([1, 1]);
    const byIndustry = await client.call('reports.matrix', { columns: 'industry' });
    expect(byIndustry.columns.map((c) => c.label)).toEqual(['machine-building', 'mining']);
    expect(byIndustry.rows.find((r) => r.name === 'Type 2: personal dependence')!.cells).toEqual([2, 1]);
    const byRegion = await client.call('reports.matrix', { columns: 'region' });
    expect(byRegion.rows.find((r) => r.name === 'Type 2: personal dependence')!.cells).toEqual([3]);
    await expect(client.call('reports.matrix', { columns: 'shoe size' })).rejects.toMatchObject({ message: expect.stringContaining('no case type or attribute called "shoe size"') });
    void note;
  });

  it('counts only the chosen coders’ codings when asked', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    await client.call('documents.create', { title: 'Полевая заметка', text: 'Директор шахты обещал путёвки. Мастер молчал.', caseIds: [s.mine.id] });
    await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    const olga = await client.call('members.create', { name: 'Ольга Кузнецова' });
    const me = (await client.call('members.list', {})).find((m) => m.id !== olga.id)!;
    const at = s.text.indexOf('калым');
    await client.call('codings.applyMany', { codings: [{ documentId: s.interview.id, codeId: s.type2.id, coderId: olga.id, start: at, end: at + 5 }] });
    const type2 = async (input: { coderIds?: string[]; measure?: 'codings' | 'documents' }) =>
      (await client.call('reports.matrix', { columns: 'enterprise', ...input })).rows.find((r) => r.name === 'Type 2: personal dependence')!;
    expect((await type2({})).cells).toEqual([3, 1]);
    expect(await type2({ coderIds: [olga.id] })).toMatchObject({ cells: [1, 0], total: 1 });
    expect((await type2({ coderIds: [olga.id], measure: 'documents' })).cells).toEqual([1, 0]);
    expect((await type2({ coderIds: [me.id] })).cells).toEqual([2, 1]);
    expect((await type2({ coderIds: [me.id, olga.id] })).cells).toEqual([3, 1]);
  });

  it('totals every coding of a code, in columns or not, and shares columns with archived codes', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    await client.call('documents.create', { title: 'Полевая заметка', text: 'Директор шахты обещал путёвки. Мастер молчал.', caseIds: [s.mine.id] });
    await client.call('documents.create', { title: 'Совещание', text: 'Совещание: мастер из Колец и директор шахты.', caseIds: [s.rings.id, s.mine.id] });
    await client.call('documents.create', { title: 'Без привязки', text: 'Мастер сказал, мастер сделал.' });
    // "мастер": 2 in the interview (Кольца), 1 in the note (Шахта), 1 at the meeting (both), 2 in the unlinked document.
    await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    await client.call('autocode.apply', { pattern: 'путёвк', codeId: s.paternalism.id });
    const type2 = async (measure: 'codings' | 'documents' | 'chars' | 'colpct') =>
      (await client.call('reports.matrix', { columns: 'enterprise', measure })).rows.find((r) => r.name === 'Type 2: personal dependence')!;
    expect(await type2('codings')).toMatchObject({ cells: [3, 2], total: 6 });
    expect(await type2('documents')).toMatchObject({ cells: [2, 2], total: 4, counts: [3, 2] });
    expect(await type2('chars')).toMatchObject({ cells: [3 * 6, 2 * 6], total: 6 * 6 });

    // Archived, Paternalism leaves the rows but its codings (one per enterprise) stay in the columns' codings.
    await client.call('codes.archive', { id: s.paternalism.id });
    const matrix = await client.call('reports.matrix', { columns: 'enterprise', measure: 'colpct' });
    expect(matrix.rows.map((r) => r.name)).not.toContain('Paternalism');
    expect(await type2('colpct')).toMatchObject({ cells: [75, 66.7], total: 75 });
  });
});

describe('comparing enterprises fairly', () => {
  async function material(client: Parameters<typeof seed>[0]) {
    const s = await seed(client);
    // A second, later and longer interview at the mine; speaker Р linked to a miner.
    const miner = await client.call('cases.create', { typeId: s.informant.id, parentId: s.mine.id, name: 'Шахтёр Сидоров' });
    await client.call('documents.create', {
      title: 'Интервью с шахтёром',
      kind: 'interview',
      date: 'Q1 1994',
      text: ['И: Как у вас мастер?', 'Р: Мастер у нас свой человек, мастер нас прикрывает, мастер и путёвки достаёт, и премию выбивает для всей бригады.'].join('\n'),
      caseIds: [s.mine.id, miner.id],
      speakers: { Р: miner.id },
    });
    await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    return s;
  }

  it('keeps an informant linked to a label an older build read with its stage direction', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const miner = await client.call('cases.create', { typeId: s.informant.id, parentId: s.mine.id, name: 'Шахтёр Сидоров' });
    // Linked as the label was read before stage directions before the colon were told apart.
    await client.call('documents.create', {
      title: 'Интервью с шахтёром',
      kind: 'interview',
      text: 'И: Как у вас мастер?\nР (показывая на бригаду): Мастер у нас свой человек.',
      caseIds: [s.mine.id],
      speakers: { 'Р (показывая на бригаду)': miner.id },
    });
    await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    const informants = await client.call('reports.matrix', { columns: 'enterprise', codeId: s.type2.id, measure: 'informants' });
    expect(informants.columns.map((c) => c.label)).toEqual(['Кольца', 'Шахта']);
    expect(informants.rows[0]!.cells[1]).toBe(1);
  });

  it('lists a link made to an old label under the label the turns carry now, and unlinks or relinks it there', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const miner = await client.call('cases.create', { typeId: s.informant.id, parentId: s.mine.id, name: 'Шахтёр Сидоров' });
    const brigadier = await client.call('cases.create', { typeId: s.informant.id, parentId: s.mine.id, name: 'Бригадир Орлов' });
    const director = await client.call('cases.create', { typeId: s.informant.id, parentId: s.mine.id, name: 'Директор Ветров' });
    const doc = await client.call('documents.create', {
      title: 'Интервью с шахтёром',
      kind: 'interview',
      text: 'И: Как у вас мастер?\nР (показывая на бригаду): Мастер у нас свой человек.\nДиректор (показывая договор): Вот что мы подписали.',
      caseIds: [s.mine.id],
      speakers: { 'Р (показывая на бригаду)': miner.id, Директор: director.id },
    });
    // An older build's link to the director's label with the direction, which his own link outranks.
    await client.call('documents.linkSpeaker', { documentId: doc.id, speaker: 'Директор (показывая договор)', caseId: miner.id });
    const speakers = async () => (await client.call('documents.get', { id: doc.id })).speakers;
    await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    const mineInformants = async () => (await client.call('reports.matrix', { columns: 'enterprise', codeId: s.type2.id, measure: 'informants' })).rows[0]!.cells[1];
    expect(await mineInformants()).toBe(1);
    const labels = (await client.call('documents.get', { id: doc.id })).segments.flatMap((t) => (t.speaker ? [t.speaker] : []));
    expect(labels).toEqual(['И', 'Р', 'Директор']);
    expect(await speakers()).toEqual([
      { speaker: 'Директор', caseId: director.id },
      { speaker: 'Р', caseId: miner.id },
    ]);

    // Relinked under the label shown: one link, to the case chosen.
    await client.call('documents.linkSpeaker', { documentId: doc.id, speaker: 'Р', caseId: brigadier.id });
    expect(await speakers()).toEqual([
      { speaker: 'Директор', caseId: director.id },
      { speaker: 'Р', caseId: brigadier.id },
    ]);
    // Unlinked: gone, and the old link does not come back in its place.
    await client.call('documents.linkSpeaker', { documentId: doc.id, speaker: 'Р', caseId: null });
    await client.call('documents.linkSpeaker', { documentId: doc.id, speaker: 'Директор', caseId: null });
    expect(await speakers()).toEqual([]);
    expect(await mineInformants()).toBe(0);
    // Each step is undone as it was made.
    await client.call('history.undo', {});
    await client.call('history.undo', {});
    expect(await speakers()).toEqual([
      { speaker: 'Директор', caseId: director.id },
      { speaker: 'Р', caseId: brigadier.id },
    ]);
    await client.call('history.undo', {});
    expect(await speakers()).toEqual([
      { speaker: 'Директор', caseId: director.id },
      { speaker: 'Р', caseId: miner.id },
    ]);
  });

  it('normalises by the words of each enterprise’s material, and gives row and column shares', async () => {
    const { client } = await newProject();
    const s = await material(client);
    const codings = await client.call('reports.matrix', { columns: 'enterprise', codeId: s.type2.id });
    const row = codings.rows[0]!;
    expect(codings.columns.map((c) => [c.label, c.documents])).toEqual([['Кольца', 1], ['Шахта', 1]]);
    expect(row.cells).toEqual([2, 4]);
    const per10k = await client.call('reports.matrix', { columns: 'enterprise', codeId: s.type2.id, measure: 'per10k' });
    const words = per10k.columns.map((c) => c.words);
    expect(words[0]).toBe(s.text.match(/[\p{L}\p{N}]+/gu)!.length);
    expect(per10k.rows[0]!.cells).toEqual([Math.round((100_000 * 2) / words[0]!) / 10, Math.round((100_000 * 4) / words[1]!) / 10]);
    expect(per10k.rows[0]!.counts).toEqual([2, 4]);
    expect((await client.call('reports.matrix', { columns: 'enterprise', codeId: s.type2.id, measure: 'rowpct' })).rows[0]!.cells).toEqual([33.3, 66.7]);
    expect((await client.call('reports.matrix', { columns: 'enterprise', codeId: s.type2.id, measure: 'colpct' })).rows[0]!.cells).toEqual([100, 100]);
    expect((await client.call('reports.matrix', { columns: 'enterprise', codeId: s.informal.id, measure: 'presence' })).rows.map((r) => r.cells)).toEqual([[0, 0], [1, 1]]);
    const chars = await client.call('reports.matrix', { columns: 'enterprise', codeId: s.type2.id, measure: 'chars' });
    expect(chars.rows[0]!.cells).toEqual([2 * 'мастер'.length, 4 * 'мастер'.length]);
  });

  it('counts informants through the speakers of the coded turns, and splits columns by period', async () => {
    const { client } = await newProject();
    const s = await material(client);
    const informants = await client.call('reports.matrix', { columns: 'enterprise', codeId: s.type2.id, measure: 'informants' });
    // At the mine one "мастер" is in the interviewer's question: only the miner's turn counts.
    expect(informants.rows[0]!.cells).toEqual([1, 1]);
    expect(informants.rows[0]!.total).toBe(2);
    // Only the chosen coders' codings count: a colleague who coded nothing has no informants.
    const colleague = await client.call('members.create', { name: 'Олег Ким' });
    expect((await client.call('reports.matrix', { columns: 'enterprise', codeId: s.type2.id, measure: 'informants', coderIds: [colleague.id] })).rows[0]!.cells).toEqual([0, 0]);
    const byQuarter = await client.call('reports.matrix', { columns: 'region', codeId: s.type2.id, period: 'quarter' });
    expect(byQuarter.columns.map((c) => [c.group, c.period, c.documents])).toEqual([
      ['Самара', '1993-Q2', 1],
      ['Самара', '1994-Q1', 1],
    ]);
    expect(byQuarter.rows[0]!.cells).toEqual([2, 4]);
    expect(byQuarter.smallBelow).toBe(5);
  });

  it('counts an informant once per column and once in all, however often and wherever coded, per code', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    // The foreman again at a meeting counted for both enterprises, and in a document counted for none.
    const turns = ['И: Где мастер?', 'Р: Мастер за своих горой, мастер всё решит.'].join('\n');
    await client.call('documents.create', { title: 'Совещание', kind: 'interview', text: turns, caseIds: [s.rings.id, s.mine.id], speakers: { Р: s.foreman.id } });
    await client.call('documents.create', { title: 'Без привязки', kind: 'interview', text: turns, speakers: { Р: s.foreman.id } });
    await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    await client.call('autocode.apply', { pattern: 'путёвк', codeId: s.paternalism.id });
    const matrix = await client.call('reports.matrix', { columns: 'enterprise', measure: 'informants' });
    const row = (name: string) => matrix.rows.find((r) => r.name === name)!;
    // "мастер": twice in the foreman's turns at Кольца, twice in his turn and once in the question at the meeting, three times unlinked.
    expect(row('Type 2: personal dependence')).toMatchObject({ cells: [1, 1], total: 1, counts: [5, 3] });
    expect(row('Paternalism')).toMatchObject({ cells: [1, 0], total: 1 });
    expect(row('Informal relations')).toMatchObject({ cells: [0, 0], total: 0 });
  });
});

describe('named waves', () => {
  it('splits the matrix by the team’s waves, in their order, material outside every wave apart, and checks the waves', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    // The seed interview (Кольца, June 1993) and a mine interview of Q1 1994, both about the foreman.
    await client.call('documents.create', { title: 'Интервью с шахтёром', kind: 'interview', date: 'Q1 1994', text: 'Р: Мастер у нас свой, мастер прикрывает, мастер и премию выбивает, мастер всё.', caseIds: [s.mine.id] });
    await client.call('autocode.apply', { pattern: 'мастер', mode: 'word', codeId: s.type2.id });
    await expect(client.call('reports.matrix', { columns: 'enterprise', period: 'wave' })).rejects.toThrow(/no waves yet/);

    // Set out of order: listed earliest first. June 1993 falls in no wave.
    const waves = await client.call('waves.set', { waves: [{ name: 'Wave 2', start: '1994-01-01', end: '1994-12-31' }, { name: 'Wave 1', start: '1992-04-01', end: '1993-05-31' }] });
    expect(waves.map((w) => w.name)).toEqual(['Wave 1', 'Wave 2']);
    expect(await client.call('waves.list', {})).toEqual(waves);
    const outside = await client.call('reports.matrix', { columns: 'region', codeId: s.type2.id, period: 'wave' });
    expect(outside.columns.map((c) => [c.label, c.period, c.documents])).toEqual([
      ['Самара · Wave 2', 'wave:Wave 2', 1],
      ['Самара · outside the waves', 'wave:', 1],
    ]);
    expect(outside.rows[0]!.cells).toEqual([4, 2]);
    expect(outside.waves).toEqual(waves);

    // Wave 1 reaching into June: every document in a wave; by enterprise, each in its own.
    await client.call('waves.set', { waves: [{ name: 'Wave 1', start: '1992-04-01', end: '1993-06-30' }, { name: 'Wave 2', start: '1994-01-01', end: '1994-12-31' }] });
    const byEnterprise = await client.call('reports.matrix', { columns: 'enterprise', codeId: s.type2.id, period: 'wave', measure: 'colpct' });
    expect(byEnterprise.columns.map((c) => c.label)).toEqual(['Кольца · Wave 1', 'Шахта · Wave 2']);
    expect(byEnterprise.rows[0]!.counts).toEqual([2, 4]);

    await expect(client.call('waves.set', { waves: [{ name: 'A', start: '1993-01-01', end: '1993-06-30' }, { name: 'B', start: '1993-06-30', end: '1993-12-31' }] })).rejects.toThrow(/share days/);
    await expect(client.call('waves.set', { waves: [{ name: 'A', start: '1993-06-01', end: '1993-01-01' }] })).rejects.toThrow(/ends \(1993-01-01\) before it starts/);
    await expect(client.call('waves.set', { waves: [{ name: 'A', start: '1993-02-30', end: '1993-03-01' }] })).rejects.toThrow(/no day 1993-02-30/);
    await expect(client.call('waves.set', { waves: [{ name: 'A', start: '1993-01-01', end: '1993-01-31' }, { name: 'a', start: '1994-01-01', end: '1994-01-31' }] })).rejects.toThrow(/Two waves are called/);
    await client.call('history.undo', {});
    expect((await client.call('waves.list', {})).map((w) => w.end)).toEqual(['1993-05-31', '1994-12-31']);
  });
});

describe('activity history', () => {
  it('lists who did what, filtered by person, time and kind of work', async () => {
    const { client } = await newProject('Ирина Соколова');
    const s = await seed(client);
    await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 5 });
    const irina = (await client.call('project.info', {})).actor;
    const coded = await client.call('history.list', { actorId: irina.id, method: 'codings.', since: '2000-01-01' });
    expect(coded).toHaveLength(1);
    expect(coded[0]).toMatchObject({ actorName: 'Ирина Соколова', summary: expect.stringContaining('Type 2'), state: 'done' });
    expect(await client.call('history.list', { since: '2999-01-01' })).toEqual([]);
    const all = await client.call('history.list', { limit: 1000 });
    expect(all.length).toBeGreaterThan(10);
    expect(all[0]!.seq).toBeGreaterThan(all[1]!.seq);
  });
});
