/**
 * Export of coded extracts (any retrieval, a selection, or a draft's quotes) and of the codebook,
 * to a file written in place or as bytes for the renderer to download.
 */
import type { ExportedExtracts } from '../../../src-shared/contract/extracts';
import type { ExtractExcerpt, ExtractGroup, ExtractsHead } from '../../../src-shared/model/extracts';
import type { QueryContext, SomeHandlers } from '../context';
import { buildExtracts, NO_HOOKS } from '../export/build';
import type { ExtractHooks } from '../export/build';
import { buildCodebook, CODEBOOK_MIME, writeCodebook } from '../export/codebook';
import { fileNameFor, MIME_TYPES, writerFor } from '../export/formats';
import { produce } from '../export/output';
import type { Produced } from '../export/output';
import type { ExtractsWriter } from '../export/writer';
import { pseudonymizer } from '../../../src-shared/text/pseudonyms';
import { CheckedOverlay, pseudonymEntries } from './pseudonyms';
import { QuireError } from '../../../src-shared/contract/errors';
import type { LeakReport, PseudonymEntry } from '../../../src-shared/contract/pseudonyms';
import type { CodebookModel } from '../../../src-shared/model/extracts';

/**
 * What every export of this project applies: the registry's pseudonym overlay as `rename` (the
 * plain overlay unless the caller brings one that also checks for leaks), each excerpt's quote id
 * and its translations.
 */
export function exportHooks(ctx: QueryContext, rename: ((text: string) => string) | null = plainOverlay(pseudonymEntries(ctx))): ExtractHooks {
  const translationLanguages = ctx.raw.prepare('SELECT DISTINCT language FROM excerpt_translations ORDER BY language').pluck().all() as string[];
  return {
    rename: rename ?? NO_HOOKS.rename,
    quoteId: (excerpt, codingId) => {
      const at = codingId === null ? -1 : excerpt.codingIds.indexOf(codingId);
      return (at >= 0 ? excerpt.quoteIds[at] : excerpt.quoteIds[0]) || null;
    },
    // The first coding's translation comes first (see `Excerpt.translations`) and wins.
    translations: (excerpt) => {
      const byLanguage: Record<string, string> = {};
      for (const t of excerpt.translations) byLanguage[t.language] ??= t.text;
      return byLanguage;
    },
    translationLanguages,
  };
}

/** The document key of a quote id (`SHE-INT-1993-06-014` of `…-014:q3`). */
const documentKeyOf = (quoteId: string): string => {
  const at = quoteId.lastIndexOf(':q');
  return at < 0 ? quoteId : quoteId.slice(0, at);
};

/** Hands every text of the excerpts a reader of the export sees to `check`, in order (no list of them: 100,000 excerpts have millions). */
function textsOfExcerpts(batch: readonly ExtractExcerpt[], check: (text: string, source?: string) => void): void {
  for (const e of batch) {
    check(e.text);
    check(e.contextBefore ?? '');
    check(e.contextAfter ?? '');
    check(e.citation);
    // Checked once per document, not once per excerpt: a quote id's key is the part a name could be in.
    if (e.quoteId !== null) check(e.quoteId, documentKeyOf(e.quoteId));
    for (const language in e.translations) check(e.translations[language]!);
    for (const code of e.codes) check(code);
    check(e.coder);
    check(e.documentTitle);
    check(e.documentDate);
    check(e.speaker ?? '');
    check(e.caseName ?? '');
    for (const name in e.attributes) check(e.attributes[name]!);
    check(e.memo);
  }
}

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

/** The overlay without a leak check (a preview), or none when nothing is registered. */
function plainOverlay(entries: readonly PseudonymEntry[]): ((text: string) => string) | null {
  return entries.length === 0 ? null : pseudonymizer(entries).apply;
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
    const factory = await writerFor(format);
    const overlay = checkedOverlay(ctx);
    let leaks: LeakReport | null = null;
    let title = '';
    let items = 0;
    const produced = await produce(path, async (out) => {
      const state: { writer: ExtractsWriter | null } = { writer: null };
      const show = { context: input.context, coder: input.coder, memo: input.memo, translation: input.translation, translationLanguage: input.translationLanguage };
      items = await buildExtracts(
        ctx,
        input,
        {
          head: (head) => {
            title = head.title;
            overlay?.scan([head.title, ...head.attributeNames]);
            state.writer = factory(out, head, show);
          },
          group: (heading) => {
            if (heading !== null) overlay?.scan([heading]);
            state.writer!.group(heading);
          },
          excerpts: (batch) => {
            overlay?.scanEach((check) => textsOfExcerpts(batch, check));
            state.writer!.excerpts(batch);
          },
        },
        { hooks: exportHooks(ctx, overlay?.rename ?? null) },
      );
      await state.writer!.finish();
      leaks = checkLeaks(overlay, allowLeaks);
    });
    return answer(fileNameFor(title, format), MIME_TYPES[format], produced, items, leaks);
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
      { hooks: exportHooks(ctx), limit },
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
