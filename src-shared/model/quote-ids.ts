/**
 * Stable, human-readable quote ids such as `REM-INT-1993-06-014:q3`: a document key (enterprise
 * code, kind, date at its precision, a number) and a quote number per coding. Both are assigned
 * once and stored, so a quote id written into a paper draft keeps pointing to the same passage
 * after the text is edited, the document renamed or other codings deleted.
 */
import type { FuzzyDate } from './dates';
import type { DocumentKind } from './entities';

export const KIND_ABBREVIATIONS: Readonly<Record<DocumentKind, string>> = {
  interview: 'INT',
  field_note: 'FN',
  enterprise_report: 'REP',
  meeting_record: 'MTG',
  press_item: 'PRS',
  enterprise_document: 'EDOC',
  diary: 'DIA',
  letter: 'LET',
  other: 'DOC',
};

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Latin capitals and digits only, so keys read the same in any paper: "Кольца" → "KOLTSA". */
function latin(word: string): string {
  return [...word.toLocaleLowerCase()]
    .map((c) => CYRILLIC[c] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '')
    .toUpperCase();
}

/**
 * An enterprise's short code: its own code when it has one (an attribute such as "Code"),
 * otherwise the initials of a name of several words ("Perm Motor-Building Association" → "PMBA")
 * or the first three letters of a one-word name ("REMET" → "REM", "Кольца" → "KOL").
 */
export function enterpriseCode(name: string | null, code: string | null = null): string | null {
  const own = code ? latin(code) : '';
  if (own) return own.slice(0, 8);
  const words = (name ?? '').split(/[^\p{L}\p{N}]+/u).map(latin).filter((w) => w !== '');
  if (words.length === 0) return null;
  if (words.length === 1) return words[0]!.slice(0, 3);
  return words.map((w) => w[0]).join('').slice(0, 4);
}

const SEASON_CODES: Readonly<Record<string, string>> = { '12': 'WIN', '03': 'SPR', '06': 'SUM', '09': 'AUT' };

/** A date at its precision, as a key part: 1993-06-12, 1993-06, 1993-Q2, 1992-AUT, 1993, 1992-1993, 1960S. */
export function dateCode(date: FuzzyDate | null): string {
  if (!date) return 'ND';
  const year = date.start.slice(0, 4);
  const month = date.start.slice(5, 7);
  switch (date.precision) {
    case 'day':
      return date.start;
    case 'month':
      return date.start.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(Number(month) / 3)}`;
    case 'season':
      return `${date.end.slice(0, 4)}-${SEASON_CODES[month] ?? 'S'}`;
    case 'year':
      return year;
    case 'range':
      return date.end.slice(0, 4) === year ? year : `${year}-${date.end.slice(0, 4)}`;
    case 'decade':
      return `${year}S`;
  }
}

/** What a document key is made of, before its number: `REM-INT-1993-06`. */
export function documentKeyPrefix(enterprise: string | null, kind: DocumentKind, date: FuzzyDate | null): string {
  return [enterprise, KIND_ABBREVIATIONS[kind], dateCode(date)].filter((p) => p).join('-');
}

/** The document key with its number: `REM-INT-1993-06-014`. */
export function documentKey(prefix: string, sequence: number): string {
  return `${prefix}-${String(sequence).padStart(3, '0')}`;
}

/** A passage's quote id: `REM-INT-1993-06-014:q3`. */
export function quoteId(documentKey: string, quoteNumber: number): string {
  return `${documentKey}:q${quoteNumber}`;
}

/** The document key a quote id is made from (`SHE-INT-1993-06-014` of `…-014:q3`); the id itself when it is not one. */
export function documentKeyOf(id: string): string {
  const at = id.lastIndexOf(':q');
  return at < 0 ? id : id.slice(0, at);
}

/** Reads a quote id back (spaces and case forgiven in the `q`), or null when it is not one. */
export function parseQuoteId(id: string): { readonly documentKey: string; readonly quoteNumber: number } | null {
  const m = id.trim().match(/^(.+):\s*[qQ](\d+)$/);
  return m ? { documentKey: m[1]!.trim(), quoteNumber: Number(m[2]) } : null;
}

/**
 * Why a document key someone typed cannot be used, or null when it can: letters, digits, "-",
 * "_" and "." only, so that quote ids stay one word in a draft.
 */
export function documentKeyProblem(key: string): string | null {
  if (key.trim() === '') return 'A document key cannot be empty.';
  if (key.length > 60) return 'A document key can have at most 60 characters.';
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(key)) {
    return `The document key "${key}" can only have letters, digits, "-", "_" and "." (no spaces or ":"), starting with a letter or digit.`;
  }
  return null;
}
