/**
 * What an operation says about itself in the undo notice and the activity history, as a key of
 * this catalogue and its values (names, titles, counts), so each reader sees it in their own
 * language. The English templates here are the one English wording: the core stores it as the
 * operation's text (for the CLI, older copies and anything else that reads `operations.summary`),
 * and the interface's English texts are these same templates (src-renderer/i18n/summaries.ts,
 * with the Russian of summaries-ru.ts). Templates use i18next's syntax: `{{name}}`, `{{count, number}}`, and
 * `_one`/`_other` for plurals by `count`. The English keeps each sentence as it has always been
 * stored (most counts without a singular form); the Russian (summaries-ru.ts) chooses its plural
 * forms by count.
 */
import { SUMMARY_TEXTS_RU } from './summaries-ru';

export const SUMMARY_TEXTS = {
  codings: {
    apply: 'Coded "{{quote}}" as {{code}}',
    applyMany: 'Coded {{count, number}} passages',
    remove: 'Removed the coding "{{quote}}" ({{code}})',
    resize: 'Resized a coding of {{code}}',
    recode: 'Recoded a passage from {{from}} to {{to}}',
    comment: 'Commented on a coding',
    confirm: 'Confirmed a coding after an edit',
  },
  retrieval: {
    saveQuery: 'Saved the query "{{name}}"',
    deleteQuery: 'Deleted the saved query "{{name}}"',
    recode: 'Recoded {{count, number}} passages as {{code}}',
    remove: 'Removed {{count, number}} codings',
  },
  history: {
    undo: 'Undid: {{summary}}',
    redo: 'Redid: {{summary}}',
  },
  project: {
    update: 'Changed the project’s name or description',
  },
  search: {
    code: 'Coded {{count, number}} search hits for “{{query}}” as {{code}}',
  },
  autocode: {
    code: 'Auto-coded {{count, number}} passages matching "{{pattern}}" as {{code}}',
  },
  caseImport: {
    import: 'Imported {{type}} cases from “{{file}}”: {{created, number}} new, {{updated, number}} updated',
  },
  adjudicate: {
    accept: "Adjudicated: accepted {{chosen}}'s coding over {{other}}'s",
    both: "Adjudicated: kept both {{a}}'s and {{b}}'s codings",
    neither: "Adjudicated: removed both {{a}}'s and {{b}}'s codings",
    note: "Adjudicated: a note for the codebook on {{a}}'s and {{b}}'s codings",
  },
  quoteBank: {
    mark_one: 'Marked {{count, number}} quote as used in "{{draft}}"',
    mark_other: 'Marked {{count, number}} quotes as used in "{{draft}}"',
    unmark_one: 'Took {{count, number}} quote out of "{{draft}}"',
    unmark_other: 'Took {{count, number}} quotes out of "{{draft}}"',
    unmarkAll_one: 'Took {{count, number}} quote out of the quote bank',
    unmarkAll_other: 'Took {{count, number}} quotes out of the quote bank',
  },
  waves: {
    clear: 'Removed the waves',
    set: 'Set the waves: {{waves}}',
  },
  translations: {
    add: 'Added the {{language}} translation of "{{text}}"',
    change: 'Changed the {{language}} translation of "{{text}}"',
    remove: 'Removed the {{language}} translation of "{{text}}"',
  },
  cases: {
    addType: 'Added the case type "{{name}}"',
    add: 'Added the case "{{name}}"',
    update: 'Changed the case "{{name}}"',
    delete: 'Deleted the case "{{name}}"',
    addAttribute: 'Added the attribute "{{name}}"',
    setValue: 'Changed an attribute value',
  },
  documents: {
    add: 'Added the document "{{title}}"',
    update: 'Changed the details of "{{title}}"',
    revise: 'Edited the text of "{{title}}" ({{count, number}} codings to review)',
    delete: 'Deleted the document "{{title}}"',
    linkCase: 'Linked a document to a case',
    unlinkCase: 'Unlinked a document from a case',
    linkSpeaker: 'Linked “{{speaker}}” in “{{title}}” to the case “{{case}}”',
    unlinkSpeaker: 'Unlinked “{{speaker}}” in “{{title}}” from its case',
  },
  imports: {
    one: 'Imported "{{title}}"',
    many: 'Imported {{count, number}} documents',
    reread: 'Read "{{title}}" again from its original file',
  },
  pseudonyms: {
    add: 'Added the pseudonym {{pseudonym}} for {{realName}}',
    update: 'Changed the pseudonym entry for {{realName}}',
    remove: 'Removed the pseudonym {{pseudonym}} for {{realName}}',
  },
  circulation: {
    markRead_one: 'Marked {{count, number}} item from other teams as read',
    markRead_other: 'Marked {{count, number}} items from other teams as read',
  },
  meetings: {
    name: '{{title}} ({{date}})',
    teamName: '{{team}} meeting ({{date}})',
    create: 'Planned the meeting {{meeting}}',
    update: 'Changed the meeting {{meeting}}',
    delete: 'Deleted the meeting {{meeting}}',
    setAgenda: 'Set the agenda of the meeting {{meeting}} ({{count, number}} items)',
    decide: {
      keep: 'Kept a passage as coded at the meeting {{meeting}}',
      recode: 'Recoded a passage from {{from}} to {{to}} at the meeting {{meeting}}',
      refine: 'Refined the definition of "{{code}}" at the meeting {{meeting}}',
      flag: 'Flagged an item for a paper at the meeting {{meeting}}',
      flagPaper: 'Flagged an item for a paper ({{paper}}) at the meeting {{meeting}}',
      disagreement: 'Recorded a disagreement: {{from}} or {{to}} at the meeting {{meeting}}',
      split: 'Split {{count, number}} codings of "{{from}}" into "{{to}}" at the meeting {{meeting}}',
      merge: 'Merged the code "{{from}}" into "{{to}}" at the meeting {{meeting}}',
    },
  },
  codes: {
    create: 'Created the code "{{name}}"',
    rename: 'Renamed the code "{{from}}" to "{{to}}"',
    edit: 'Edited the code "{{name}}"',
    move: 'Moved the code "{{name}}"',
    archive: 'Archived the code "{{name}}"',
    restore: 'Restored the code "{{name}}"',
    merge: 'Merged the code "{{from}}" into "{{to}}"',
    split: 'Split {{count, number}} codings of "{{from}}" into "{{to}}"',
    delete: 'Deleted the code "{{name}}"',
    deleteTree: 'Deleted the code "{{name}}" and {{count, number}} sub-codes',
    import: 'Imported a codebook ({{created, number}} new codes, {{updated, number}} updated)',
  },
  exchange: {
    merged: 'Merged {{from}}’s work: {{operations, number}} operations, {{codings, number}} new codings, {{conflicts, number}} to review',
    mergedColleague: 'Merged a colleague’s work: {{operations, number}} operations, {{codings, number}} new codings, {{conflicts, number}} to review',
    keep: 'Accepted a merge decision',
    useOther: 'Put back a colleague’s value set aside by a merge',
  },
  members: {
    add: 'Added {{name}} to the team',
    update: 'Changed team member {{name}}',
  },
  memos: {
    write: 'Wrote the memo "{{title}}"',
    edit: 'Edited the memo "{{title}}"',
    delete: 'Deleted the memo "{{title}}"',
    toDocument: 'Made the note "{{title}}" into a document for coding',
  },
  citations: {
    set: 'Changed the {{language}} citation template for {{kind}}',
    reset: 'Restored the default {{language}} citation template for {{kind}}',
  },
  /** Words other summaries take as values, so they are translated with them. */
  terms: {
    language: { en: 'English', ru: 'Russian' },
    kind: {
      interview: 'interview',
      field_note: 'field note',
      enterprise_report: 'enterprise report',
      meeting_record: 'meeting record',
      press_item: 'press item',
      enterprise_document: 'enterprise document',
      diary: 'diary',
      letter: 'letter',
      other: 'other',
    },
  },
} as const;

