/**
 * `quire retrieve` (coded excerpts with citations) and `quire report cooccurrence` (code × code),
 * both filtered like the Excerpts view: by case, attribute value, kind of document and dates.
 */
import { COOCCURRENCE_BY } from '../../src-shared/contract/cooccurrence';
import type { CooccurrenceBy } from '../../src-shared/contract/cooccurrence';
import type { RetrievalOperator, RetrievalQueryInput } from '../../src-shared/contract/retrieval';
import type { CommandContext } from './context';
import { UsageError } from './options';
import { casesNamed, codeNamed, kindsNamed, membersNamed } from './names';

const open = (ctx: CommandContext) => {
  if (!ctx.project) throw new UsageError('say which project file to use.');
  return ctx.client.call('project.open', { path: ctx.project, actor: { name: ctx.actor } });
};

const lower = (s: string): string => s.trim().toLocaleLowerCase();

const OPERATORS: Readonly<Record<string, RetrievalOperator>> = {
  any: 'any',
  all: 'all',
  and: 'all',
  or: 'any',
  not: 'not',
  overlaps: 'overlaps',
  'same-segment': 'sameSegment',
  samesegment: 'sameSegment',
  within: 'within',
  follows: 'follows',
};

function operator(value: string | undefined): { operator: RetrievalOperator; distance: number } {
  if (value === undefined) return { operator: 'any', distance: 0 };
  const [name = '', n] = value.split(':');
  const op = OPERATORS[lower(name)];
  if (!op) throw new UsageError('--op is any, all, not, overlaps, same-segment, within:N or follows:N.');
  if (op !== 'within' && op !== 'follows') {
    if (n !== undefined) throw new UsageError(`--op ${name} takes no distance.`);
    return { operator: op, distance: 0 };
  }
  const distance = Number(n);
  if (n === undefined || !Number.isInteger(distance) || distance < 0) throw new UsageError(`--op ${name}:N needs a number of characters, e.g. ${name}:200.`);
  return { operator: op, distance };
}

