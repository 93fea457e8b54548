import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESENCE_HEARTBEAT_MS, PRESENCE_TIMEOUT_MS } from '../../src-shared/contract';
import type { CoreEvent } from '../../src-shared/contract';
import { newProject, seed, snapshot } from './support';

/** A meeting with three memos on its agenda, and every event the core pushes from then on. */
async function presented() {
  const opened = await newProject();
  const { client, core } = opened;
  const s = await seed(client);
  const memos = [];
  for (const title of ['Первый', 'Второй', 'Третий']) memos.push(await client.call('memos.create', { targetType: 'code', targetId: s.type2.id, title, content: null, text: title }));
  const planned = await client.call('meetings.create', { team: 'Samara', heldAt: '2026-11-16T10:00', title: 'Week 46' });
  const meeting = await client.call('meetings.setAgenda', { meetingId: planned.id, items: memos.map((m) => ({ kind: 'memo' as const, targetId: m.id })) });
  const events: CoreEvent[] = [];
  core.on((event) => events.push(event));
  return { ...opened, meeting, items: meeting.items, events };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('meeting presence (who presents a meeting, at which item)', () => {
  it('is told to every face, kept for latecomers, and ended; never in the change log or the undo stack', async () => {
    const { client, file, meeting, items, events } = await presented();
    const before = snapshot(file);
    const history = await client.call('history.list', { limit: 1000 });
    expect(await client.call('meetings.presenting', { meetingId: meeting.id })).toBeNull();

    const first = await client.call('meetings.present', { meetingId: meeting.id, itemId: items[0]!.id });
    expect(first).toMatchObject({ meetingId: meeting.id, itemId: items[0]!.id, presenterName: 'Ирина Соколова', allowDecisions: false });
    const moved = await client.call('meetings.present', { meetingId: meeting.id, itemId: items[2]!.id, allowDecisions: true });
    expect(moved).toMatchObject({ itemId: items[2]!.id, allowDecisions: true, since: first.since });
    // Someone starting to follow now asks and lands on the presenter's item.
    expect(await client.call('meetings.presenting', { meetingId: meeting.id })).toEqual(moved);
    expect(events).toEqual([
      { type: 'presenting', meetingId: meeting.id, presentation: first },
      { type: 'presenting', meetingId: meeting.id, presentation: moved },
    ]);

    expect(await client.call('meetings.endPresentation', { meetingId: meeting.id })).toBeNull();
    expect(await client.call('meetings.presenting', { meetingId: meeting.id })).toBeNull();
    expect(events.at(-1)).toEqual({ type: 'presenting', meetingId: meeting.id, presentation: null });
    // Ending what is not presented tells nobody anything.
    await client.call('meetings.endPresentation', { meetingId: meeting.id });
    expect(events).toHaveLength(3);
    // Presence is not project data: no 'changed' event, nothing written, nothing to undo.
    expect(events.every((e) => e.type === 'presenting')).toBe(true);
    expect(snapshot(file)).toBe(before);
    expect(await client.call('history.list', { limit: 1000 })).toEqual(history);
    const undone = await client.call('history.undo', {});
    expect(undone.entry.method).toBe('meetings.setAgenda');
  });

  it('ends, for those following, when the presenter has not been heard of for a minute', async () => {
    const { client, meeting, items, events } = await presented();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    await client.call('meetings.present', { meetingId: meeting.id, itemId: items[0]!.id });
    // The presenter's screen says where it is now and then: it goes on presenting.
    await vi.advanceTimersByTimeAsync(PRESENCE_TIMEOUT_MS - PRESENCE_HEARTBEAT_MS);
    await client.call('meetings.present', { meetingId: meeting.id, itemId: items[0]!.id });
    await vi.advanceTimersByTimeAsync(PRESENCE_TIMEOUT_MS - PRESENCE_HEARTBEAT_MS);
    expect(await client.call('meetings.presenting', { meetingId: meeting.id })).toMatchObject({ itemId: items[0]!.id });
    // Then its laptop sleeps: nothing more is heard, and the presentation ends.
    await vi.advanceTimersByTimeAsync(PRESENCE_TIMEOUT_MS);
    expect(await client.call('meetings.presenting', { meetingId: meeting.id })).toBeNull();
    expect(events.at(-1)).toEqual({ type: 'presenting', meetingId: meeting.id, presentation: null });
  });

  it('refuses an item not on the agenda, or a meeting not in the project, in words', async () => {
    const { client, meeting, items } = await presented();
    const other = await client.call('meetings.create', { team: 'Moscow', heldAt: '2026-11-17T10:00' });
    await expect(client.call('meetings.present', { meetingId: other.id, itemId: items[0]!.id })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('no longer on the meeting’s agenda') });
    await expect(client.call('meetings.present', { meetingId: '01900000-0000-7000-8000-000000000000', itemId: items[0]!.id })).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('meeting was not found') });
    await expect(client.call('meetings.present', { meetingId: meeting.id, itemId: 'not an id' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await client.call('meetings.presenting', { meetingId: meeting.id })).toBeNull();
  });

  it('ends when the meeting is deleted or the project closes', async () => {
    const { client, core, meeting, items, events, file } = await presented();
    await client.call('meetings.present', { meetingId: meeting.id, itemId: items[1]!.id });
    await client.call('meetings.remove', { id: meeting.id });
    expect(events.filter((e) => e.type === 'presenting').at(-1)).toEqual({ type: 'presenting', meetingId: meeting.id, presentation: null });
    expect(await client.call('meetings.presenting', { meetingId: meeting.id })).toBeNull();

    await client.call('history.undo', {});
    await client.call('meetings.present', { meetingId: meeting.id, itemId: items[1]!.id });
    await client.call('project.close', {});
    expect(events.filter((e) => e.type === 'presenting').at(-1)).toEqual({ type: 'presenting', meetingId: meeting.id, presentation: null });
    await client.call('project.open', { path: file, actor: { name: 'Ирина Соколова' } });
    expect(await client.call('meetings.presenting', { meetingId: meeting.id })).toBeNull();
    await core.dispose();
    await expect(client.call('meetings.presenting', { meetingId: meeting.id })).rejects.toMatchObject({ code: 'no_project' });
  });
});