type Texts = typeof SUMMARY_TEXTS;
type Plain<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** Every key with its templates (both plural forms of a plural key). */
type Entries<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? { key: `${P}${Plain<K>}`; text: T[K] } : Entries<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A kind of summary: `codings.apply`, `meetings.decide.merge`… */
export type SummaryKey = Entries<Texts>['key'];

type Slots<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}` ? P | Slots<Rest> : never;
type Name<P extends string> = P extends `${infer N},${string}` ? N : P;
/** `count` (it chooses the plural) and values written `{{name, number}}` are numbers. */
type NumberName<P extends string> = P extends `${infer N}, number` ? N : P extends 'count' ? P : never;
type TextOf<K extends SummaryKey> = Extract<Entries<Texts>, { key: K }>['text'];

/** A value of a summary: a name or title, a number, or another summary (a meeting, a term). */
export type SummaryValue = string | number | Summary;

/** The values a key's template needs: numbers where the template counts, names or summaries elsewhere. */
export type SummaryValues<K extends SummaryKey> = {
  readonly [N in Name<Slots<TextOf<K>>>]: N extends NumberName<Slots<TextOf<K>>> ? number : SummaryValue;
};

/** An operation's summary: a key of the catalogue and the values its template needs. */
export interface Summary {
  readonly key: SummaryKey;
  readonly values: { readonly [name: string]: SummaryValue };
}

/** A summary whose values are checked against its key's template by the compiler. */
export function summary<K extends SummaryKey>(key: K, ...values: keyof SummaryValues<K> extends never ? [] : [SummaryValues<K>]): Summary {
  return { key, values: (values[0] ?? {}) as Summary['values'] };
}

/** The languages summaries are written in. */
export type SummaryLanguage = 'en' | 'ru';

const TEXTS: Readonly<Record<SummaryLanguage, object>> = { en: SUMMARY_TEXTS, ru: SUMMARY_TEXTS_RU };
const PLURALS = { en: new Intl.PluralRules('en'), ru: new Intl.PluralRules('ru') };

/** A key's templates in a language: by plural form (`one`, `few`…), or one under `''`; undefined for an unknown key. */
function templatesOf(key: string, language: SummaryLanguage = 'en'): ReadonlyMap<string, string> | undefined {
  const path = key.split('.');
  const last = path.pop()!;
  let node: unknown = TEXTS[language];
  for (const part of path) node = typeof node === 'object' && node !== null && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'object' || node === null) return undefined;
  const found = new Map<string, string>();
  for (const [name, text] of Object.entries(node)) {
    if (typeof text !== 'string') continue;
    if (name === last) found.set('', text);
    else if (name.startsWith(`${last}_`)) found.set(name.slice(last.length + 1), text);
  }
  return found.size > 0 ? found : undefined;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*(,[^}]*)?\}\}/g;

/** A value a key's templates use, and whether it must be a number. */
export interface SummarySlot {
  readonly name: string;
  readonly number: boolean;
}

/** Slots by key, worked out once: the history checks thousands of stored summaries at a time. */
const SLOTS = new Map<string, readonly SummarySlot[]>();

/** The values a key's templates use, or undefined for a key this version does not know. */
export function summarySlots(key: string): readonly SummarySlot[] | undefined {
  const known = SLOTS.get(key);
  if (known) return known;
  const templates = templatesOf(key);
  let found: SummarySlot[] | undefined;
  if (templates) {
    const slots = new Map<string, boolean>();
    for (const m of [...templates.values()].flatMap((t) => [...t.matchAll(PLACEHOLDER)])) {
      slots.set(m[1]!, m[1] === 'count' || m[2]?.replace(/\s/g, '') === ',number');
    }
    found = [...slots].map(([name, number]) => ({ name, number }));
  }
  // Keys from the database can be anything: only this version's own are remembered.
  if (found) SLOTS.set(key, found);
  return found;
}

/**
 * Whether a value read back (from the database or the wire) is a summary: a key this version
 * knows with every value its template needs, numbers where it counts. A summary written by a
 * newer version, with a key this one does not know, is not: its English text is shown instead.
 */
export function isSummary(value: unknown): value is Summary {
  if (typeof value !== 'object' || value === null) return false;
  const { key, values } = value as { key?: unknown; values?: unknown };
  if (typeof key !== 'string' || typeof values !== 'object' || values === null) return false;
  const slots = summarySlots(key);
  if (!slots) return false;
  const given = values as Record<string, unknown>;
  return slots.every(({ name, number }) => {
    const v = given[name];
    return number ? typeof v === 'number' : typeof v === 'string' || typeof v === 'number' || isSummary(v);
  });
}

/** A stored summary, or null when there is none or it cannot be read (see isSummary). */
export function readSummary(key: string | null, values: string | null): Summary | null {
  if (key === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(values ?? '{}');
  } catch {
    return null;
  }
  const stored = { key, values: parsed };
  return isSummary(stored) ? stored : null;
}

/** Fills a template's placeholders with the values, each given as text by `text`. */
function fillTemplate(template: string, values: Summary['values'], text: (value: SummaryValue) => string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    return value === undefined ? '' : text(value);
  });
}

/**
 * The summary in English, as the core stores it, or in Russian (for an export in Russian). The
 * English writes numbers plainly (`1200`), as the stored English always has; the Russian groups
 * their digits.
 *
 * @example
 * summaryText(summary('codes.create', { name: 'Paternalism' }))       // 'Created the code "Paternalism"'
 * summaryText(summary('codes.create', { name: 'Paternalism' }), 'ru') // 'Создан код «Paternalism»'
 */
export function summaryText(s: Summary, language: SummaryLanguage = 'en'): string {
  const templates = templatesOf(s.key, language);
  if (!templates) return s.key;
  const count = s.values.count;
  const form = typeof count === 'number' ? PLURALS[language].select(count) : 'other';
  const template = templates.get('') ?? templates.get(form) ?? templates.get('other') ?? '';
  const number = language === 'en' ? String : (n: number) => new Intl.NumberFormat(language).format(n);
  return fillTemplate(template, s.values, (v) => (typeof v === 'object' ? summaryText(v, language) : typeof v === 'number' ? number(v) : v));
}
