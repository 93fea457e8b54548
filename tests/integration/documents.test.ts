import { describe, expect, it } from 'vitest';
import { withWords } from '../../src-shared/model/codings';
import { newProject, seed } from './support';

describe('documents', () => {
  it('stores canonical text with its turns, speakers, cases, date and attributes', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const detail = await client.call('documents.get', { id: s.interview.id });
    expect(detail.text).toBe(s.text);
    expect(detail.date).toEqual({ start: '1993-06-01', end: '1993-06-30', precision: 'month' });
    expect(detail.segments).toHaveLength(5);
    expect(detail.segments[1]).toMatchObject({ kind: 'turn', speaker: 'Р' });
    expect(detail.speakers).toEqual([{ speaker: 'Р', caseId: s.foreman.id }]);
    expect([...detail.caseIds].sort()).toEqual([s.rings.id, s.foreman.id].sort());
    expect((await client.call('documents.list', { caseId: s.rings.id })).map((d) => d.id)).toEqual([s.interview.id]);
  });

  it('normalises what is pasted in: line endings, BOM, Unicode forms; Markdown keeps only the words', async () => {
    const { client } = await newProject();
    const doc = await client.call('documents.create', { title: 'Заметки', text: '\uFEFFПервая строка\r\nВторая\u0435\u0308 строка\r\n', kind: 'field_note' });
    const detail = await client.call('documents.get', { id: doc.id });
    expect(detail.text).toBe('Первая строка\nВторая\u0451 строка');
    const md = await client.call('documents.create', { title: 'Отчёт', format: 'markdown', text: '# Квартальный отчёт\n\n**Кольца**: план выполнен на [101%](http://x).\n\n- пункт первый' });
    expect((await client.call('documents.get', { id: md.id })).text).toBe('Квартальный отчёт\n\nКольца: план выполнен на 101%.\n\nпункт первый');
  });

  it('explains bad metadata', async () => {
    const { client } = await newProject();
    await expect(client.call('documents.create', { title: 'x', text: 'y', date: 'sometime' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('"sometime" is not a date Quire understands'),
    });
    await expect(client.call('documents.create', { title: '  ', text: 'y' })).rejects.toMatchObject({ message: expect.stringContaining('needs a title') });
  });

  it('keeps codings through an edit of the text: moved where the text survived, flagged where it changed', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const span = (needle: string) => ({ start: s.text.indexOf(needle), end: s.text.indexOf(needle) + needle.length });
    const kept = await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, ...span('потом ты ему должен') });
    const changed = await client.call('codings.apply', { documentId: s.interview.id, codeId: s.paternalism.id, ...span('тот и получает калым') });
    const edited = `И: Вступление.\n${s.text.replace('тот и получает калым', 'тот получает халтуру')}`;
    const result = await client.call('documents.revise', { id: s.interview.id, text: edited, note: 'исправлена расшифровка' });
    expect(result.codings).toEqual({ intact: 0, moved: 1, needsReview: 1 });
    expect(result.document.revisionNumber).toBe(2);
    const detail = await client.call('documents.get', { id: s.interview.id });
    const after = new Map(detail.codings.map((c) => [c.id, withWords(detail.text, c)]));
    expect(after.get(kept.id)).toMatchObject({ status: 'ok', quote: 'потом ты ему должен' });
    expect(detail.text.slice(after.get(kept.id)!.start, after.get(kept.id)!.end)).toBe('потом ты ему должен');
    expect(after.get(changed.id)).toMatchObject({ status: 'needs_review', quote: 'тот и получает калым' });
    // Only the flagged coding's words travel with the text; the others' are the text itself.
    expect(detail.codings.find((c) => c.id === kept.id)).not.toHaveProperty('storedQuote');
    expect(detail.codings.find((c) => c.id === changed.id)).toMatchObject({ storedQuote: 'тот и получает калым' });
    expect(detail.needsReviewCount).toBe(1);
    // the old revision is still there, unchanged
    const revisions = await client.call('documents.revisions', { id: s.interview.id });
    expect(revisions.map((r) => r.number)).toEqual([2, 1]);
    expect((await client.call('documents.get', { id: s.interview.id, revisionId: revisions[1]!.id })).text).toBe(s.text);
    // confirming the flagged coding takes the words now under it
    const confirmed = await client.call('codings.confirm', { id: changed.id });
    expect(confirmed.status).toBe('ok');
  });

  it('saving the same text again is not a new revision', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const result = await client.call('documents.revise', { id: s.interview.id, text: `${s.text}\r\n` });
    expect(result.document.revisionNumber).toBe(1);
  });

  it('deletes a coded document only with its codings, on request', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: 0, end: 5 });
    await expect(client.call('documents.delete', { id: s.interview.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('1 codings') });
    expect(await client.call('documents.delete', { id: s.interview.id, cascade: true })).toEqual({ deletedCodings: 1 });
    expect(await client.call('documents.list', {})).toEqual([]);
  });
});

