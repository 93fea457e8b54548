/**
 * The codebook's history through the contract: per code or project-wide, and as a CSV or Markdown
 * file with the pseudonym overlay applied like every export.
 */
import type { CodeHistoryEntry } from '../../../src-shared/contract/codebook-history';
import { QuireError } from '../../../src-shared/contract/errors';
import type { CodeRow } from '../db/schema';
import type { QueryContext, SomeHandlers } from '../context';
import { CODE_HISTORY_MIME, HISTORY_TEXTS, writeCodeHistory } from '../export/codebook-history';
import { fileNameFor } from '../export/formats';
import { produce } from '../export/output';
import { codeHistory, historyInLanguage, rowOrImage } from './codebook-history';
import { plainOverlay } from './export';

/** Every text of an entry, renamed by the pseudonym overlay as every export is. */
function renamed(e: CodeHistoryEntry, rename: (text: string) => string): CodeHistoryEntry {
  const r = (value: string | null) => (value === null ? null : rename(value));
  return {
    ...e,
    codeName: rename(e.codeName),
    actorName: rename(e.actorName),
    summary: rename(e.summary),
    reason: rename(e.reason),
    otherCodeName: r(e.otherCodeName),
    fields: e.fields.map((f) => ({ ...f, before: r(f.before), after: r(f.after) })),
    meeting: e.meeting ? { ...e.meeting, title: rename(e.meeting.title), team: rename(e.meeting.team), note: rename(e.meeting.note) } : null,
  };
}

export const codebookHistoryHandlers: SomeHandlers<'codebook.history' | 'export.codebookHistory'> = {
  'codebook.history': async (ctx, { codeId, limit }) => {
    if (codeId) rowOrImageOrFail(ctx, codeId);
    return codeHistory(ctx, { codeId, limit });
  },

  'export.codebookHistory': async (ctx, { format, codeId, language, path }) => {
    const code = codeId ? rowOrImageOrFail(ctx, codeId) : null;
    const rename = plainOverlay(ctx) ?? ((text: string) => text);
    const entries = codeHistory(ctx, { codeId }).map((e) => renamed(historyInLanguage(e, language), rename));
    const title = `${HISTORY_TEXTS[language].title}${code ? `: ${rename(code.name)}` : ''}`;
    const produced = await produce(path, async (out) => out.write(writeCodeHistory(entries, format, language, title)));
    return {
      fileName: fileNameFor(title, format),
      mimeType: CODE_HISTORY_MIME[format],
      data: produced.data ? produced.data.toString('base64') : null,
      path: produced.path,
      bytes: produced.bytes,
      items: entries.length,
    };
  },
};

/** The code, also when it was deleted (its history stays readable); a clear error when it never was. */
function rowOrImageOrFail(ctx: QueryContext, id: string): CodeRow {
  const found = rowOrImage<CodeRow>(ctx, 'codes', id);
  if (!found) throw new QuireError('not_found', 'This code was not found in the project or its history.', { id });
  return found.row;
}
