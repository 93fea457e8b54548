/**
 * From a retrieval to the plain model of an export (src-shared/model/extracts.ts): which
 * excerpts, in which groups and order, and each one's words, citation, codes, coder, memo and
 * case attributes. Excerpts are built a batch at a time and handed on, so a writer can stream.
 *
 * Every text that leaves the project passes through `hooks.rename` (pseudonyms plug in there),
 * and quote ids and translations come from their own hooks; by default there are none.
 */
import { QuireError } from '../../../src-shared/contract/errors';
import type { Excerpt, RetrievalQuery } from '../../../src-shared/contract/retrieval';
import { RetrievalQuerySchema } from '../../../src-shared/contract/retrieval';
import type { ExtractsInput } from '../../../src-shared/contract/extracts';
import { formatFuzzyDate } from '../../../src-shared/model/dates';
import type { ExtractExcerpt, ExtractsHead } from '../../../src-shared/model/extracts';
import type { ReadContext } from '../context';
import { codebookRows } from '../services/codebook';
import { ExcerptBuilder } from '../services/excerpts';
import { codeLines } from '../services/reports';
import type { Hit } from '../services/retrieval-operators';
import { retrieve } from '../services/retrieval';
import { SpeakerSides } from '../services/speaker-sides';
import { CaseAttributes } from './case-attributes';
import { EXPORT_TEXTS } from './texts';

/** Where pseudonyms, quote ids and translations plug into an export. */
export interface ExtractHooks {
  /** Applied to every text that leaves the project (excerpt, context, citation, headings, memo, attribute values, titles). */
  readonly rename: (text: string) => string;
  /** `rename` for a text that does not come again, such as an excerpt's words (nothing to remember it by). */
  readonly renameOnce: (text: string) => string;
  /** The excerpt's stable quote id, if it has one: that of `codingId` (the coding it is listed under) when given. */
  readonly quoteId: (excerpt: Excerpt, codingId: string | null) => string | null;
  /** The excerpt's translations by language (renamed by the builder like its words). */
  readonly translations: (excerpt: Excerpt) => Readonly<Record<string, string>>;
  /** Languages that may have translations: one tidy column each. */
  readonly translationLanguages: readonly string[];
}

export const NO_HOOKS: ExtractHooks = { rename: (text) => text, renameOnce: (text) => text, quoteId: () => null, translations: () => ({}), translationLanguages: [] };

/** Where the builder hands its results: the head, then groups and their excerpts in order. */
export interface ExtractsSink {
  head(head: ExtractsHead): void;
  group(heading: string | null): void;
  excerpts(batch: readonly ExtractExcerpt[]): void;
}

/**
 * Excerpts built and handed on at a time. A batch is alive while it is built, renamed, checked and
 * written: 250 keep it within V8's young generation (1,000 had most of it copied out and collected
 * later), and still make few queries for quote ids and translations.
 */
const BATCH = 250;

/**
 * Lets what finished meanwhile come back between batches: an export file's chunks written in
 * Node's thread pool are reported only then, and their buffers are filled again (see `Output.spare`).
 */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** One place an excerpt takes in the export: the hit, and the code it is listed under when grouped by code. */
interface Item {
  readonly hit: Hit;
  readonly codeId: string | null;
}

/** The query the input asks for: its own, or every code of the draft's quotes. */
function queryOf(ctx: ReadContext, input: ExtractsInput, draftCodings: ReadonlySet<string> | null): RetrievalQuery {
  if (input.query) return input.query;
  const codeIds = draftCodings?.size
    ? [...new Set(ctx.raw.prepare(`SELECT DISTINCT code_id FROM codings WHERE id IN (${[...draftCodings].map(() => '?').join(',')})`).pluck().all(...draftCodings) as string[])]
    : [];
  if (codeIds.length === 0) throw new QuireError('not_found', `The draft "${input.draft}" has no quotes to export yet.`, { draft: input.draft });
  return RetrievalQuerySchema.parse({ codeIds: codeIds.slice(0, 50) });
}

export interface BuildOptions {
  readonly hooks?: ExtractHooks;
  /** Stops after that many (a preview). */
  readonly limit?: number;
  /** Only the excerpts of these documents: a part of an export, the other parts built elsewhere. */
  readonly documents?: ReadonlySet<string>;
}

