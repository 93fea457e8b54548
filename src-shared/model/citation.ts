/**
 * The parenthetical attribution researchers put after a quoted passage, in the field's
 * convention: "(interview with a foreman, Кольца, June 1993)", "(интервью с мастером, Кольца,
 * июнь 1993 г.)". A citation is a template (one per document kind and language, editable in the
 * project) filled with fields. Everything a citation may say comes in as plain, already resolved
 * data: a caller that applies pseudonyms passes the pseudonymised enterprise and informant.
 *
 * Template syntax:
 * - `{field}` — a field's value, e.g. `{date}`;
 * - `[ … ]` — an optional part, kept only when every field in it has a value: `[, {enterprise}]`;
 * - `[ a | b ]` — the first alternative whose fields all have values: `[ с {role}| ({role_plain})]`;
 * - `\{`, `\[`, `\|`… — the character itself.
 * Whatever is left after empty parts drop is tidied: no ", ," and no "()".
 */
import type { FuzzyDate } from './dates';
import { formatFuzzyDate } from './dates';
import type { DocumentKind } from './entities';
import { DOCUMENT_KINDS } from './entities';

export type CitationLanguage = 'en' | 'ru';
export const CITATION_LANGUAGES: readonly CitationLanguage[] = ['en', 'ru'];

/** The fields a template may name, in the order people are shown them. */
export const CITATION_FIELDS = [
  'kind',
  'role',
  'role_plain',
  'enterprise',
  'region',
  'date',
  'date_short',
  'interviewer',
  'informant',
  'title',
  'quote_id',
] as const;
export type CitationField = (typeof CITATION_FIELDS)[number];

