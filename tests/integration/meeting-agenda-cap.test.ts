import { describe, expect, it } from 'vitest';
import { newProject, seed } from './support';

describe('meetings.proposeAgenda at scale', () => {
  it('shows the first candidates of each group, oldest first, counts the rest, and keeps what is on the agenda', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const words = ['Мастер', 'выгодную', 'работу', 'своим', 'калым'];
    for (const w of words) {
      const start = s.text.indexOf(w);
      await client.call('codings.applyMany', { codings: [{ documentId: s.interview.id, codeId: s.paternalism.id, start, end: start + w.length }] });
    }
    const all = await client.call('meetings.proposeAgenda', { team: 'Samara', perGroup: 100 });
    const paternalism = all.groups.find((g) => g.codeId === s.paternalism.id)!;
    expect(paternalism).toMatchObject({ total: 5, more: 0 });
    expect(paternalism.candidates.map((c) => c.quote)).toEqual(words);

    const capped = await client.call('meetings.proposeAgenda', { team: 'Samara', perGroup: 2 });
    expect(capped.groups.find((g) => g.codeId === s.paternalism.id)).toMatchObject({ total: 5, more: 3, candidates: [{ quote: 'Мастер' }, { quote: 'выгодную' }] });
    expect(capped.groups.find((g) => g.key === 'documents')).toMatchObject({ total: 1, more: 0 });

    // An item already on the agenda is shown even beyond the cap, marked as on it.
    const meeting = await client.call('meetings.create', { team: 'Samara', heldAt: '2030-01-01' });
    const last = paternalism.candidates[4]!;
    await client.call('meetings.setAgenda', { meetingId: meeting.id, items: [{ kind: 'coding', targetId: last.targetId }] });
    const withAgenda = await client.call('meetings.proposeAgenda', { meetingId: meeting.id, perGroup: 2 });
    const group = withAgenda.groups.find((g) => g.codeId === s.paternalism.id)!;
    expect(group.candidates.map((c) => [c.quote, c.onAgenda])).toEqual([
      ['Мастер', false],
      ['выгодную', false],
      ['калым', true],
    ]);
    expect(group.more).toBe(2);

    await expect(client.call('meetings.proposeAgenda', { team: 'Samara', perGroup: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