/** Exports the excerpts an input asks for into `sink`. Returns how many were written. */
export async function buildExtracts(ctx: ReadContext, input: ExtractsInput, sink: ExtractsSink, options: BuildOptions = {}): Promise<number> {
  const hooks = options.hooks ?? NO_HOOKS;
  const { rename, renameOnce } = hooks;
  const t = EXPORT_TEXTS[input.language];
  const draftCodings = input.draft
    ? new Set(ctx.raw.prepare('SELECT coding_id FROM quote_uses WHERE draft = ? COLLATE NOCASE').pluck().all(input.draft) as string[])
    : null;
  const query = queryOf(ctx, input, draftCodings);
  const sides = new SpeakerSides(ctx);
  const { hits, scope } = await retrieve(ctx, query, sides, options.documents);
  const selected = input.codingIds ? new Set(input.codingIds) : null;
  const wanted = hits.filter((h) => (!selected || h.anchors.some((a) => selected.has(a.id))) && (!draftCodings || h.anchors.some((a) => draftCodings.has(a.id))));

  const rows = await codebookRows(ctx);
  const order = new Map(rows.map((r, i) => [r.id, i]));
  const paths = new Map(codeLines(rows).map((l) => [l.codeId, l.path]));
  const codeOrder = (id: string): number => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const firstCode = (hit: Hit): number => Math.min(...hit.anchors.map((a) => codeOrder(a.codeId)));

  // An excerpt is listed under each of its own codes when grouped by code.
  let items: Item[] =
    input.grouping === 'code'
      ? wanted.flatMap((hit) => [...new Set(hit.anchors.map((a) => a.codeId))].map((codeId) => ({ hit, codeId })))
      : wanted.map((hit) => ({ hit, codeId: null }));
  if (input.grouping === 'code') items.sort((a, b) => codeOrder(a.codeId!) - codeOrder(b.codeId!));
  if (input.sort === 'code') items.sort((a, b) => (input.grouping === 'code' ? 0 : firstCode(a.hit) - firstCode(b.hit)));
  // Documents are already in reading order; a stable sort keeps it inside each group.

  const title = input.draft && !input.query ? input.draft : `${t.extractsTitle}: ${query.codeIds.map((id) => paths.get(id) ?? '?').join(', ')}`;
  const attributes = new CaseAttributes(ctx);
  sink.head({
    title: rename(title),
    grouping: input.grouping,
    language: input.language,
    attributeNames: attributes.names,
    translationLanguages: hooks.translationLanguages,
    total: items.length,
    exportedAt: new Date().toISOString(),
  });

  const memos = new Map<string, string[]>();
  for (const [target, text] of ctx.raw.prepare("SELECT target_id, text FROM memos WHERE target_type = 'coding' AND target_id IS NOT NULL ORDER BY created_at").raw().all() as [string, string][]) {
    if (text.trim() === '') continue;
    memos.set(target, [...(memos.get(target) ?? []), text.trim()]);
  }
  const byCase = input.grouping === 'case' || input.sort === 'case';
  // Built once each, in reading order, then arranged: needed when the case a passage is cited to
  // decides its place (known only once built), and cheaper when grouped by code (a document's
  // text and turns are read once, not once per code; an excerpt under two codes is built once).
  // A preview grouped by code builds only what it shows.
  const allFirst = byCase || (input.grouping === 'code' && options.limit === undefined);
  // Each document's passages come together, and once, except when a preview grouped by code or a
  // sort by code builds them a part at a time in that order.
  const builder = new ExcerptBuilder(ctx, sides, allFirst || (input.grouping !== 'code' && input.sort === 'document'));
  const show = { language: input.language, context: input.context ? input.contextChars : 0 };
  const NONE: Readonly<Record<string, string>> = {};
  const renameAll = (record: Readonly<Record<string, string>>): Readonly<Record<string, string>> => {
    const out: Record<string, string> = {};
    let any = false;
    for (const k in record) {
      out[k] = rename(record[k]!);
      any = true;
    }
    return any ? out : NONE;
  };
  // A document's or case's attributes repeat on each of its excerpts: renamed once per set (`attributes.of` hands out the same object).
  const renamedAttributes = new WeakMap<Readonly<Record<string, string>>, Readonly<Record<string, string>>>();
  const attributesOf = (documentId: string, caseId: string | null): Readonly<Record<string, string>> => {
    const own = attributes.of(documentId, caseId);
    let renamed = renamedAttributes.get(own);
    if (renamed === undefined) renamedAttributes.set(own, (renamed = renameAll(own)));
    return renamed;
  };
  const dates = new Map<string, string>();
  const dateOf = (e: Excerpt): string => {
    let date = dates.get(e.documentId);
    if (date === undefined) dates.set(e.documentId, (date = e.documentDate ? formatFuzzyDate(e.documentDate, input.language) : ''));
    return date;
  };
  const toModel = (e: Excerpt, codingId: string | null): ExtractExcerpt => ({
    text: renameOnce(e.quote),
    contextBefore: input.context ? renameOnce(e.contextBefore) : null,
    contextAfter: input.context ? renameOnce(e.contextAfter) : null,
    citation: rename(e.citation),
    quoteId: hooks.quoteId(e, codingId),
    translations: renameAll(hooks.translations(e)),
    codes: e.codes.map((c) => rename(paths.get(c.id) ?? c.name)),
    coder: input.coder ? rename(e.coderName) : '',
    documentTitle: rename(e.documentTitle),
    documentDate: dateOf(e),
    speaker: e.speaker === null ? null : rename(e.speaker),
    caseName: e.citedCaseId === null ? null : rename(attributes.caseName(e.citedCaseId) ?? ''),
    attributes: attributesOf(e.documentId, e.citedCaseId),
    memo: input.memo ? renameOnce([...new Set(e.codingIds)].flatMap((id) => memos.get(id) ?? []).join('\n\n')) : '',
    documentId: e.documentId,
    start: e.start,
    end: e.end,
  });
  /** The coding an item is listed under: its code's anchor when grouped by code. */
  const codingOf = (item: Item): string | null => (item.codeId === null ? null : (item.hit.anchors.find((a) => a.codeId === item.codeId)?.id ?? null));
  const heading = (item: Item, excerpt: ExtractExcerpt): string | null =>
    input.grouping === 'code'
      ? rename(paths.get(item.codeId!) ?? '?')
      : input.grouping === 'document'
        ? excerpt.documentTitle
        : input.grouping === 'case'
          ? (excerpt.caseName ?? t.noCase)
          : null;

  const limit = Math.min(options.limit ?? Number.POSITIVE_INFINITY, items.length);
  if (allFirst) {
    const built = new Map<Hit, ExtractExcerpt>();
    // Listed under several codes, an excerpt carries the quote id of each code's own coding.
    const raw = new Map<Hit, Excerpt>();
    for (let at = 0; at < wanted.length; at += BATCH) {
      const batch = wanted.slice(at, at + BATCH);
      const excerpts = await builder.build(batch, scope.documents, show);
      batch.forEach((hit, i) => {
        built.set(hit, toModel(excerpts[i]!, null));
        if (input.grouping === 'code' && excerpts[i]!.quoteIds.length > 1) raw.set(hit, excerpts[i]!);
      });
    }
    if (byCase) {
      const caseKey = (item: Item): string => built.get(item.hit)!.caseName ?? '\uffff';
      const groupKey = (item: Item): string =>
        input.grouping === 'case'
          ? caseKey(item)
          : input.grouping === 'code'
            ? String(codeOrder(item.codeId!)).padStart(9, '0')
            : input.grouping === 'document'
              ? String(scope.documents.get(item.hit.documentId)!.order).padStart(9, '0')
              : '';
      items = items
        .map((item, i) => ({ item, i }))
        .sort((a, b) => groupKey(a.item).localeCompare(groupKey(b.item), 'ru') || (input.sort === 'case' ? caseKey(a.item).localeCompare(caseKey(b.item), 'ru') : 0) || a.i - b.i)
        .map((x) => x.item);
    }
    let current: string | null | undefined;
    let pending: ExtractExcerpt[] = [];
    for (const item of items.slice(0, limit)) {
      const model = built.get(item.hit)!;
      const own = raw.get(item.hit);
      const excerpt = own ? { ...model, quoteId: hooks.quoteId(own, codingOf(item)) } : model;
      const h = heading(item, excerpt);
      if (h !== current || pending.length >= BATCH) {
        if (pending.length > 0) {
          sink.excerpts(pending);
          await breathe();
        }
        pending = [];
        if (h !== current) sink.group(h);
        current = h;
      }
      pending.push(excerpt);
    }
    if (pending.length > 0) sink.excerpts(pending);
    return limit;
  }

  let current: string | null | undefined;
  for (let at = 0; at < limit; at += BATCH) {
    const batch = items.slice(at, Math.min(at + BATCH, limit));
    const excerpts = (await builder.build(batch.map((i) => i.hit), scope.documents, show)).map((e, i) => toModel(e, codingOf(batch[i]!)));
    let pending: ExtractExcerpt[] = [];
    batch.forEach((item, i) => {
      const h = heading(item, excerpts[i]!);
      if (h !== current) {
        if (pending.length > 0) sink.excerpts(pending);
        pending = [];
        sink.group(h);
        current = h;
      }
      pending.push(excerpts[i]!);
    });
    if (pending.length > 0) sink.excerpts(pending);
    await breathe();
  }
  return limit;
}