/** What a citation may say about a passage, resolved by the caller (pseudonyms already applied). */
export interface CitationSource {
  readonly kind: DocumentKind;
  readonly date: FuzzyDate | null;
  /** The informant's role (attribute "Role" of the speaking or interviewed case), as entered. */
  readonly role: string | null;
  /** The informant's gender as entered, for the Russian form of a few roles (рабочим / работницей). */
  readonly gender?: string | null;
  /** The enterprise the document or informant belongs to (its case name or pseudonym). */
  readonly enterprise: string | null;
  readonly region?: string | null;
  /** The interviewers' names, as they should appear. */
  readonly interviewer?: string | null;
  /** The informant's name (case name or pseudonym). */
  readonly informant?: string | null;
  readonly title?: string | null;
  /** The passage's stable id, e.g. `REM-INT-1993-06-014:q3`. */
  readonly quoteId?: string | null;
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

export const KIND_NAMES: Readonly<Record<DocumentKind, { readonly en: string; readonly ru: string }>> = {
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

/**
 * The role as it follows "with" / "с": English with its article ("a foreman", "an engineer"),
 * Russian in the instrumental when the role is known (empty otherwise: Russian cannot be
 * inflected by guessing, so templates fall back to `{role_plain}`).
 */
function roleAfterWith(source: CitationSource, language: CitationLanguage): string {
  const role = source.role?.trim();
  if (!role) return '';
  const forms = roleForms(role);
  if (language === 'en') return forms ? forms.en : `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}`;
  if (!forms) return '';
  const female = source.gender !== undefined && source.gender !== null && FEMALE.has(source.gender.trim().toLocaleLowerCase());
  return female && forms.ruFemale ? forms.ruFemale : forms.ru;
}

/** Day dates as the press is cited ("23.10.93"); any other precision as `{date}`. */
function shortDate(date: FuzzyDate, language: CitationLanguage): string {
  if (date.precision !== 'day') return formatFuzzyDate(date, language);
  const [y, m, d] = date.start.split('-') as [string, string, string];
  return `${d}.${m}.${y.slice(2)}`;
}

const text = (value: string | null | undefined): string => value?.trim() ?? '';

/** Every field's value for a passage (empty when unknown). */
export function citationValues(source: CitationSource, language: CitationLanguage): Readonly<Record<CitationField, string>> {
  return {
    kind: KIND_NAMES[source.kind][language],
    role: roleAfterWith(source, language),
    role_plain: text(source.role),
    enterprise: text(source.enterprise),
    region: text(source.region),
    date: source.date ? formatFuzzyDate(source.date, language) : '',
    date_short: source.date ? shortDate(source.date, language) : '',
    interviewer: text(source.interviewer),
    informant: text(source.informant),
    title: text(source.title),
    quote_id: text(source.quoteId),
  };
}

/**
 * The templates a new project starts with: they give the citations Quire has always given —
 * "(interview with a foreman, Кольца, June 1993)", "(field notes, Кольца, June 1993)".
 */
export function defaultTemplate(kind: DocumentKind, language: CitationLanguage): string {
  if (kind !== 'interview') return '({kind}[, {enterprise}][, {date}])';
  return language === 'en' ? '({kind}[ with {role}][, {enterprise}][, {date}])' : '({kind}[ с {role}| ({role_plain})][, {enterprise}][, {date}])';
}

/** Every kind and language with its default template. */
export const DEFAULT_TEMPLATES: readonly { readonly kind: DocumentKind; readonly language: CitationLanguage; readonly template: string }[] = DOCUMENT_KINDS.flatMap((kind) =>
  CITATION_LANGUAGES.map((language) => ({ kind, language, template: defaultTemplate(kind, language) })),
);

/** A template that cannot be read: what is wrong, in words for the person who typed it. */
export class CitationTemplateError extends Error {
  constructor(
    message: string,
    /** Where in the template (a character offset), when it is one place. */
    readonly at: number | null,
  ) {
    super(message);
    this.name = 'CitationTemplateError';
  }
}

type Part = { readonly text: string } | { readonly field: CitationField } | { readonly options: readonly (readonly Part[])[] };

/** A template read into its parts, ready to fill many times. */
export interface CitationTemplate {
  readonly source: string;
  readonly parts: readonly Part[];
}

const fieldList = CITATION_FIELDS.map((f) => `{${f}}`).join(', ');
const isField = (name: string): name is CitationField => (CITATION_FIELDS as readonly string[]).includes(name);

/**
 * Reads a template, or throws a {@link CitationTemplateError} saying what is wrong.
 *
 * @example
 * parseTemplate('({kind}[, {enterprise}][, {date}])')
 * parseTemplate('({foo})') // throws: The template uses {foo}, which is not a field: use one of {kind}, …
 */
export function parseTemplate(source: string): CitationTemplate {
  if (source.trim() === '') throw new CitationTemplateError('The template is empty: write at least one field, e.g. ({kind}, {date}).', 0);
  let at = 0;
  // Reads parts until one of `stops` (or the end); alternatives are separated by `|` inside brackets.
  const readParts = (inBrackets: boolean): Part[][] => {
    const options: Part[][] = [[]];
    let literal = '';
    const flush = (): void => {
      if (literal) options[options.length - 1]!.push({ text: literal });
      literal = '';
    };
    while (at < source.length) {
      const c = source[at]!;
      if (c === '\\' && at + 1 < source.length) {
        literal += source[at + 1];
        at += 2;
      } else if (c === '{') {
        const close = source.indexOf('}', at);
        if (close < 0) throw new CitationTemplateError(`The “{” at character ${at + 1} is never closed: write a field as {date}.`, at);
        const name = source.slice(at + 1, close).trim();
        if (name === '') throw new CitationTemplateError(`The “{}” at character ${at + 1} names no field: use one of ${fieldList}.`, at);
        if (!isField(name)) throw new CitationTemplateError(`The template uses {${name}}, which is not a field: use one of ${fieldList}.`, at);
        flush();
        options[options.length - 1]!.push({ field: name });
        at = close + 1;
      } else if (c === '}') {
        throw new CitationTemplateError(`The “}” at character ${at + 1} closes no field: write a field as {date}, or \\} for the character.`, at);
      } else if (c === '[') {
        const open = at;
        at++;
        flush();
        const inner = readParts(true);
        if (source[at] !== ']') throw new CitationTemplateError(`The optional part opened with “[” at character ${open + 1} is never closed with “]”.`, open);
        at++;
        options[options.length - 1]!.push({ options: inner });
      } else if (c === ']') {
        if (inBrackets) {
          flush();
          return options;
        }
        throw new CitationTemplateError(`The “]” at character ${at + 1} closes no optional part: open one with “[”, or write \\] for the character.`, at);
      } else if (c === '|' && inBrackets) {
        flush();
        options.push([]);
        at++;
      } else {
        literal += c;
        at++;
      }
    }
    flush();
    return options;
  };
  const [parts] = readParts(false);
  return { source, parts: parts! };
}

const fieldsOf = (parts: readonly Part[]): CitationField[] =>
  parts.flatMap((p) => ('field' in p ? [p.field] : 'options' in p ? p.options.flatMap(fieldsOf) : []));

/** The fields a template names, each once: all a citation by it depends on. */
export const templateFields = (template: CitationTemplate): CitationField[] => [...new Set(fieldsOf(template.parts))];

function fill(parts: readonly Part[], values: Readonly<Record<CitationField, string>>): string {
  return parts
    .map((p) => {
      if ('text' in p) return p.text;
      if ('field' in p) return values[p.field];
      const chosen = p.options.find((option) => fieldsOf(option).length > 0 && fieldsOf(option).every((f) => values[f] !== ''));
      return chosen ? fill(chosen, values) : '';
    })
    .join('');
}

/** Tidies what empty fields left: ", ,", "(, ", " ,", "()" and doubled spaces. */
function tidy(s: string): string {
  let out = s;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/\s+([,;.)\]])/g, '$1')
      .replace(/([,;])(?:\s*[,;])+/g, '$1')
      .replace(/([([])\s*[,;]\s*/g, '$1')
      .replace(/\s*[,;]\s*([)\]])/g, '$1')
      .replace(/\(\s*\)|\[\s*\]/g, '');
  }
  return out.trim().replace(/^[,;]\s*|\s*[,;]$/g, '');
}

/** Fills a template with a passage's field values. */
export function renderTemplate(template: CitationTemplate, values: Readonly<Record<CitationField, string>>): string {
  return tidy(fill(template.parts, values));
}

/**
 * The citation of a passage, by a template (the default one of its kind and language unless given).
 *
 * @example
 * citation({ kind: 'interview', role: 'foreman', enterprise: 'Кольца', date: june1993 }, 'en')
 * // '(interview with a foreman, Кольца, June 1993)'
 */
export function citation(source: CitationSource, language: CitationLanguage, template: CitationTemplate = parseTemplate(defaultTemplate(source.kind, language))): string {
  return renderTemplate(template, citationValues(source, language));
}
