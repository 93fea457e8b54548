import { describe, expect, it } from 'vitest';
import { quire } from './cli-support';
import { newProject, seed } from './support';

describe('quire meeting agenda', () => {
  it('prints what is new since the team’s last meeting, filtered by code and coder', async () => {
    const { client, file } = await newProject();
    const s = await seed(client);
    const olga = await client.call('members.create', { name: 'Ольга Кузнецова', initials: 'ОК' });
    const early = s.text.indexOf('Мастер даёт');
    await client.call('codings.apply', { documentId: s.interview.id, codeId: s.type2.id, start: early, end: early + 11 });
    await client.call('meetings.create', { team: 'Samara', heldAt: new Date(Date.now() + 1).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const start = s.text.indexOf('как отец родной');
    await client.call('codings.applyMany', { codings: [{ documentId: s.interview.id, codeId: s.paternalism.id, start, end: start + 15, coderId: olga.id }] });
    await client.call('project.close', {});

    const run = await quire('meeting', 'agenda', file, '--team', 'Samara', '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toEqual([
      expect.objectContaining({ group: 'Paternalism', change: 'added', who: 'Ольга Кузнецова', item: 'как отец родной', document: 'Интервью с мастером, Кольца', kind: 'coding' }),
    ]);
    expect(run.err).toMatch(/^1 item new for Samara since \d{4}-\d\d-\d\d \d\d:\d\d\n$/);

    expect(JSON.parse((await quire('meeting', 'agenda', file, '--team', 'Samara', '--coder', 'Ирина Соколова', '--format', 'json')).out)).toEqual([]);
    expect(JSON.parse((await quire('meeting', 'agenda', file, '--team', 'Samara', '--code', 'Informal relations', '--format', 'json')).out)).toEqual([]);
    // A team that never met sees everything: the earlier coding, and the interview coded with the code.
    expect(JSON.parse((await quire('meeting', 'agenda', file, '--team', 'Kazan', '--code', 'Informal relations', '--format', 'json')).out)).toEqual([
      expect.objectContaining({ group: 'Type 2: personal dependence', item: 'Мастер даёт' }),
      expect.objectContaining({ group: 'New documents', item: 'Интервью с мастером, Кольца', kind: 'document' }),
    ]);
    expect((await quire('meeting', 'agenda', file)).code).toBe(2);
    expect((await quire('meeting', 'agenda', file, '--team', 'Samara', '--code', 'Nothing')).err).toContain('there is no code called "Nothing"');
  });
});
