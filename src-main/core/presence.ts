import type BetterSqlite3 from 'better-sqlite3';
import { PRESENCE_TIMEOUT_MS } from '../../src-shared/contract';
import type { Presentation } from '../../src-shared/contract';
import { statement } from './db/statements';

/** The session methods about who presents a meeting: presence, not project data. */
export const PRESENCE_METHODS = ['meetings.present', 'meetings.endPresentation', 'meetings.presenting'] as const;
export type PresenceMethod = (typeof PRESENCE_METHODS)[number];

export const isPresenceMethod = (name: string): name is PresenceMethod => (PRESENCE_METHODS as readonly string[]).includes(name);

/**
 * Who presents which meeting, at which item, for the open project: held in memory by the core so
 * every face (the desktop window, browser tabs on the LAN) can follow, and forgotten when the
 * project closes. It never reaches the change log, so it is never undone or merged.
 */
export class MeetingPresence {
  private readonly byMeeting = new Map<string, Presentation>();
  /** When each presentation was last heard of (ms since the epoch). */
  private readonly heard = new Map<string, number>();

  get size(): number {
    return this.byMeeting.size;
  }

  get(meetingId: string): Presentation | null {
    return this.byMeeting.get(meetingId) ?? null;
  }

  /** Records the presenter's move; the start time stays that of the first move. */
  set(move: Omit<Presentation, 'since'>, now: Date): Presentation {
    const since = this.byMeeting.get(move.meetingId)?.since ?? now.toISOString();
    const presentation: Presentation = { ...move, since };
    this.byMeeting.set(move.meetingId, presentation);
    this.heard.set(move.meetingId, now.getTime());
    return presentation;
  }

  /** Ends one presentation; true when there was one. */
  end(meetingId: string): boolean {
    this.heard.delete(meetingId);
    return this.byMeeting.delete(meetingId);
  }

  /** The meetings whose presenter has not been heard of for `PRESENCE_TIMEOUT_MS` by `now`. */
  silent(now: number): string[] {
    return [...this.heard].filter(([, at]) => now - at >= PRESENCE_TIMEOUT_MS).map(([meetingId]) => meetingId);
  }

  /** The meetings presented now, e.g. to end them all when the project closes. */
  meetingIds(): string[] {
    return [...this.byMeeting.keys()];
  }
}

/** Whether a meeting is still in the project and the item still on its agenda. */
export function presentable(raw: BetterSqlite3.Database, meetingId: string, itemId: string | null): { meeting: boolean; item: boolean } {
  const meeting = statement(raw, 'SELECT 1 FROM meetings WHERE id = ?').get(meetingId) !== undefined;
  const item = meeting && itemId !== null && statement(raw, 'SELECT 1 FROM meeting_items WHERE id = ? AND meeting_id = ?').get(itemId, meetingId) !== undefined;
  return { meeting, item };
}
