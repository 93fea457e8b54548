import { summary } from '../../../src-shared/model/summaries';
import { QuireError } from '../../../src-shared/contract/errors';
import type { CleanupChoice, ImportPreview, ImportSuggestion, StageResult } from '../../../src-shared/contract/imports';
import { parseFuzzyDate } from '../../../src-shared/model/dates';
import type { FuzzyDate } from '../../../src-shared/model/dates';
import type { DocumentKind } from '../../../src-shared/model/entities';
import { uuidv7 } from '../../../src-shared/model/ids';
import { kindFromWord } from '../../../src-shared/model/kinds';
import { CLEANUP_OPTIONS, cleanText, guessLanguage, matchFilename, normalizeText, parseFilenamePattern, speakerLabels, splitSegments, suggestCleanup } from '../../../src-shared/text';
import type { CleanupOption, CleanupResult, Segment } from '../../../src-shared/text';
import { extractDocument, readTable } from '../import';
import type { ExtractedDocument, TableData } from '../import';
import { stagingOf } from '../import/staging';
import type { StagedFile } from '../import/staging';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';
import type { OriginalRow } from '../db/schema';
import { storeOriginal } from '../db/originals';
import { createDocument } from './documents';
import { caseNameIndex, caseTypeNamed, casesNamed } from './names';
import { now } from './map';

/** Characters of the imported text shown in the preview pane. */
const EXCERPT_LENGTH = 4000;

/** The file read with an encoding (cached per staged file: previews and the commit share it). */
function reading(file: StagedFile, encoding: string | undefined): Promise<ExtractedDocument> {
  const key = encoding ?? '';
  let read = file.readings.get(key);
  if (!read) {
    read = extractDocument({ bytes: file.bytes, fileName: file.fileName, ...(encoding ? { encoding } : {}) });
    read.catch(() => file.readings.delete(key));
    file.readings.set(key, read);
  }
  return read;
}

interface Prepared {
  readonly extracted: ExtractedDocument;
  readonly suggested: CleanupChoice;
  readonly cleanup: CleanupChoice;
  readonly cleaned: CleanupResult;
  /** The text as it will be stored. */
  readonly text: string;
  /** Its turns, paragraphs and directions (previews and the commit count them). */
  readonly segments: readonly Segment[];
}

/** Pages joined by form feeds: clean-up finds running headers and page numbers at page edges. */
function withPageBreaks(extracted: ExtractedDocument): string {
  if (extracted.pages.length < 2) return extracted.text;
  return extracted.pages.map((p) => extracted.text.slice(p.start, p.end)).join('\f');
}

/** Each staged file's prepared texts by encoding and clean-up: staging, suggesting and committing one file each ask for it. */
const preparedTexts = new WeakMap<StagedFile, Map<string, Promise<Prepared>>>();

/** The file's text read, cleaned up and normalised (cached per staged file, as its readings are: 200 KB take tens of milliseconds to clean). */
function prepare(file: StagedFile, encoding: string | undefined, cleanup: CleanupChoice | undefined): Promise<Prepared> {
  let byChoice = preparedTexts.get(file);
  if (!byChoice) preparedTexts.set(file, (byChoice = new Map()));
  const key = JSON.stringify([encoding ?? null, cleanup ?? null]);
  let prepared = byChoice.get(key);
  if (!prepared) {
    prepared = prepareText(file, encoding, cleanup);
    prepared.catch(() => byChoice.delete(key));
    byChoice.set(key, prepared);
  }
  return prepared;
}

async function prepareText(file: StagedFile, encoding: string | undefined, cleanup: CleanupChoice | undefined): Promise<Prepared> {
  const extracted = await reading(file, encoding);
  const raw = withPageBreaks(extracted);
  const suggested = suggestCleanup(raw);
  const chosen = cleanup ?? suggested;
  const cleaned = cleanText(raw, chosen);
  const text = normalizeText(cleaned.text);
  return { extracted, suggested, cleanup: chosen, cleaned, text, segments: splitSegments(text) };
}

