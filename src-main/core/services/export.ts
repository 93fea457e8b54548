/**
 * Export of coded extracts (any retrieval, a selection, or a draft's quotes) and of the codebook,
 * to a file written in place or as bytes for the renderer to download.
 */
import type { ExportedExtracts } from '../../../src-shared/contract/extracts';
import type { ExtractExcerpt, ExtractGroup, ExtractsHead } from '../../../src-shared/model/extracts';
import { writeCsvExtracts } from '../export/csv-parts';
import { exportHooks, writeExtracts } from '../export/write-extracts';
import type { QueryContext, SomeHandlers } from '../context';
import { buildExtracts, NO_HOOKS } from '../export/build';
import type { ExtractHooks } from '../export/build';
import { buildCodebook, CODEBOOK_MIME, writeCodebook } from '../export/codebook';
import { fileNameFor, MIME_TYPES, writerFor } from '../export/formats';
import { produce } from '../export/output';
import type { Produced } from '../export/output';
import { pseudonymizer } from '../../../src-shared/text/pseudonyms';
import { CheckedOverlay } from './leak-check';
import { pseudonymEntries } from './pseudonyms';
import { QuireError } from '../../../src-shared/contract/errors';
import type { LeakReport } from '../../../src-shared/contract/pseudonyms';
import type { CodebookModel } from '../../../src-shared/model/extracts';

/** Every text of the codebook's model. */
const textsOfCodebook = (model: CodebookModel): string[] => [
  model.title,
  ...model.codes.flatMap((c) => [c.path, c.name, c.parent ?? '', c.definition, c.inclusion, c.exclusion, c.example, ...c.history.flatMap((h) => [h.actor, h.summary])]),
];

/**
 * The leak check every export ends with, once the file is made and before it is kept: a
 * registered real name or alias still in the export (a name the overlay could not see, or one
 * written in a way it does not rename) refuses the export, unless the user allows it, when the
 * file is kept and the report goes with it.
 *
 * It covers the texts handed to the writer rather than reading the file back: they are every text
 * of the file that comes from the project (the writer adds only its own labels), and reading back
 * a 100,000-excerpt workbook would cost more than writing it. Texts the overlay renamed were
 * checked as they were renamed (see `CheckedOverlay`); the rest are scanned as they are written.
 */
export function checkLeaks(overlay: CheckedOverlay | null, allowLeaks: boolean): LeakReport | null {
  if (!overlay) return null;
  const report = overlay.report();
  if (report.clean || allowLeaks) return report;
  const shown = report.hits.slice(0, 10).map((h) => `"${h.text}" (${h.realName}, line ${h.line}: ${h.context})`);
  const more = report.hits.length > shown.length ? `, and ${report.hits.length - shown.length} more` : '';
  throw new QuireError(
    'conflict',
    `The export still contains ${report.hits.length === 1 ? 'a registered real name' : `${report.hits.length} registered real names`}: ${shown.join('; ')}${more}. Nothing was saved. Add the spelling as an alias in the pseudonym registry (or edit the text), or export anyway with a leak report.`,
    { leaks: report },
  );
}

/** The overlay without a leak check (a preview, a history shown), or none when nothing is registered. */
export function plainOverlay(ctx: QueryContext): ((text: string) => string) | null {
  const entries = pseudonymEntries(ctx);
  return entries.length === 0 ? null : pseudonymizer(entries).apply;
}

/** What a preview applies: the plain overlay. */
function previewHooks(ctx: QueryContext): ExtractHooks {
  const rename = plainOverlay(ctx);
  return exportHooks(ctx, rename && { rename, renameOnce: rename });
}

/** The overlay that checks as it renames, or none when nothing is registered. */
export const checkedOverlay = (ctx: QueryContext): CheckedOverlay | null => {
  const entries = pseudonymEntries(ctx);
  return entries.length === 0 ? null : new CheckedOverlay(entries);
};

const answer = (fileName: string, mimeType: string, produced: Produced, items: number, leaks: LeakReport | null): ExportedExtracts => ({
  fileName,
  mimeType,
  data: produced.data ? produced.data.toString('base64') : null,
  path: produced.path,
  bytes: produced.bytes,
  items,
  leaks,
});

export const exportHandlers: SomeHandlers<'export.extracts' | 'export.preview' | 'export.codebook'> = {
  'export.extracts': async (ctx, { format, path, allowLeaks, ...input }) => {
    const overlay = checkedOverlay(ctx);
    let leaks: LeakReport | null = null;
    let written = { title: '', items: 0 };
    const produced = await produce(path, async (out) => {
      written =
        format === 'csv'
          ? await writeCsvExtracts(ctx, input, out, overlay, { file: ctx.file.path, entries: () => pseudonymEntries(ctx) })
          : await writeExtracts(ctx, input, await writerFor(format), out, overlay);
      leaks = checkLeaks(overlay, allowLeaks);
    });
    return answer(fileNameFor(written.title, format), MIME_TYPES[format], produced, written.items, leaks);
  },

  'export.preview': async (ctx, { limit, ...input }) => {
    const state: { head: ExtractsHead | null } = { head: null };
    const groups: { heading: string | null; excerpts: ExtractExcerpt[] }[] = [];
    await buildExtracts(
      ctx,
      input,
      {
        head: (h) => {
          state.head = h;
        },
        group: (heading) => groups.push({ heading, excerpts: [] }),
        excerpts: (batch) => groups.at(-1)!.excerpts.push(...batch),
      },
      { hooks: previewHooks(ctx), limit },
    );
    return { ...state.head!, groups: groups as ExtractGroup[] };
  },

  'export.codebook': async (ctx, { format, path, language, includeArchived, history, allowLeaks }) => {
    const overlay = checkedOverlay(ctx);
    const model = await buildCodebook(ctx, { language, includeArchived, history, rename: overlay?.rename ?? NO_HOOKS.rename });
    overlay?.scan(textsOfCodebook(model));
    let leaks: LeakReport | null = null;
    const produced = await produce(path, async (out) => {
      await writeCodebook(model, format, out);
      leaks = checkLeaks(overlay, allowLeaks);
    });
    return answer(fileNameFor(model.title, format), CODEBOOK_MIME[format], produced, model.codes.length, leaks);
  },
};
