/**
 * Pure pieces of the meeting screen: the agenda as a list of references, moved and merged the way
 * the agenda editor and the "new since last meeting" proposal need, and dates shown by locale.
 */
import type { AgendaKind, MeetingItem } from '../../../src-shared/contract';

/** What `meetings.setAgenda` takes for one item. */
export interface AgendaRef {
  readonly kind: AgendaKind;
  readonly targetId: string;
}

export const refKey = (ref: AgendaRef): string => `${ref.kind}:${ref.targetId}`;

export const refsOf = (items: readonly MeetingItem[]): AgendaRef[] => items.map((i) => ({ kind: i.target.kind, targetId: i.target.targetId }));

/** The list with the entry at `from` moved to `to` (both clamped to the list). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const [entry] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, entry!);
  return out;
}

/** The agenda with `chosen` added at its end, each once, in the order chosen. */
export function withAdded(agenda: readonly AgendaRef[], chosen: readonly AgendaRef[]): AgendaRef[] {
  const seen = new Set(agenda.map(refKey));
  const out = [...agenda];
  for (const ref of chosen) {
    if (seen.has(refKey(ref))) continue;
    seen.add(refKey(ref));
    out.push(ref);
  }
  return out;
}

/**
 * Where presenter mode stands on an agenda: at the item shown (`itemId`) wherever it is now, or
 * else at `index` (the item that took a dropped one's place), within the agenda.
 */
export function placeOn(items: readonly Pick<MeetingItem, 'id'>[], at: { readonly index: number; readonly itemId: string | null }): number {
  const found = at.itemId === null ? -1 : items.findIndex((i) => i.id === at.itemId);
  return found >= 0 ? found : Math.min(Math.max(at.index, 0), Math.max(items.length - 1, 0));
}

/** The day of a meeting as people write it in the interface language ("16 November 2026"). */
export function meetingDay(heldAt: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(heldAt));
}

/** A value for `<input type="datetime-local">` showing an ISO moment in the machine's time zone. */
export function localInputValue(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
