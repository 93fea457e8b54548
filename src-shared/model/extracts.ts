/**
 * Coded extracts as they leave the project: plain data that every export format (DOCX, Markdown,
 * HTML, CSV, XLSX) and the export preview are written from. Everything in it has already passed
 * through the export's renaming (pseudonyms), so a writer never sees a stored real name.
 */

export const EXTRACT_FORMATS = ['docx', 'md', 'html', 'csv', 'xlsx'] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

/** How excerpts are gathered under headings: per code, per case (the informant cited), per document, or one list. */
export const EXTRACT_GROUPINGS = ['code', 'case', 'document', 'none'] as const;
export type ExtractGrouping = (typeof EXTRACT_GROUPINGS)[number];

/** The order of excerpts inside a group: reading order (document date, title, position), by case name, or by code. */
export const EXTRACT_SORTS = ['document', 'case', 'code'] as const;
export type ExtractSort = (typeof EXTRACT_SORTS)[number];

/** Which words a quote shows: the original, its translation (the original when there is none), or both. */
export const TRANSLATION_CHOICES = ['original', 'translation', 'both'] as const;
export type TranslationChoice = (typeof TRANSLATION_CHOICES)[number];

export const CODEBOOK_FORMATS = ['docx', 'md', 'csv'] as const;
export type CodebookFormat = (typeof CODEBOOK_FORMATS)[number];

/** One excerpt, ready to quote. */
export interface ExtractExcerpt {
  /** The quoted words. */
  readonly text: string;
  /** Context before and after, when the export asks for it (null otherwise). */
  readonly contextBefore: string | null;
  readonly contextAfter: string | null;
  /** "(interview with a foreman, Rings, June 1993)". */
  readonly citation: string;
  /** A stable human-readable id (`REM-INT-1993-06-014:q3`), when the project gives quotes ids. */
  readonly quoteId: string | null;
  /** Translations of the quoted words by language ("en" → text). */
  readonly translations: Readonly<Record<string, string>>;
  /** Code names (paths for sub-codes), in codebook order. */
  readonly codes: readonly string[];
  readonly coder: string;
  readonly documentTitle: string;
  /** The document's date as written for a reader ("June 1993"), or "" when undated. */
  readonly documentDate: string;
  readonly speaker: string | null;
  /** The case the excerpt is cited to (its informant), or null. */
  readonly caseName: string | null;
  /** Every case attribute by name ("" when the excerpt's cases have no value), for tidy rows. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The memos written on the excerpt's codings, one after another ("" when none). */
  readonly memo: string;
  /** Where the words are in their document (UTF-16 offsets), so rows can be traced back. */
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
}

export interface ExtractGroup {
  /** The code, case or document the group is about; null when excerpts are not grouped. */
  readonly heading: string | null;
  readonly excerpts: readonly ExtractExcerpt[];
}

/** What every writer needs before the first excerpt: the title, the columns and the labels' language. */
export interface ExtractsHead {
  readonly title: string;
  readonly grouping: ExtractGrouping;
  /** Language of the fixed labels (headings of columns, "Coder", "Memo"). */
  readonly language: 'en' | 'ru';
  /** Case attributes, in the order of the project's attribute list: the tidy columns. */
  readonly attributeNames: readonly string[];
  /** Languages with translations somewhere in the export: one tidy column each. */
  readonly translationLanguages: readonly string[];
  /** How many excerpts the export holds (an excerpt under two codes counts twice). */
  readonly total: number;
  readonly exportedAt: string;
}

/** What to show with each quote. */
export interface ExtractShow {
  readonly context: boolean;
  readonly coder: boolean;
  readonly memo: boolean;
  readonly translation: TranslationChoice;
  /** The translation's language, for `translation` and `both`. */
  readonly translationLanguage: string;
}

/** A whole export held in memory: the preview, tests, and small exports. */
export interface ExtractsModel extends ExtractsHead {
  readonly groups: readonly ExtractGroup[];
}

/**
 * The words to print for an excerpt under a translation choice: the original, the translation, or
 * both. Asked for a translation that does not exist, the original stands alone, so no quote is
 * lost; `missing` says so.
 */
export function shownTexts(excerpt: Pick<ExtractExcerpt, 'text' | 'translations'>, show: Pick<ExtractShow, 'translation' | 'translationLanguage'>): {
  readonly original: string | null;
  readonly translation: string | null;
  readonly missing: boolean;
} {
  const translated = excerpt.translations[show.translationLanguage] ?? null;
  if (show.translation === 'original') return { original: excerpt.text, translation: null, missing: false };
  if (translated === null) return { original: excerpt.text, translation: null, missing: true };
  return show.translation === 'both' ? { original: excerpt.text, translation: translated, missing: false } : { original: null, translation: translated, missing: false };
}

/** A code of the codebook as its export shows it. */
export interface CodebookEntry {
  /** "Informal relations › Type 2: personal dependence". */
  readonly path: string;
  readonly name: string;
  readonly parent: string | null;
  readonly depth: number;
  readonly color: string;
  readonly definition: string;
  readonly inclusion: string;
  readonly exclusion: string;
  readonly example: string;
  readonly archived: boolean;
  readonly codings: number;
  readonly documents: number;
  /** Changes to the code from the change log, oldest first. */
  readonly history: readonly { readonly at: string; readonly actor: string; readonly summary: string }[];
}

export interface CodebookModel {
  readonly title: string;
  readonly language: 'en' | 'ru';
  readonly exportedAt: string;
  readonly codes: readonly CodebookEntry[];
}
