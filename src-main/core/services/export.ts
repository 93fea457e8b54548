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
import { pseudonymEntries } from './pseudonyms';

/**
 * What every export of this project applies: the registry's pseudonym overlay (as `rename`; the
 * overlay is built once per export), each excerpt's quote id and its translations.
 */
export function exportHooks(ctx: QueryContext): ExtractHooks {
  const entries = pseudonymEntries(ctx);
  const overlay = entries.length === 0 ? null : pseudonymizer(entries);
  const translationLanguages = ctx.raw.prepare('SELECT DISTINCT language FROM excerpt_translations ORDER BY language').pluck().all() as string[];
  return {
    rename: overlay ? (text) => overlay.apply(text) : NO_HOOKS.rename,
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

const answer = (fileName: string, mimeType: string, produced: Produced, items: number): ExportedExtracts => ({
  fileName,
  mimeType,
  data: produced.data ? produced.data.toString('base64') : null,
  path: produced.path,
  bytes: produced.bytes,
  items,
});

export const exportHandlers: SomeHandlers<'export.extracts' | 'export.preview' | 'export.codebook'> = {
  'export.extracts': async (ctx, { format, path, ...input }) => {
    const factory = await writerFor(format);
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
            state.writer = factory(out, head, show);
          },
          group: (heading) => state.writer!.group(heading),
          excerpts: (batch) => state.writer!.excerpts(batch),
        },
        { hooks: exportHooks(ctx) },
      );
      await state.writer!.finish();
    });
    return answer(fileNameFor(title, format), MIME_TYPES[format], produced, items);
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

  'export.codebook': async (ctx, { format, path, language, includeArchived, history }) => {
    const model = await buildCodebook(ctx, { language, includeArchived, history, rename: exportHooks(ctx).rename });
    const produced = await produce(path, (out) => writeCodebook(model, format, out));
    return answer(fileNameFor(model.title, format), CODEBOOK_MIME[format], produced, model.codes.length);
  },
};
