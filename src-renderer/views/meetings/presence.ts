/**
 * Presence in presenter mode: the presenter publishes the item shown, attendees following along
 * (another browser tab, a laptop on the LAN, the desktop window) hear of each move. Held by the
 * core for the open project, never saved in it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { PRESENCE_HEARTBEAT_MS, QuireError } from '../../../src-shared/contract';
import type { MeetingItem, Presentation } from '../../../src-shared/contract';
import { call, onCoreEvent, onReconnected } from '../../api/client';
import { reportError } from '../../stores/notices';
import type { PresenterMode } from './store';

/**
 * Publishes the presenter's item whenever it changes (and whether attendees may decide), and ends
 * the presentation when presenter mode closes. Calls go one after another, so quick key presses
 * reach the core in the order they were made and followers end on the item the presenter did.
 * When another screen presenting the same meeting ends it, this one, still presenting, says so.
 */
export function usePublishPresentation(meetingId: string, itemId: string | null, allowDecisions: boolean, active: boolean): void {
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const send = useCallback((request: () => Promise<unknown>): void => {
    chain.current = chain.current.then(request).catch((error: unknown) => {
      // The item was dropped from the agenda meanwhile (the presenter's next item follows at once),
      // or the meeting or the project closed under the presentation: nothing to say.
      if (!(error instanceof QuireError && (error.code === 'not_found' || error.code === 'no_project'))) reportError(error);
    });
  }, []);
  useEffect(() => {
    if (!active || !itemId) return;
    const publish = (): void => send(() => call('meetings.present', { meetingId, itemId, allowDecisions }));
    publish();
    // Said again now and then: a presentation the core stops hearing of ends for those following.
    const heartbeat = setInterval(publish, PRESENCE_HEARTBEAT_MS);
    const off = onCoreEvent((event) => {
      if (event.type === 'presenting' && event.meetingId === meetingId && event.presentation === null) publish();
    });
    // Another screen may have ended the presentation while this one could not hear it.
    const offReconnected = onReconnected(publish);
    return () => {
      clearInterval(heartbeat);
      off();
      offReconnected();
    };
  }, [send, active, meetingId, itemId, allowDecisions]);
  useEffect(() => {
    if (!active) return;
    const end = (): Promise<unknown> => call('meetings.endPresentation', { meetingId });
    // Closing or reloading the presenter's tab ends it too (as far as the closing page still can).
    const onPageHide = (): void => void end().catch(() => undefined);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      send(end);
    };
  }, [send, active, meetingId]);
}

/** What an attendee following a meeting knows of its presentation. */
export interface Following {
  /** Who presents and at which item; null while nobody presents. */
  readonly presentation: Presentation | null;
  /** The presentation this attendee followed has ended. */
  readonly ended: boolean;
  /** Moving with the presenter (false after moving on one's own, until following again). */
  readonly live: boolean;
  stop(): void;
  /** Follows again, asking where the presenter is now (an event may have been missed meanwhile). */
  resume(): void;
}

/**
 * Follows who presents `meetingId`: asks at once (joining late) and then hears every move; asks
 * again, as a late joiner, when events flow again after a drop (moves or the end went unheard).
 */
export function useFollowing(meetingId: string, active: boolean): Following {
  const [presentation, setPresentation] = useState<Presentation | null>(null);
  const [ended, setEnded] = useState(false);
  const [live, setLive] = useState(true);
  const [asking, setAsking] = useState(0);
  // Whether this attendee has followed a presentation of the meeting: one gone when asked again has ended.
  const followed = useRef(false);
  useEffect(() => {
    if (!active) return;
    let current = true;
    // An event heard before the answer arrives is newer than the answer.
    let heard = false;
    const off = onCoreEvent((event) => {
      if (event.type !== 'presenting' || event.meetingId !== meetingId) return;
      heard = true;
      followed.current ||= event.presentation !== null;
      setPresentation(event.presentation);
      setEnded(event.presentation === null);
    });
    const offReconnected = onReconnected(() => setAsking((n) => n + 1));
    call('meetings.presenting', { meetingId })
      .then((now) => {
        if (!current || heard) return;
        setPresentation(now);
        setEnded(now === null && followed.current);
        followed.current ||= now !== null;
      })
      .catch((error: unknown) => current && reportError(error));
    return () => {
      current = false;
      off();
      offReconnected();
    };
  }, [meetingId, active, asking]);
  const stop = useCallback(() => setLive(false), []);
  const resume = useCallback(() => {
    setLive(true);
    setAsking((n) => n + 1);
  }, []);
  return { presentation, ended, live, stop, resume };
}

/** Presenter mode's side of presence, for either mode. */
export interface SharedPresentation {
  /** What an attendee following knows (unused while presenting). */
  readonly following: Following;
  /** The presenter's item on this agenda (0-based), -1 when nobody presents or it is not on it. */
  readonly presenterIndex: number;
  /** The presenter lets attendees decide (the presenter's switch, or what an attendee was told). */
  readonly allowDecisions: boolean;
  setAllowDecisions(allow: boolean): void;
  /** This screen may take decisions: the presenter's, or an attendee's when allowed. */
  readonly mayDecide: boolean;
  /** Moves this screen; an attendee moving on their own stops following. */
  move(index: number): void;
}

/**
 * Shares presenter mode: presenting publishes the item shown; following goes where the presenter
 * goes, found by the item's id since the agenda may have been reordered meanwhile. While `hold`
 * (an attendee allowed to decide is writing a decision) the screen stays put and goes to the
 * presenter's item when the form closes: a half-written note is not thrown away.
 */
export function useSharedPresentation(
  mode: PresenterMode,
  meetingId: string,
  items: readonly MeetingItem[] | null,
  itemId: string | null,
  goTo: (index: number) => void,
  hold = false,
): SharedPresentation {
  const presenting = mode === 'presenting';
  const [allowDecisions, setAllowDecisions] = useState(false);
  usePublishPresentation(meetingId, itemId, allowDecisions, presenting);
  const following = useFollowing(meetingId, !presenting && meetingId !== '');
  const followed = following.presentation;
  const presenterIndex = followed && items ? items.findIndex((i) => i.id === followed.itemId) : -1;
  useEffect(() => {
    if (following.live && presenterIndex >= 0 && !hold) goTo(presenterIndex);
  }, [following.live, presenterIndex, goTo, hold]);
  const { stop } = following;
  const move = useCallback(
    (index: number): void => {
      if (!presenting && followed) stop();
      goTo(index);
    },
    [presenting, followed, stop, goTo],
  );
  return {
    following,
    presenterIndex,
    allowDecisions: presenting ? allowDecisions : (followed?.allowDecisions ?? false),
    setAllowDecisions,
    mayDecide: presenting || (followed?.allowDecisions ?? false),
    move,
  };
}

