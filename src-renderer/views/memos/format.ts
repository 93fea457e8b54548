import type { Member } from '../../../src-shared/model/entities';

/** "12 May 2026, 14:05" in the interface language, not the machine's. */
export function formatWhen(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function authorName(members: readonly Member[], id: string): string {
  return members.find((m) => m.id === id)?.name ?? '—';
}
