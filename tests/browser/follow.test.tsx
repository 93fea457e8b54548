import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import '@mantine/core/styles.css';
import { useBridge } from '../../src-renderer/api/client';
import { initI18n } from '../../src-renderer/i18n';
import { FollowBar } from '../../src-renderer/views/meetings/FollowBar';
import { useFollowing, usePublishPresentation, useSharedPresentation } from '../../src-renderer/views/meetings/presence';
import { PRESENCE_HEARTBEAT_MS } from '../../src-shared/contract';
import type { CallResult, CoreEvent, MeetingItem, Presentation, QuireBridge } from '../../src-shared/contract';

// React's act() warns unless it is told this is a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * An attendee's follow bar over a fake core, in Russian: asking who presents when following
 * starts (joining late), hearing each move, a move heard before the answer winning over it, and
 * the end of the presentation, each said in the live region.
 */
const MEETING = '0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f70';
const ITEMS = ['i1', 'i2', 'i3'];
const at = (itemId: string, allowDecisions = false): Presentation => ({ meetingId: MEETING, itemId, presenterId: 'p', presenterName: 'Анна', allowDecisions, since: '2026-11-28T10:00:00.000Z' });

function Harness() {
  const following = useFollowing(MEETING, true);
  const index = following.presentation ? ITEMS.indexOf(following.presentation.itemId) : -1;
  return <FollowBar following={following} presenterIndex={index} count={ITEMS.length} />;
}

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  host?.remove();
  root = null;
});

/**
 * A core that answers `meetings.presenting` when told to, records the presenter's calls, and pushes
 * events; with `slow`, each `meetings.present` is answered only when `release` is called.
 * `reconnect` is the browser edition's socket coming back after a drop (events pushed meanwhile lost).
 */
function fakeCore(slow = false) {
  const listeners = new Set<(event: CoreEvent) => void>();
  const reconnectedListeners = new Set<() => void>();
  const calls: [string, unknown][] = [];
  let answer: (result: Presentation | null) => void = () => {};
  const waiting: (() => void)[] = [];
  const bridge: QuireBridge = {
    call: (method, input) => {
      calls.push([method, input]);
      if (method === 'meetings.presenting') return new Promise<CallResult<unknown>>((resolve) => (answer = (result) => resolve({ ok: true, result })));
      if (slow && method === 'meetings.present') return new Promise<CallResult<unknown>>((resolve) => waiting.push(() => resolve({ ok: true, result: null })));
      return Promise.resolve({ ok: true, result: null });
    },
    on: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReconnected: (listener) => {
      reconnectedListeners.add(listener);
      return () => reconnectedListeners.delete(listener);
    },
  };
  const push = (presentation: Presentation | null, meetingId = MEETING) => act(async () => listeners.forEach((l) => l({ type: 'presenting', meetingId, presentation })));
  const release = () => act(async () => waiting.shift()?.());
  const reconnect = () => act(async () => reconnectedListeners.forEach((l) => l()));
  const asked = () => calls.filter(([method]) => method === 'meetings.presenting').length;
  return { bridge, push, calls, release, reconnect, asked, answer: (result: Presentation | null) => act(async () => answer(result)) };
}

async function mount(bridge: QuireBridge, what = <Harness />): Promise<HTMLElement> {
  await initI18n('ru');
  useBridge(bridge);
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root!.render(<MantineProvider>{what}</MantineProvider>));
  return host.querySelector<HTMLElement>('[role="status"]')!;
}

function Presenting({ itemId }: { readonly itemId: string }) {
  usePublishPresentation(MEETING, itemId, false, true);
  return null;
}