function previewOf(ctx: QueryContext, file: StagedFile, p: Prepared): ImportPreview {
  const { segments } = p;
  const caseOf = caseNameIndex(ctx);
  return {
    stagedId: file.id,
    fileName: file.fileName,
    size: file.bytes.length,
    format: p.extracted.format,
    encoding: p.extracted.encoding,
    title: p.extracted.title,
    length: p.text.length,
    excerpt: p.text.slice(0, EXCERPT_LENGTH),
    pages: p.extracted.pages.length,
    paragraphs: segments.filter((s) => s.kind === 'paragraph').length,
    turns: segments.filter((s) => s.kind === 'turn').length,
    directions: segments.filter((s) => s.kind === 'direction').length,
    speakers: speakerLabels(segments).map(({ label, turns }) => ({ label, turns, caseId: caseOf(label)[0] ?? null })),
    suggestedCleanup: p.suggested,
    cleanup: p.cleanup,
    changes: p.cleaned.changes,
    warnings: p.extracted.warnings,
  };
}

const DETAIL_FIELDS: Readonly<Record<string, 'title' | 'kind' | 'date' | 'language' | 'file' | 'skip'>> = {
  title: 'title', название: 'title', заголовок: 'title',
  kind: 'kind', вид: 'kind', тип: 'kind',
  date: 'date', дата: 'date',
  language: 'language', lang: 'language', язык: 'language',
  file: 'file', filename: 'file', 'file name': 'file', файл: 'file', 'имя файла': 'file',
  '*': 'skip', ignore: 'skip',
};

interface Details {
  title: string;
  kind: DocumentKind | null;
  language: string | null;
  date: FuzzyDate | null;
  caseIds: string[];
  problems: string[];
}

/** Applies one pattern field or manifest column to a file's proposed details. */
function applyField(ctx: QueryContext, details: Details, name: string, rawValue: string): void {
  const value = rawValue.trim();
  if (value === '') return;
  const field = DETAIL_FIELDS[name.trim().toLowerCase()];
  if (field === 'file' || field === 'skip') return;
  if (field === 'title') details.title = value;
  else if (field === 'language') details.language = value.toLowerCase();
  else if (field === 'kind') {
    const kind = kindFromWord(value);
    if (kind) details.kind = kind;
    else details.problems.push(`“${value}” is not a kind of material Quire knows (interview, field note, report, meeting, press, letter…).`);
  } else if (field === 'date') {
    const date = parseFuzzyDate(value);
    if (date) details.date = date;
    else details.problems.push(`“${value}” is not a date Quire understands (write 1993-06-12, 12.06.93, 1993-06, Q2 1993 or 1993).`);
  } else {
    const type = caseTypeNamed(ctx, name);
    if (!type) {
      details.problems.push(`“${name}” is neither a document detail (title, kind, date, language) nor a case type of this project, so “${value}” was not used.`);
      return;
    }
    const found = casesNamed(ctx, value, type.id);
    if (found.length === 0) details.problems.push(`There is no ${type.name.toLowerCase()} called “${value}” in this project (add it, or an alias, and try again).`);
    else if (found.length > 1) details.problems.push(`Several cases of type ${type.name} are called “${value}”; link the right one by hand.`);
    else if (!details.caseIds.includes(found[0]!)) details.caseIds.push(found[0]!);
  }
}

const stem = (fileName: string): string => fileName.replace(/\.[^.]+$/, '');

/** Spreadsheets are case lists or manifests, staged to be read as tables, not as documents. */
const isTable = (fileName: string): boolean => /\.(csv|tsv|xlsx)$/i.test(fileName);

function tablePreview(file: StagedFile, table: TableData): ImportPreview {
  const none = Object.fromEntries(CLEANUP_OPTIONS.map((o) => [o, 0])) as Record<CleanupOption, number>;
  const excerpt = [table.headers, ...table.rows.slice(0, 20)].map((r) => r.join('\t')).join('\n');
  return {
    stagedId: file.id,
    fileName: file.fileName,
    size: file.bytes.length,
    format: 'table',
    encoding: table.encoding,
    title: null,
    length: 0,
    excerpt,
    pages: 0,
    paragraphs: table.rows.length,
    turns: 0,
    directions: 0,
    speakers: [],
    suggestedCleanup: {},
    cleanup: {},
    changes: none,
    warnings: table.warnings,
  };
}

