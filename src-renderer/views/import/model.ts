/**
 * The import dialog's pure logic: turning files into what `imports.stage` takes, sorting staged
 * files into documents, manifests and failures, merging Quire's suggestions with what the user
 * typed, and building `imports.commit` items. No React, no DOM types: unit-tested in Node.
 */
import type { CleanupChoice, ImportFailure, ImportPreview, ImportSuggestion, StageResult } from '../../../src-shared/contract/imports';
import type { InputOf } from '../../../src-shared/contract';
import type { DocumentKind } from '../../../src-shared/model/entities';
import { parseFuzzyDate, typedFuzzyDate } from '../../../src-shared/model/dates';
import { CLEANUP_OPTIONS } from '../../../src-shared/text/cleanup';
import type { CleanupOption } from '../../../src-shared/text/cleanup';

/** What the file input offers; the core reads more (`.tsv`), but these are what teams bring. */
export const ACCEPTED_FILES = '.txt,.md,.docx,.odt,.rtf,.html,.htm,.pdf,.csv,.xlsx';

/** Encodings always offered besides the detected one: what Russian field material comes in. */
export const COMMON_ENCODINGS = ['utf-8', 'windows-1251', 'koi8-r', 'ibm866'] as const;

/** Spreadsheets among the chosen files are manifests (or case lists), never documents. */
export function isSpreadsheet(fileName: string): boolean {
  return /\.(csv|tsv|xlsx)$/i.test(fileName);
}

/** A file's name without its extension: the title Quire falls back to. */
export const stem = (fileName: string): string => fileName.replace(/\.[^.]+$/, '');

/** One file to be imported, as the preview table shows and edits it. */
export interface ImportRow {
  readonly stagedId: string;
  readonly fileName: string;
  /** The latest preview, with the chosen encoding and clean-up. */
  readonly preview: ImportPreview;
  readonly title: string;
  readonly kind: DocumentKind;
  /** The date as typed; parsed with `parseFuzzyDate` when imported. */
  readonly date: string;
  readonly language: string;
  readonly caseIds: readonly string[];
  /** Speaker label → case id. */
  readonly speakers: Readonly<Record<string, string>>;
  /** Why a pattern or manifest did not fully apply. */
  readonly problems: readonly string[];
  /** Null: as detected, which is what the core does when no encoding is given. */
  readonly encoding: string | null;
  /** The encoding the detector chose on staging, kept as a choice whatever is picked later. */
  readonly detectedEncoding: string | null;
  readonly cleanup: CleanupChoice;
  /** What each clean-up step would change with every step on: the counts shown by unticked boxes. */
  readonly potential: Readonly<Record<CleanupOption, number>> | null;
}

/** A staged spreadsheet that can serve as the manifest. */
export interface StagedManifest {
  readonly stagedId: string;
  readonly fileName: string;
}

/** A row for a freshly staged file, before any suggestion: what the file itself says. */
export function rowFromPreview(preview: ImportPreview): ImportRow {
  return {
    stagedId: preview.stagedId,
    fileName: preview.fileName,
    preview,
    title: preview.title ?? stem(preview.fileName),
    kind: preview.turns > 0 ? 'interview' : 'other',
    date: '',
    language: '',
    caseIds: [],
    speakers: Object.fromEntries(preview.speakers.flatMap((s) => (s.caseId ? [[s.label, s.caseId]] : []))),
    problems: [],
    encoding: null,
    detectedEncoding: preview.encoding?.name ?? null,
    // The core's first reading applied the suggested clean-up; the commit must ask for it explicitly.
    cleanup: { ...preview.cleanup },
    potential: null,
  };
}

export interface Sorted {
  readonly rows: ImportRow[];
  readonly manifests: StagedManifest[];
  readonly failures: ImportFailure[];
}

/** Staging results sorted into documents to import, spreadsheets to offer as manifests, and failures. */
export function sortStaged(results: readonly StageResult[]): Sorted {
  const sorted: Sorted = { rows: [], manifests: [], failures: [] };
  for (const result of results) {
    if (!result.ok) sorted.failures.push({ fileName: result.fileName, reason: result.reason });
    else if (result.format === 'table' || isSpreadsheet(result.fileName)) sorted.manifests.push({ stagedId: result.stagedId, fileName: result.fileName });
    else {
      const { ok: _ok, ...preview } = result;
      sorted.rows.push(rowFromPreview(preview));
    }
  }
  return sorted;
}


/**
 * A row with Quire's suggestion applied. What the suggestion derives from the pattern or manifest
 * replaces what was there; a date or cases it does not know keep what the user typed, and speaker
 * links the user made are kept.
 */
