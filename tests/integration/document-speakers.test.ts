import { describe, expect, it } from 'vitest';
import { newProject, seed } from './support';

describe('a document’s speakers', () => {
  it('lists the labels of the current revision in speaking order with turns, case and side', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    expect(await client.call('documents.speakers', { id: s.interview.id })).toEqual([
      { label: 'И', turns: 2, caseId: null, side: 'interviewer' },
      { label: 'Р', turns: 3, caseId: s.foreman.id, side: 'informant' },
    ]);
  });

  it('follows a link changed after import, as one undoable step named in words', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    const speakers = () => client.call('documents.speakers', { id: s.interview.id });

    // "Р" unlinked: not an interviewer's label, so still an informant's, of no case.
    await client.call('documents.linkSpeaker', { documentId: s.interview.id, speaker: 'Р', caseId: null });
    expect((await speakers())[1]).toEqual({ label: 'Р', turns: 3, caseId: null, side: 'informant' });
    const [unlinked] = await client.call('history.list', { method: 'documents.linkSpeaker', limit: 1 });
    expect(unlinked!.summary).toBe('Unlinked “Р” in “Интервью с мастером, Кольца” from its case');

    // "И" linked to a case speaks for it: an informant's turns now.
    await client.call('documents.linkSpeaker', { documentId: s.interview.id, speaker: 'И', caseId: s.foreman.id });
    expect((await speakers())[0]).toEqual({ label: 'И', turns: 2, caseId: s.foreman.id, side: 'informant' });
    const { entry } = await client.call('history.undo', {});
    expect(entry.summary).toBe('Linked “И” in “Интервью с мастером, Кольца” to the case “Мастер Петров”');
    expect((await speakers())[0]).toEqual({ label: 'И', turns: 2, caseId: null, side: 'interviewer' });
    await client.call('history.undo', {});
    expect((await speakers())[1]).toEqual({ label: 'Р', turns: 3, caseId: s.foreman.id, side: 'informant' });
  });

  it('counts a label naming one of the document’s interviewers as the interviewer’s', async () => {
    const { client } = await newProject();
    const [me] = await client.call('members.list', {});
    const doc = await client.call('documents.create', {
      title: 'Беседа',
      interviewerIds: [me!.id],
      text: `${me!.name}: Как дела на заводе?\nПетров: Плохо.\n${me!.name}: Почему?`,
    });
    expect(await client.call('documents.speakers', { id: doc.id })).toEqual([
      { label: me!.name, turns: 2, caseId: null, side: 'interviewer' },
      { label: 'Петров', turns: 1, caseId: null, side: 'informant' },
    ]);
  });

  it('shows only the labels the current revision carries, and says when the document is gone', async () => {
    const { client } = await newProject();
    const s = await seed(client);
    await client.call('documents.revise', { id: s.interview.id, text: s.text.replaceAll('Р:', 'Р1:') });
    expect(await client.call('documents.speakers', { id: s.interview.id })).toEqual([
      { label: 'И', turns: 2, caseId: null, side: 'interviewer' },
      { label: 'Р1', turns: 3, caseId: null, side: 'informant' },
    ]);
    await client.call('documents.delete', { id: s.interview.id, cascade: true });
    await expect(client.call('documents.speakers', { id: s.interview.id })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('This document was not found') });
  });
});
