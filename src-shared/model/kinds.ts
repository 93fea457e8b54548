import { DOCUMENT_KINDS } from './entities';
import type { DocumentKind } from './entities';

/**
 * Words teams use for kinds of material in file names and manifests, English and Russian,
 * abbreviations included (`инт`, `int`, `fn`). Compared in lower case with ё as е.
 */
const WORDS: Readonly<Record<DocumentKind, readonly string[]>> = {
  interview: ['interview', 'int', 'интервью', 'инт', 'беседа', 'transcript', 'расшифровка'],
  field_note: ['field note', 'field_note', 'fieldnote', 'note', 'fn', 'полевая заметка', 'заметка', 'дневник наблюдения', 'наблюдение'],
  enterprise_report: ['enterprise report', 'enterprise_report', 'report', 'rep', 'отчет', 'отчет о предприятии', 'квартальный отчет'],
  meeting_record: ['meeting record', 'meeting_record', 'meeting', 'minutes', 'собрание', 'протокол', 'стенограмма'],
  press_item: ['press item', 'press_item', 'press', 'newspaper', 'пресса', 'газета', 'статья'],
  enterprise_document: ['enterprise document', 'enterprise_document', 'document', 'doc', 'документ', 'документ предприятия'],
  diary: ['diary', 'дневник'],
  letter: ['letter', 'письмо'],
  other: ['other', 'другое', 'прочее'],
};

const fold = (s: string): string => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/[-_]+/g, ' ');

/**
 * The document kind a word names, or null.
 *
 * @example
 * kindFromWord('интервью') // 'interview'
 * kindFromWord('Отчёт')    // 'enterprise_report'
 */
export function kindFromWord(word: string): DocumentKind | null {
  const folded = fold(word);
  return DOCUMENT_KINDS.find((kind) => WORDS[kind].some((w) => fold(w) === folded)) ?? null;
}
