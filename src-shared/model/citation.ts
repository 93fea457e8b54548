/**
 * The parenthetical attribution researchers put after a quoted passage, in the field's
 * convention: "(interview with a foreman, Кольца, June 1993)", "(интервью с мастером, Кольца,
 * июнь 1993 г.)". Everything a citation may say comes in as plain data, so a later "citation
 * templates" feature can replace this one function.
 */
import type { FuzzyDate } from './dates';
import { formatFuzzyDate } from './dates';
import type { DocumentKind } from './entities';

export type CitationLanguage = 'en' | 'ru';

export interface CitationSource {
  readonly kind: DocumentKind;
  readonly date: FuzzyDate | null;
  /** The informant's role (attribute "Role" of the speaking or interviewed case), as entered. */
  readonly role: string | null;
  /** The informant's gender as entered, for the Russian form of a few roles (рабочим / работницей). */
  readonly gender?: string | null;
  /** The enterprise the document or informant belongs to (its case name). */
  readonly enterprise: string | null;
}

interface RoleForms {
  /** English with its article: "a foreman", "the director". */
  readonly en: string;
  /** Russian instrumental, as after "с": "мастером". */
  readonly ru: string;
  readonly ruFemale?: string;
}

/**
 * Roles of Russian enterprises, keyed by the forms people enter (English, or Russian nominative).
 * A role not listed is cited as entered.
 */
const ROLES: readonly (readonly [readonly string[], RoleForms])[] = [
  [['worker', 'рабочий', 'рабочая', 'работница'], { en: 'a worker', ru: 'рабочим', ruFemale: 'работницей' }],
  [['brigadier', 'бригадир'], { en: 'a brigadier', ru: 'бригадиром' }],
  [['foreman', 'мастер'], { en: 'a foreman', ru: 'мастером' }],
  [['senior foreman', 'старший мастер'], { en: 'a senior foreman', ru: 'старшим мастером' }],
  [['shop chief', 'начальник цеха'], { en: 'a shop chief', ru: 'начальником цеха' }],
  [['deputy shop chief', 'заместитель начальника цеха'], { en: 'a deputy shop chief', ru: 'заместителем начальника цеха' }],
  [['specialist (itr)', 'specialist', 'специалист', 'итр'], { en: 'a specialist (ITR)', ru: 'специалистом (ИТР)' }],
  [['head of otk', 'начальник отк'], { en: 'the head of OTK', ru: 'начальником ОТК' }],
  [['head of personnel', 'начальник отдела кадров'], { en: 'the head of personnel', ru: 'начальником отдела кадров' }],
  [['union chair', 'председатель профкома'], { en: 'the union chair', ru: 'председателем профкома' }],
  [['deputy director', 'заместитель директора'], { en: 'a deputy director', ru: 'заместителем директора' }],
  [['director', 'директор'], { en: 'the director', ru: 'директором' }],
];

const KINDS: Readonly<Record<DocumentKind, { readonly en: string; readonly ru: string }>> = {
  interview: { en: 'interview', ru: 'интервью' },
  field_note: { en: 'field notes', ru: 'полевые заметки' },
  enterprise_report: { en: 'enterprise report', ru: 'отчёт по предприятию' },
  meeting_record: { en: 'meeting record', ru: 'запись собрания' },
  press_item: { en: 'press', ru: 'пресса' },
  enterprise_document: { en: 'enterprise document', ru: 'документ предприятия' },
  diary: { en: 'diary', ru: 'дневник' },
  letter: { en: 'letter', ru: 'письмо' },
  other: { en: 'document', ru: 'документ' },
};

const FEMALE = new Set(['female', 'f', 'woman', 'женский', 'женщина', 'ж', 'жен']);

function roleForms(role: string): RoleForms | null {
  const wanted = role.trim().toLocaleLowerCase();
  return ROLES.find(([names]) => names.includes(wanted))?.[1] ?? null;
}

/** "interview with a foreman" / "интервью с мастером"; a role not known is cited as entered. */
function what(source: CitationSource, language: CitationLanguage): string {
  const kind = KINDS[source.kind][language];
  const role = source.role?.trim();
  if (source.kind !== 'interview' || !role) return kind;
  const forms = roleForms(role);
  if (language === 'en') return `${kind} with ${forms ? forms.en : `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}`}`;
  if (!forms) return `${kind} (${role})`;
  const female = source.gender !== undefined && source.gender !== null && FEMALE.has(source.gender.trim().toLocaleLowerCase());
  return `${kind} с ${female && forms.ruFemale ? forms.ruFemale : forms.ru}`;
}

/**
 * The citation of a passage.
 *
 * @example
 * citation({ kind: 'interview', role: 'foreman', enterprise: 'Кольца', date: june1993 }, 'en')
 * // '(interview with a foreman, Кольца, June 1993)'
 */
export function citation(source: CitationSource, language: CitationLanguage): string {
  const parts = [what(source, language)];
  if (source.enterprise) parts.push(source.enterprise);
  if (source.date) parts.push(formatFuzzyDate(source.date, language));
  return `(${parts.join(', ')})`;
}
