/**
 * Field notes and enterprise reports written in Quire start with labelled lines ("Date: 12 May
 * 1993", "Предприятие: Кольца") that the templates put there. When such a note becomes a document,
 * these lines fill its metadata. The labels are matched in both interface languages, so a note
 * written in Russian works for a colleague whose interface is in English.
 */

export const WRITTEN_FIELDS = ['date', 'period', 'enterprise', 'place'] as const;
export type WrittenField = (typeof WRITTEN_FIELDS)[number];

const LABELS: Readonly<Record<WrittenField, readonly string[]>> = {
  date: ['date', 'дата'],
  period: ['period', 'период'],
  enterprise: ['enterprise', 'предприятие'],
  place: ['place', 'место'],
};

/** Labelled lines are at the top; a colon deep in the account is prose, not a field. */
const HEADER_LINES = 15;

/**
 * The template fields found in the first lines of a written note.
 *
 * @example
 * readWrittenFields('Полевая заметка\nДата: 12 мая 1993 г.\nМесто: Кольца')
 * // { date: '12 мая 1993 г.', place: 'Кольца' }
 */
export function readWrittenFields(text: string): Partial<Record<WrittenField, string>> {
  const found: Partial<Record<WrittenField, string>> = {};
  const lines = text.split('\n').filter((l) => l.trim() !== '').slice(0, HEADER_LINES);
  for (const line of lines) {
    const m = /^\s*([^:]{1,40}):\s*(\S.*?)\s*$/u.exec(line);
    if (!m) continue;
    const label = m[1]!.trim().toLowerCase();
    const field = WRITTEN_FIELDS.find((f) => LABELS[f].includes(label));
    if (field && found[field] === undefined) found[field] = m[2]!;
  }
  return found;
}

/** A label a template may use for a field, in every interface language (for checking the templates). */
export function isWrittenFieldLabel(field: WrittenField, label: string): boolean {
  return LABELS[field].includes(label.replace(/:\s*$/, '').trim().toLowerCase());
}