/** The newest original file of a document, or undefined when it was typed in or written here. */
function originalOf(ctx: QueryContext, documentId: string): (OriginalRow & { data: Buffer }) | undefined {
  return ctx.raw
    .prepare('SELECT o.*, f.data FROM originals o JOIN original_files f ON f.sha256 = o.sha256 WHERE o.document_id = ? ORDER BY o.imported_at DESC LIMIT 1')
    .get(documentId) as (OriginalRow & { data: Buffer }) | undefined;
}

export const importHandlers: SomeHandlers<
  'imports.stage' | 'imports.preview' | 'imports.suggest' | 'imports.table' | 'imports.discard' | 'imports.commit' | 'documents.reread' | 'documents.original'
> = {
  'imports.stage': async (ctx, { fileName, data, encoding }): Promise<StageResult> => {
    const file = stagingOf(ctx.file).add(fileName, Buffer.from(data, 'base64'));
    try {
      if (isTable(fileName)) return { ok: true, ...tablePreview(file, await readTable(file.bytes, fileName, encoding ? { encoding } : {})) };
      return { ok: true, ...previewOf(ctx, file, await prepare(file, encoding, undefined)) };
    } catch (error) {
      stagingOf(ctx.file).drop([file.id]);
      if (error instanceof QuireError) return { ok: false, stagedId: null, fileName, reason: error.message };
      throw error;
    }
  },

  'imports.preview': async (ctx, { stagedId, encoding, cleanup }) => {
    const file = stagingOf(ctx.file).get(stagedId);
    return previewOf(ctx, file, await prepare(file, encoding, cleanup));
  },

  'imports.suggest': async (ctx, { stagedIds, pattern, manifestId, defaults }) => {
    const staging = stagingOf(ctx.file);
    const parsed = pattern ? parseFilenamePattern(pattern) : null;
    if (parsed && 'error' in parsed) throw new QuireError('invalid_input', parsed.error);
    let manifest: Map<string, [string, string][]> | null = null;
    if (manifestId) {
      const table = await readTable(staging.get(manifestId).bytes, staging.get(manifestId).fileName);
      const fileColumn = table.headers.findIndex((h) => DETAIL_FIELDS[h.trim().toLowerCase()] === 'file');
      if (fileColumn < 0) throw new QuireError('invalid_input', `The manifest needs a column naming each file (“file” or “файл”); its columns are: ${table.headers.join(', ')}.`);
      manifest = new Map(
        table.rows.map((row) => [stem(row[fileColumn] ?? '').toLowerCase(), table.headers.map((h, i): [string, string] => [h, row[i] ?? ''])]),
      );
    }
    const suggestions: ImportSuggestion[] = [];
    for (const id of stagedIds) {
      const file = staging.get(id);
      const prepared = await prepare(file, undefined, undefined);
      const preview = previewOf(ctx, file, prepared);
      const details: Details = { title: prepared.extracted.title ?? stem(file.fileName), kind: null, language: null, date: null, caseIds: [], problems: [] };
      if (parsed && 'pattern' in parsed) {
        const matched = matchFilename(parsed.pattern, file.fileName);
        if ('error' in matched) details.problems.push(matched.error);
        else for (const [name, value] of Object.entries(matched.fields)) applyField(ctx, details, name, value);
      }
      if (manifest) {
        const row = manifest.get(stem(file.fileName).toLowerCase());
        if (!row) details.problems.push(`The manifest has no row for “${file.fileName}”.`);
        else for (const [name, value] of row) applyField(ctx, details, name, value);
      }
      suggestions.push({
        stagedId: id,
        fileName: file.fileName,
        title: details.title,
        kind: details.kind ?? defaults.kind ?? (preview.turns > 0 ? 'interview' : 'other'),
        language: details.language ?? defaults.language ?? guessLanguage(prepared.text),
        date: details.date,
        caseIds: details.caseIds,
        speakers: Object.fromEntries(preview.speakers.flatMap((s) => (s.caseId ? [[s.label, s.caseId]] : []))),
        problems: details.problems,
      });
    }
    return suggestions;
  },

  'imports.table': async (ctx, { stagedId, sheet, encoding }) => {
    const file = stagingOf(ctx.file).get(stagedId);
    const table = await readTable(file.bytes, file.fileName, { ...(sheet ? { sheet } : {}), ...(encoding ? { encoding } : {}) });
    return { headers: table.headers, rows: table.rows, sheetNames: table.sheetNames, sheet: table.sheet, warnings: table.warnings };
  },

  'imports.discard': async (ctx, { stagedIds }) => {
    stagingOf(ctx.file).drop(stagedIds);
    return null;
  },

  'imports.commit': async (ctx: MutationContext, { items, allOrNothing }) => {
    const staging = stagingOf(ctx.file);
    const imported: { documentId: string; fileName: string; title: string; format: string; encoding: string | null; length: number; turns: number; warnings: string[] }[] = [];
    const skipped: { fileName: string; reason: string }[] = [];
    for (const [index, item] of items.entries()) {
      ctx.progress(index, items.length);
      const file = staging.get(item.stagedId);
      let prepared: Prepared;
      try {
        prepared = await prepare(file, item.encoding, item.cleanup);
      } catch (error) {
        if (!(error instanceof QuireError)) throw error;
        skipped.push({ fileName: file.fileName, reason: error.message });
        continue;
      }
      if (prepared.text.trim() === '') {
        skipped.push({ fileName: file.fileName, reason: `“${file.fileName}” has no text to import.` });
        continue;
      }
      const documentId = await createDocument(ctx, {
        title: item.title,
        kind: item.kind,
        language: item.language,
        date: item.date,
        interviewerIds: [...item.interviewerIds],
        sourceFileName: file.fileName,
        text: prepared.text,
        caseIds: [...item.caseIds],
        speakers: { ...item.speakers },
        attributes: {},
      });
      storeOriginal(ctx.raw, file.sha256, file.bytes);
      ctx.write.insert('originals', {
        id: uuidv7(),
        document_id: documentId,
        file_name: file.fileName,
        format: prepared.extracted.format,
        size: file.bytes.length,
        sha256: file.sha256,
        options: JSON.stringify({ encoding: prepared.extracted.encoding?.name ?? null, cleanup: prepared.cleanup }),
        imported_at: now(),
        imported_by: ctx.actor.id,
      });
      imported.push({
        documentId,
        fileName: file.fileName,
        title: item.title,
        format: prepared.extracted.format,
        encoding: prepared.extracted.encoding?.name ?? null,
        length: prepared.text.length,
        turns: prepared.segments.filter((s) => s.kind === 'turn').length,
        warnings: [...prepared.extracted.warnings],
      });
    }
    if (allOrNothing && skipped.length > 0) {
      // Throwing rolls the whole operation back: not one document of the batch stays.
      const list = skipped.map((f) => `${f.fileName}: ${f.reason}`).join('\n');
      throw new QuireError('invalid_input', `Nothing was imported, because ${skipped.length === 1 ? 'one file' : `${skipped.length} files`} could not be:\n${list}`, { skipped });
    }
    ctx.progress(items.length, items.length);
    ctx.describe(imported.length === 1 ? summary('imports.one', { title: imported[0]!.title }) : summary('imports.many', { count: imported.length }));
    return { imported, skipped };
  },

  'documents.reread': async (ctx, { documentId, encoding, cleanup }) => {
    const original = originalOf(ctx, documentId);
    if (!original) throw new QuireError('invalid_input', 'This document was not imported from a file, so there is nothing to read again.', { documentId });
    const file: StagedFile = { id: original.id, fileName: original.file_name, bytes: original.data, sha256: original.sha256, readings: new Map() };
    const prepared = await prepare(file, encoding, cleanup);
    const result = await ctx.call('documents.revise', { id: documentId, text: prepared.text, note: `Read again from “${original.file_name}”` });
    ctx.write.update('originals', original.id, { options: JSON.stringify({ encoding: prepared.extracted.encoding?.name ?? null, cleanup: prepared.cleanup }) });
    ctx.describe(summary('imports.reread', { title: result.document.title }));
    return result;
  },

  'documents.original': async (ctx, { documentId }) => {
    const row = originalOf(ctx, documentId);
    if (!row) return null;
    const options = JSON.parse(row.options) as { encoding?: string | null; cleanup?: CleanupChoice };
    return {
      fileName: row.file_name,
      format: row.format,
      size: row.size,
      sha256: row.sha256,
      data: row.data.toString('base64'),
      importedAt: row.imported_at,
      options: { encoding: options.encoding ?? null, cleanup: options.cleanup ?? {} },
    };
  },
};