describe('cases and attributes', () => {
  it('nests cases, checks attribute values against their type, and refuses cycles', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    await expect(client.call('attributes.set', { attributeId: s.industry.id, entityId: s.rings.id, value: 'textiles' })).rejects.toMatchObject({
      message: expect.stringContaining('one of: machine-building, mining'),
    });
    await expect(client.call('cases.update', { id: s.samara.id, parentId: s.foreman.id })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.call('cases.delete', { id: s.samara.id })).rejects.toMatchObject({ code: 'conflict' });
    const [rings] = (await client.call('cases.list', { typeId: s.enterprise.id })).filter((c) => c.id === s.rings.id);
    expect(rings).toMatchObject({ parentId: s.samara.id, aliases: ['Rings', 'Kol’tsa'], attributes: { [s.industry.id]: 'machine-building' } });
  });
});

describe('document details', () => {
  it('change in one undoable operation, linked cases included', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const updated = await client.call('documents.update', { id: s.interview.id, title: 'Мастер, Кольца', kind: 'field_note', caseIds: [s.mine.id, s.rings.id] });
    expect(updated).toMatchObject({ title: 'Мастер, Кольца', kind: 'field_note' });
    expect([...updated.caseIds].sort()).toEqual([s.mine.id, s.rings.id].sort());
    await client.call('history.undo', {});
    const restored = (await client.call('documents.list', {}))[0]!;
    expect(restored.title).toBe('Интервью с мастером, Кольца');
    expect([...restored.caseIds].sort()).toEqual([s.rings.id, s.foreman.id].sort());
  });
});

describe('case details', () => {
  it('change name, aliases and attributes in one undoable operation', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const changed = await client.call('cases.update', { id: s.rings.id, name: 'ГПЗ «Кольца»', aliases: ['Rings'], attributes: { [s.industry.id]: 'mining' } });
    expect(changed).toMatchObject({ name: 'ГПЗ «Кольца»', aliases: ['Rings'], attributes: { [s.industry.id]: 'mining' } });
    const cleared = await client.call('cases.update', { id: s.rings.id, attributes: { [s.industry.id]: null } });
    expect(cleared.attributes).toEqual({});
    await client.call('history.undo', {});
    await client.call('history.undo', {});
    expect((await client.call('cases.list', {})).find((c) => c.id === s.rings.id)).toMatchObject({ name: 'Кольца', attributes: { [s.industry.id]: 'machine-building' } });
  });
});

describe('document attributes', () => {
  it('are set with the details, checked against their target, and saving unchanged details records nothing', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const focus = await client.call('attributes.define', { name: 'Research focus', target: 'document', valueType: 'choice', choices: ['management', 'shop floor'] });
    await client.call('documents.update', { id: s.interview.id, attributes: { [focus.id]: 'shop floor' } });
    expect((await client.call('documents.get', { id: s.interview.id })).attributes).toEqual({ [focus.id]: 'shop floor' });
    await expect(client.call('documents.update', { id: s.interview.id, attributes: { [s.industry.id]: 'mining' } })).rejects.toMatchObject({
      message: '"industry" is an attribute of cases, not of documents.',
    });
    const before = (await client.call('history.list', {})).length;
    await client.call('documents.update', { id: s.interview.id, title: 'Интервью с мастером, Кольца', attributes: { [focus.id]: 'shop floor' } });
    expect(await client.call('history.list', {})).toHaveLength(before);
  });
});