export function applySuggestion(row: ImportRow, s: ImportSuggestion): ImportRow {
  return {
    ...row,
    title: s.title,
    kind: s.kind,
    language: s.language,
    date: s.date ? typedFuzzyDate(s.date) : row.date,
    caseIds: s.caseIds.length > 0 ? [...s.caseIds] : row.caseIds,
    speakers: { ...s.speakers, ...row.speakers },
    problems: [...s.problems],
  };
}

export function applySuggestions(rows: readonly ImportRow[], suggestions: readonly ImportSuggestion[]): ImportRow[] {
  const byId = new Map(suggestions.map((s) => [s.stagedId, s]));
  return rows.map((row) => {
    const s = byId.get(row.stagedId);
    return s ? applySuggestion(row, s) : row;
  });
}

/** A row with a new preview (another encoding or clean-up): speakers found now get their matched case. */
export function withPreview(row: ImportRow, preview: ImportPreview): ImportRow {
  const matched = Object.fromEntries(preview.speakers.flatMap((s) => (s.caseId ? [[s.label, s.caseId]] : [])));
  return { ...row, preview, cleanup: { ...preview.cleanup }, speakers: { ...matched, ...row.speakers } };
}

export type RowError = 'title' | 'date' | 'language';

/** What stops a row from being imported; empty when it can go. */
export function rowErrors(row: ImportRow): RowError[] {
  const errors: RowError[] = [];
  if (row.title.trim() === '') errors.push('title');
  if (row.date.trim() !== '' && !parseFuzzyDate(row.date)) errors.push('date');
  if (row.language.trim().length < 2) errors.push('language');
  return errors;
}

export type CommitItem = InputOf<'imports.commit'>['items'][number];

/** The `imports.commit` item for a row: its edits, its encoding and its clean-up exactly as previewed. */
export function commitItem(row: ImportRow): CommitItem {
  const labels = new Set(row.preview.speakers.map((s) => s.label));
  const cleanup = Object.fromEntries(CLEANUP_OPTIONS.map((o) => [o, row.cleanup[o] === true])) as Record<CleanupOption, boolean>;
  return {
    stagedId: row.stagedId,
    title: row.title.trim(),
    kind: row.kind,
    language: row.language.trim(),
    date: row.date.trim() === '' ? null : parseFuzzyDate(row.date),
    caseIds: [...row.caseIds],
    // Only labels the text (as it will be read) has: a link for a label gone with the encoding is noise.
    speakers: Object.fromEntries(Object.entries(row.speakers).filter(([label]) => labels.has(label))),
    interviewerIds: [],
    ...(row.encoding ? { encoding: row.encoding } : {}),
    cleanup,
  };
}

/** The encodings a user may pick for a file: the detected one, the one used, the detector's alternatives, then the common ones. */
export function encodingChoices(row: ImportRow): string[] {
  const encoding = row.preview.encoding;
  if (!encoding) return [];
  const all = [...(row.detectedEncoding ? [row.detectedEncoding] : []), encoding.name, ...encoding.alternatives, ...COMMON_ENCODINGS].map((e) => e.toLowerCase());
  return [...new Set(all)];
}

const ENCODING_NAMES: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1251': 'Windows-1251',
  'windows-1252': 'Windows-1252',
  'koi8-r': 'KOI8-R',
  'koi8-u': 'KOI8-U',
  ibm866: 'CP866 (DOS)',
  'iso-8859-5': 'ISO-8859-5',
  'x-mac-cyrillic': 'Mac Cyrillic',
};

/** An encoding as people know it: `windows-1251` → `Windows-1251`. */
export function encodingLabel(name: string): string {
  return ENCODING_NAMES[name.toLowerCase()] ?? name.toUpperCase();
}

/** A size in bytes, KB or MB, by locale (`12,3 МБ`). */
export function formatSize(bytes: number, locale: string): string {
  const [value, unit] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(value);
}

/** The count a clean-up box shows: what it changed when ticked, what it would change when not. */
export function cleanupCount(row: ImportRow, option: CleanupOption): number | null {
  const applied = row.preview.cleanup[option] === true;
  if (row.cleanup[option] === true && applied) return row.preview.changes[option];
  // Ticked or unticked a moment ago, the new preview not back yet: the estimate, or the last real count.
  if (row.potential) return row.potential[option];
  return applied ? row.preview.changes[option] : null;
}

/** Every clean-up step on: the preview asked for to learn what each would change. */
export const ALL_CLEANUP: CleanupChoice = Object.fromEntries(CLEANUP_OPTIONS.map((o) => [o, true]));