function count(value: string | undefined, option: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${option} takes a whole number${min > 0 ? ' above 0' : ''}.`);
  return n;
}

/** The document filters shared by both commands, names resolved against the project. */
export async function filters(ctx: CommandContext) {
  const o = ctx.options;
  const kinds = kindsNamed(o.kind);
  const caseIds = await casesNamed(ctx, o.case ?? []);
  const attributes = new Map<string, string[]>();
  if (o.where?.length) {
    const defined = await ctx.client.call('attributes.list', {});
    for (const clause of o.where) {
      const eq = clause.indexOf('=');
      if (eq <= 0) throw new UsageError(`--where takes ATTRIBUTE=VALUE, e.g. --where Role=foreman (not "${clause}").`);
      const name = clause.slice(0, eq);
      const attribute = defined.find((a) => lower(a.name) === lower(name));
      if (!attribute) throw new UsageError(`there is no attribute called "${name.trim()}".`);
      attributes.set(attribute.id, [...(attributes.get(attribute.id) ?? []), clause.slice(eq + 1).trim()]);
    }
  }
  const coderIds = await membersNamed(ctx, o.coder ?? []);
  return {
    caseIds,
    attributes: [...attributes].map(([attributeId, values]) => ({ attributeId, values })),
    kinds,
    coderIds,
    ...(o.from ? { from: o.from } : {}),
    ...(o.to ? { to: o.to } : {}),
  };
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ⏎ ');

/** The query the options ask for: a saved query by name (--saved), or codes (--code) with the filters. */
export async function queryFromOptions(ctx: CommandContext): Promise<RetrievalQueryInput> {
  const o = ctx.options;
  if (o['informants-only'] && o['interviewer-only']) throw new UsageError('--informants-only and --interviewer-only exclude each other.');
  if (o.saved) {
    const saved = (await ctx.client.call('retrieval.saved', {})).find((q) => lower(q.name) === lower(o.saved!));
    if (!saved) throw new UsageError(`there is no saved query called "${o.saved}".`);
    return saved.query;
  }
  if (!o.code?.length) throw new UsageError('say which codes to retrieve: --code NAME [--code NAME…]');
  const codes = await ctx.client.call('codes.list', {});
  return {
    codeIds: o.code.map((name) => codeNamed(codes, name).id),
    ...operator(o.op),
    includeSubcodes: o.subcodes ?? false,
    ...(await filters(ctx)),
    speakers: o['informants-only'] ? 'informants' : o['interviewer-only'] ? 'interviewer' : 'all',
  };
}

export async function retrieve(ctx: CommandContext): Promise<void> {
  const o = ctx.options;
  const language = o.cite ?? 'en';
  if (language !== 'en' && language !== 'ru') throw new UsageError('--cite is en or ru (the language of citations).');
  const limit = count(o.limit, 'limit', 100);
  const offset = count(o.offset, 'offset', 0, 0);
  await open(ctx);
  const query = await queryFromOptions(ctx);
  if (o.save) {
    await ctx.client.call('retrieval.save', { name: o.save, query });
    ctx.say(`Saved the query as "${o.save}".`);
  }
  const page = await ctx.client.call('retrieval.run', { ...query, limit, offset, language });
  const codeNames = (e: (typeof page.excerpts)[number]): string => e.codes.map((c) => c.name).join('; ');
  if (ctx.format === 'table') {
    ctx.print({
      headers: ['#', 'citation', 'quote id', 'speaker', 'codes', 'excerpt'],
      rows: page.excerpts.map((e, i) => [offset + i + 1, e.citation, e.quoteIds[0] ?? '', e.speaker ?? '', codeNames(e), oneLine(e.quote)]),
      numeric: [0],
    });
  } else {
    ctx.print({
      headers: ['citation', 'excerpt', 'document', 'document id', 'start', 'end', 'speaker', 'codes', 'coder', 'context before', 'context after', 'coding ids', 'quote ids', 'translations'],
      rows: page.excerpts.map((e) => [
        e.citation,
        e.quote,
        e.documentTitle,
        e.documentId,
        e.start,
        e.end,
        e.speaker ?? '',
        codeNames(e),
        e.coderName,
        e.contextBefore,
        e.contextAfter,
        e.codingIds.join(' '),
        e.quoteIds.join(' '),
        e.translations.map((t) => `${t.language}: ${t.text}`).join('\n'),
      ]),
      numeric: [4, 5],
    });
  }
  const shown = page.excerpts.length === 0 ? 'none shown' : `showing ${offset + 1}–${offset + page.excerpts.length}`;
  ctx.say(`${page.total} excerpts in ${page.documents} documents (${shown}).`);
}

const BY_OPTION: Readonly<Record<string, CooccurrenceBy>> = { overlap: 'overlap', segment: 'sameSegment', document: 'sameDocument' };

export async function reportCooccurrence(ctx: CommandContext): Promise<void> {
  const o = ctx.options;
  const by = BY_OPTION[o.by ?? 'overlap'] ?? (COOCCURRENCE_BY as readonly string[]).find((b) => b === o.by);
  if (!by) throw new UsageError('--by is overlap, segment or document.');
  const measure = o.measure ?? 'count';
  if (measure !== 'count' && measure !== 'jaccard' && measure !== 'c') throw new UsageError('--measure is count, jaccard or c (the c-coefficient).');
  await open(ctx);
  let codeId: string | undefined;
  if (o.codes) codeId = codeNamed(await ctx.client.call('codes.list', {}), o.codes).id;
  const matrix = await ctx.client.call('cooccurrence.matrix', { by: by as CooccurrenceBy, ...(codeId ? { codeId } : {}), ...(await filters(ctx)) });
  const values = measure === 'count' ? matrix.counts : measure === 'jaccard' ? matrix.jaccard : matrix.c;
  const indent = ctx.format === 'table';
  ctx.print({
    headers: ['code', ...matrix.codes.map((c) => (indent ? c.name : c.path))],
    rows: matrix.codes.map((c, i) => [indent ? `${'  '.repeat(c.depth)}${c.name}` : c.path, ...values[i]!]),
    numeric: matrix.codes.map((_, i) => i + 1),
  });
}
