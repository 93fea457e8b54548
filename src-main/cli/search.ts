/**
 * `quire search PROJECT "query"`: full-text search as a keyword-in-context listing with citations,
 * and with `--code NAME` every hit coded as one undoable operation.
 */
import type { InputOf, SearchResult } from '../../src-shared/contract';
import type { CommandContext } from './context';
import { UsageError } from './options';
import { casesNamed, kindsNamed } from './names';

const lower = (s: string): string => s.trim().toLocaleLowerCase();
const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ⏎ ');

function whole(value: string | undefined, option: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${option} takes a whole number${min > 0 ? ' above 0' : ''}.`);
  return n;
}

function oneOf<T extends string>(value: string | undefined, option: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} is ${allowed.join(' or ')}.`);
  return value as T;
}

/** "12 matches in 3 documents and 1 memo", or "about …" when the figures are estimated. */
export function tallyLine(result: SearchResult): string {
  const plural = (n: number, word: string): string => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : word.endsWith('h') ? 'es' : 's'}`;
  const where = [plural(result.documents, 'document'), ...(result.memos > 0 ? [plural(result.memos, 'memo')] : [])].join(' and ');
  return `${result.exact ? '' : 'about '}${plural(result.total, 'match')} in ${where}`;
}

type Query = Omit<InputOf<'search.query'>, 'limit' | 'offset' | 'locale'>;

async function queryOf(ctx: CommandContext): Promise<Query> {
  const o = ctx.options;
  const text = ctx.operands[0];
  if (text === undefined || text.trim() === '') throw new UsageError('say what to search for: quire search PROJECT "words"');
  if (ctx.operands.length > 1) throw new UsageError('put the search in quotes: quire search PROJECT "trust in the director"');
  const kinds = kindsNamed(o.kind);
  const caseIds = await casesNamed(ctx, o.case ?? []);
  const filters = {
    ...(kinds.length > 0 ? { documentKinds: kinds } : {}),
    ...(caseIds.length > 0 ? { caseIds } : {}),
    ...(o.language ? { language: o.language } : {}),
    ...(o.from ? { dateFrom: o.from } : {}),
    ...(o.to ? { dateTo: o.to } : {}),
  };
  return {
    query: text,
    mode: oneOf(o.mode, 'mode', ['words', 'substring'] as const, 'words'),
    scope: oneOf(o.scope, 'scope', ['all', 'documents', 'memos'] as const, 'all'),
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
  };
}

export async function search(ctx: CommandContext): Promise<void> {
  const o = ctx.options;
  if (!ctx.project) throw new UsageError('say which project file to use.');
  const locale = oneOf(o.cite, 'cite', ['en', 'ru'] as const, 'en');
  const extent = oneOf(o.extent, 'extent', ['match', 'segment'] as const, 'match');
  const limit = whole(o.limit, 'limit', 100, 1);
  const offset = whole(o.offset, 'offset', 0, 0);
  if ((o.code?.length ?? 0) > 1) throw new UsageError('--code names one code here.');
  await ctx.client.call('project.open', { path: ctx.project, actor: { name: ctx.actor } });
  const query = await queryOf(ctx);

  const codeName = o.code?.[0];
  if (codeName !== undefined) {
    const codes = await ctx.client.call('codes.list', {});
    const named = codes.filter((c) => lower(c.name) === lower(codeName));
    if (named.length > 1) throw new UsageError(`${named.length} codes are called "${codeName}": rename one first.`);
    if (named.length === 0 && !o.create) throw new UsageError(`there is no code called "${codeName}" (add --create to create it).`);
    const codeId = named[0]?.id ?? (await ctx.client.call('codes.create', { name: codeName })).id;
    const result = await ctx.client.call('search.codeHits', { ...query, codeId, extent });
    ctx.print({ headers: ['matches', 'new codings'], rows: [[result.matches, result.created]], numeric: [0, 1] });
    return;
  }

  const result = await ctx.client.call('search.query', { ...query, limit, offset, locale });
  ctx.say(`${tallyLine(result)}${result.hits.length < result.total ? `; showing ${offset + 1}–${offset + result.hits.length}` : ''}`);
  if (ctx.format === 'table') {
    // A concordance: the words before right-aligned, so that the matches line up.
    ctx.print({
      headers: ['before', 'match', 'after', 'source'],
      rows: result.hits.map((h) => [oneLine(h.before).slice(-40), oneLine(h.match), oneLine(h.after).slice(0, 40), h.citation]),
      numeric: [0],
    });
    return;
  }
  ctx.print({
    headers: ['kind', 'id', 'title', 'start', 'end', 'before', 'match', 'after', 'citation'],
    rows: result.hits.map((h) => [h.kind, h.documentId ?? h.memoId ?? '', h.title, h.start, h.end, h.before, h.match, h.after, h.citation]),
    numeric: [3, 4],
  });
}
