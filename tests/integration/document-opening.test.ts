import { describe, expect, it } from 'vitest';
import { newProject } from './support';

/** A transcript of 200 turns, each "И: Вопрос N?" or "Р: Ответ N, …" on its own line. */
function transcript(): string {
  return Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? `И: Вопрос ${i}?` : `Р: Ответ ${i}, про завод и мастера, долгий и подробный.`)).join('\n');
}

describe('documents.get with an opening part', () => {
  it('answers whole segments up to the characters asked for, their codings, and the whole document’s measures', async () => {
    const { client } = await newProject();
    const text = transcript();
    const doc = await client.call('documents.create', { title: 'Длинное интервью', kind: 'interview', text });
    const code = await client.call('codes.create', { name: 'Завод' });
    const at = (needle: string, from = 0) => ({ start: text.indexOf(needle, from), end: text.indexOf(needle, from) + needle.length });
    const early = await client.call('codings.apply', { documentId: doc.id, codeId: code.id, ...at('Ответ 1,') });
    // Starts in the opening part, ends far after it.
    const across = await client.call('codings.apply', { documentId: doc.id, codeId: code.id, start: at('Ответ 5,').start, end: at('Ответ 151,').end });
    const late = await client.call('codings.apply', { documentId: doc.id, codeId: code.id, ...at('Ответ 171,') });

    const whole = await client.call('documents.get', { id: doc.id });
    expect(whole.opening).toBeUndefined();
    expect(whole.text).toBe(text);

    // 300 characters end inside a turn: the part runs to that turn's end.
    const part = await client.call('documents.get', { id: doc.id, opening: 300 });
    const cut = whole.segments.findIndex((s) => s.end >= 300);
    expect(part.segments).toEqual(whole.segments.slice(0, cut + 1));
    expect(part.opening).toEqual({ end: whole.segments[cut]!.end, segmentCount: whole.segments.length });
    expect(part.text).toBe(text.slice(0, part.opening!.end));
    expect(part.codings.map((c) => c.id)).toEqual([early.id, across.id]);
    expect(part.codings).toEqual(whole.codings.filter((c) => c.id !== late.id));
    // Everything else is the whole document's.
    const { text: _t, segments: _s, codings: _c, opening: _o, ...rest } = part;
    const { text: _wt, segments: _ws, codings: _wc, ...wholeRest } = whole;
    expect(rest).toEqual(wholeRest);
    expect(part.length).toBe(text.length);
  });

  it('is the whole document when the opening asked for covers it', async () => {
    const { client } = await newProject();
    const doc = await client.call('documents.create', { title: 'Короткое', kind: 'interview', text: 'И: Как дела?\nР: Хорошо.' });
    const part = await client.call('documents.get', { id: doc.id, opening: 10_000 });
    expect(part.text).toBe('И: Как дела?\nР: Хорошо.');
    expect(part.opening).toEqual({ end: part.text.length, segmentCount: 2 });
  });

  it('refuses an opening of no characters', async () => {
    const { client } = await newProject();
    const doc = await client.call('documents.create', { title: 'Короткое', text: 'Текст.' });
    await expect(client.call('documents.get', { id: doc.id, opening: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