describe('following a presentation', () => {
  it('joins late on the presenter’s item, follows each move of this meeting only, and hears the end', async () => {
    const core = fakeCore();
    const status = await mount(core.bridge);
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Эту встречу пока никто не показывает: вы начнёте следить, как только кто-нибудь начнёт.');
    await core.answer(at('i2'));
    expect(status.textContent).toBe('Показывает Анна — пункт 2 из 3');
    expect(host!.textContent).toContain('Только чтение: решения принимает ведущий.');
    await core.push(at('i3', true));
    expect(status.textContent).toBe('Показывает Анна — пункт 3 из 3');
    expect(host!.textContent).toContain('Ведущий разрешил участникам принимать решения.');
    await core.push(at('i1'), 'another-meeting');
    expect(status.textContent).toBe('Показывает Анна — пункт 3 из 3');
    await core.push(at('gone'));
    expect(status.textContent).toBe('Анна показывает пункт, которого больше нет в повестке.');
    await core.push(null);
    expect(status.textContent).toBe('Показ завершён. Можете дальше листать пункты сами.');
  });

  it('keeps a move heard before the answer to “who presents?”, and follows again on request', async () => {
    const core = fakeCore();
    const status = await mount(core.bridge);
    await core.push(at('i3'));
    await core.answer(at('i1'));
    expect(status.textContent).toBe('Показывает Анна — пункт 3 из 3');
    const button = (name: string) => [...host!.querySelectorAll('button')].find((b) => b.textContent === name)!;
    await act(async () => button('Перестать следить').click());
    expect(status.textContent).toBe('Вы листаете сами; Анна показывает пункт 3 из 3.');
    await act(async () => button('Снова следить').click());
    // Following again asks the core afresh: a move may have been missed meanwhile.
    await core.answer(at('i2'));
    expect(status.textContent).toBe('Показывает Анна — пункт 2 из 3');
    // One button turns over, so the keyboard focus stays where it was.
    const toggle = button('Перестать следить');
    toggle.focus();
    await act(async () => toggle.click());
    expect(document.activeElement).toBe(toggle);
    expect(toggle.textContent).toBe('Снова следить');
    // The presentation ends while this attendee is not listening for it: asked again, it has ended.
    await act(async () => toggle.click());
    await core.answer(null);
    expect(status.textContent).toBe('Показ завершён. Можете дальше листать пункты сами.');
  });

  it('asks again where the presenter is when its events come through again after a drop, as a late joiner does', async () => {
    const core = fakeCore();
    const status = await mount(core.bridge);
    // The socket drops and comes back before anyone presents: still nobody.
    await core.reconnect();
    expect(core.asked()).toBe(2);
    await core.answer(null);
    expect(status.textContent).toBe('Эту встречу пока никто не показывает: вы начнёте следить, как только кто-нибудь начнёт.');
    await core.push(at('i1'));
    expect(status.textContent).toBe('Показывает Анна — пункт 1 из 3');
    // The presenter moved to item 3 while this attendee's socket was down; the move was not heard.
    await core.reconnect();
    expect(core.asked()).toBe(3);
    await core.answer(at('i3'));
    expect(status.textContent).toBe('Показывает Анна — пункт 3 из 3');
    // The presentation ended while the socket was down.
    await core.reconnect();
    await core.answer(null);
    expect(status.textContent).toBe('Показ завершён. Можете дальше листать пункты сами.');
  });

  it('goes to the presenter’s item after a reconnect, and only asks while following', async () => {
    const core = fakeCore();
    const items = ITEMS.map((id, order) => ({ id, order }) as unknown as MeetingItem);
    const went: number[] = [];
    const goTo = (index: number): void => void went.push(index);
    function Attendee({ mode }: { readonly mode: 'following' | 'presenting' }) {
      useSharedPresentation(mode, MEETING, items, 'i1', goTo);
      return <span role="status" />;
    }
    await mount(core.bridge, <Attendee mode="following" />);
    await core.answer(at('i1'));
    await core.reconnect();
    await core.answer(at('i2'));
    expect(went).toEqual([0, 1]);
    // Presenting, this screen does not ask who presents: it says where it is again instead.
    await act(async () => root!.render(<MantineProvider><Attendee mode="presenting" /></MantineProvider>));
    const before = core.asked();
    const published = (): number => core.calls.filter(([method]) => method === 'meetings.present').length;
    const publishedBefore = published();
    await core.reconnect();
    expect(core.asked()).toBe(before);
    expect(published()).toBe(publishedBefore + 1);
  });

  it('stays on the item while an attendee writes a decision, and goes to the presenter’s when the form closes', async () => {
    const core = fakeCore();
    const items = ITEMS.map((id, order) => ({ id, order }) as unknown as MeetingItem);
    const went: number[] = [];
    const goTo = (index: number): void => void went.push(index);
    function Attendee({ deciding }: { readonly deciding: boolean }) {
      useSharedPresentation('following', MEETING, items, 'i1', goTo, deciding);
      return <span role="status" />;
    }
    await mount(core.bridge, <Attendee deciding={false} />);
    await core.answer(at('i1', true));
    expect(went).toEqual([0]);
    await act(async () => root!.render(<MantineProvider><Attendee deciding /></MantineProvider>));
    await core.push(at('i3', true));
    expect(went).toEqual([0]);
    await act(async () => root!.render(<MantineProvider><Attendee deciding={false} /></MantineProvider>));
    expect(went).toEqual([0, 2]);
  });

  it('says where it is again now and then, so the core can tell a presenter who went silent', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const core = fakeCore();
      await mount(core.bridge, <Presenting itemId="i1" />);
      await act(async () => vi.advanceTimersByTimeAsync(2 * PRESENCE_HEARTBEAT_MS));
      expect(core.calls.filter(([method]) => method === 'meetings.present')).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a move only after the core has taken the one before', async () => {
    const core = fakeCore(true);
    await mount(core.bridge, <Presenting itemId="i1" />);
    await act(async () => root!.render(<MantineProvider><Presenting itemId="i2" /></MantineProvider>));
    expect(core.calls.map(([, input]) => (input as { itemId: string }).itemId)).toEqual(['i1']);
    await core.release();
    expect(core.calls.map(([, input]) => (input as { itemId: string }).itemId)).toEqual(['i1', 'i2']);
    await core.release();
  });

  it('publishes each move in order, says it again when another screen ended the presentation, and ends it on leaving', async () => {
    const core = fakeCore();
    await mount(core.bridge, <Presenting itemId="i1" />);
    await act(async () => root!.render(<MantineProvider><Presenting itemId="i2" /></MantineProvider>));
    await core.push(null);
    await core.push(null, 'another-meeting');
    await act(async () => root!.unmount());
    root = null;
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(core.calls).toEqual([
      ['meetings.present', { meetingId: MEETING, itemId: 'i1', allowDecisions: false }],
      ['meetings.present', { meetingId: MEETING, itemId: 'i2', allowDecisions: false }],
      ['meetings.present', { meetingId: MEETING, itemId: 'i2', allowDecisions: false }],
      ['meetings.endPresentation', { meetingId: MEETING }],
    ]);
  });
});
