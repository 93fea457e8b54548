/**
 * An extracts export from retrieval to bytes: built by `buildExtracts`, every text renamed by the
 * pseudonym overlay and checked for leaks as it is written, and handed to a writer. The handler
 * runs it for a whole export; a worker thread runs it for a part of a large one (csv-parts.ts).
 */
import type { ExtractsInput } from '../../../src-shared/contract/extracts';
import type { ExtractExcerpt } from '../../../src-shared/model/extracts';
import { documentKeyOf } from '../../../src-shared/model/quote-ids';
import type { ReadContext } from '../context';
import type { CheckedOverlay } from '../services/leak-check';
import { buildExtracts, NO_HOOKS } from './build';
import type { ExtractHooks } from './build';
import type { Output } from './output';
import type { ExtractsWriter, WriterFactory } from './writer';

/**
 * What every export of this project applies: the registry's pseudonym overlay (none when nothing
 * is registered), each excerpt's quote id and its translations.
 */
export function exportHooks(ctx: ReadContext, overlay: Pick<ExtractHooks, 'rename' | 'renameOnce'> | null): ExtractHooks {
  const translationLanguages = ctx.raw.prepare('SELECT DISTINCT language FROM excerpt_translations ORDER BY language').pluck().all() as string[];
  return {
    rename: overlay?.rename ?? NO_HOOKS.rename,
    renameOnce: overlay?.renameOnce ?? NO_HOOKS.renameOnce,
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

/**
 * Hands every text of the excerpts a reader of the export sees to `check`, in order (no list of
 * them: 100,000 excerpts have millions); the attributes of an excerpt's case, one set shared by
 * its excerpts, to `checkValues`.
 */
function textsOfExcerpts(batch: readonly ExtractExcerpt[], check: (text: string, source?: string) => void, checkValues: (values: Readonly<Record<string, string>>) => void): void {
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
    checkValues(e.attributes);
    check(e.memo);
  }
}

/** Which part of an export is written: the whole (by default), or the excerpts of some documents only, without the head. */
export interface ExportPart {
  readonly documents?: ReadonlySet<string>;
  /** A later part: the head (title, column names) was written and checked with the first. */
  readonly later?: boolean;
}

/**
 * Writes the extracts `input` asks for with `factory` into `out`. With an overlay, every text is
 * renamed and checked as it is written (the report is the overlay's); the leak check only covers
 * what the writer is handed: every text of the file that comes from the project, the writer adding
 * only its own labels. Returns the export's title and how many excerpts were written.
 */
export async function writeExtracts(
  ctx: ReadContext,
  input: ExtractsInput,
  factory: WriterFactory,
  out: Output,
  overlay: CheckedOverlay | null,
  part: ExportPart = {},
): Promise<{ readonly title: string; readonly items: number }> {
  const state: { writer: ExtractsWriter | null; title: string } = { writer: null, title: '' };
  const show = { context: input.context, coder: input.coder, memo: input.memo, translation: input.translation, translationLanguage: input.translationLanguage };
  const items = await buildExtracts(
    ctx,
    input,
    {
      head: (head) => {
        state.title = head.title;
        if (!part.later) overlay?.scan([head.title, ...head.attributeNames]);
        state.writer = factory(out, head, show);
      },
      group: (heading) => {
        if (heading !== null) overlay?.scan([heading]);
        state.writer!.group(heading);
      },
      excerpts: (batch) => {
        overlay?.scanEach((check, checkValues) => textsOfExcerpts(batch, check, checkValues));
        state.writer!.excerpts(batch);
      },
    },
    { hooks: exportHooks(ctx, overlay), documents: part.documents },
  );
  await state.writer!.finish();
  return { title: state.title, items };
}
