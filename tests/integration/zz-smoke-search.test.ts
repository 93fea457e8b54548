import { it } from 'vitest';
import { newProject, seed } from './support';
it('smoke', async () => {
  const { client } = await newProject();
  const s = await seed(client);
  const doc = await client.call('documents.create', { title: 'Заметка', kind: 'field_note', text: 'Доверие к институтам падает.\nРеспонденты говорят о ДОВЕРИИ и о заводе «Луч». Ёлка и елка.\nThe respondents trusted the factory.' });
  for (const q of ['доверию', 'респондент', 'respondent', '"о заводе"', 'завод*', 'елка', 'мастер AND (калым OR отец)', 'мастер NOT калым', 'NEAR(', 'col:', '"', '*', 'a"b', 'NOT x']) {
    try {
      const r = await client.call('search.query', { query: q });
      console.log(q, '→', r.total, r.hits.map((h) => `[${h.before.slice(-15)}|${h.match}|${h.after.slice(0, 15)}] ${h.citation}`));
    } catch (e) { console.log(q, 'ERR', (e as Error).message); }
  }
  for (const q of ['ове', 'иту', 'ёлк', 'ab']) {
    try { const r = await client.call('search.query', { query: q, mode: 'substring' }); console.log(q, r.total, r.hits.map((h) => h.match)); } catch (e) { console.log(q, 'ERR', (e as Error).message); }
  }
  void doc; void s;
});
