/**
 * The adjudication queue: where two coders' codings of the same documents disagree, and the
 * adjudicator's decisions on them. Disagreements are derived from the codings as they are now, so
 * accepting a side or neither makes one disappear by itself; "both" and "note" are remembered in
 * `adjudications` (migration 0012). Each decision is one undoable operation.
 */
import { summary } from '../../../src-shared/model/summaries';
import type { Summary } from '../../../src-shared/model/summaries';
import { QuireError } from '../../../src-shared/contract/errors';
import type { Adjudication, AdjudicationDecision, Disagreement } from '../../../src-shared/contract/disagreements';
import { disagreementKey, findDisagreements, kindOfPair } from '../../../src-shared/model/disagreements';
import type { DisagreementPair } from '../../../src-shared/model/disagreements';
import { uuidv7 } from '../../../src-shared/model/ids';
import { revisionText } from '../db/revision-texts';
import { statement } from '../db/statements';
import type { CodingRow } from '../db/schema';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';
import { CodingBatch } from './codings';
import { memberName } from './members';
import { now, toCoding } from './map';

interface Span {
  readonly id: string;
  readonly codeId: string;
  readonly start: number;
  readonly end: number;
  readonly row: CodingRow;
}

const spanOf = (row: CodingRow): Span => ({ id: row.id, codeId: row.code_id, start: row.start_offset, end: row.end_offset, row });

function coderName(ctx: QueryContext, id: string): string {
  const name = memberName(ctx, id);
  if (name === undefined) throw new QuireError('not_found', 'This coder is not a member of the project.', { id });
  return name;
}

/** Placeholders and values for `IN (…)`. */
const inList = (ids: readonly string[]): string => ids.map(() => '?').join(', ');

/** A disagreement before its words are read (only the page asked for gets them). */
interface Found {
  readonly key: string;
  readonly pair: DisagreementPair<Span>;
  readonly documentId: string;
  readonly title: string;
}

/** Every open disagreement of the pair, in document (title) and text order. */
function openDisagreements(
  ctx: QueryContext,
  input: { coderA: string; coderB: string; documentIds?: readonly string[] | undefined; codeIds?: readonly string[] | undefined; tolerance: number },
): { items: Found[]; decided: number; oneSided: number } {
  const { coderA, coderB } = input;
  coderName(ctx, coderA);
  coderName(ctx, coderB);
  const where = ['c.coder_id IN (?, ?)'];
  const params: unknown[] = [coderA, coderB];
  if (input.documentIds) {
    where.push(`c.document_id IN (${inList(input.documentIds)})`);
    params.push(...input.documentIds);
  }
  if (input.codeIds) {
    where.push(`c.code_id IN (${inList(input.codeIds)})`);
    params.push(...input.codeIds);
  }
  // Only documents both coded count: what one coder has not coded yet is not a disagreement.
  const scope = input.documentIds ? `AND document_id IN (${inList(input.documentIds)})` : '';
  const coders = ctx.raw
    .prepare(`SELECT document_id, COUNT(DISTINCT coder_id) AS n FROM codings WHERE coder_id IN (?, ?) ${scope} GROUP BY document_id`)
    .all(coderA, coderB, ...(input.documentIds ?? [])) as { document_id: string; n: number }[];
  const both = new Set(coders.filter((d) => d.n === 2).map((d) => d.document_id));
  const rows = (
    ctx.raw
      .prepare(`SELECT c.* FROM codings c JOIN documents d ON d.id = c.document_id WHERE ${where.join(' AND ')} ORDER BY d.title, d.id, c.start_offset, c.end_offset`)
      .all(...params) as CodingRow[]
  ).filter((row) => both.has(row.document_id));
  const decidedKeys = new Set(
    ctx.raw.prepare('SELECT item_key FROM adjudications WHERE coder_a IN (?, ?) AND coder_b IN (?, ?)').pluck().all(coderA, coderB, coderA, coderB) as string[],
  );
  const byDocument = new Map<string, CodingRow[]>();
  for (const row of rows) {
    const same = byDocument.get(row.document_id);
    if (same) same.push(row);
    else byDocument.set(row.document_id, [row]);
  }

  const items: Found[] = [];
  let decided = 0;
  for (const [documentId, codings] of byDocument) {
    const document = statement(ctx.raw, 'SELECT title, current_revision_id FROM documents WHERE id = ?').get(documentId) as { title: string; current_revision_id: string };
    const text = revisionText(ctx.raw, document.current_revision_id) ?? '';
    const as = codings.filter((c) => c.coder_id === coderA).map(spanOf);
    const bs = codings.filter((c) => c.coder_id === coderB).map(spanOf);
    if (as.length === 0 && bs.length === 0) continue;
    for (const pair of findDisagreements(text, as, bs, input.tolerance)) {
      const key = disagreementKey(pair.a, pair.b);
      if (decidedKeys.has(key)) {
        decided++;
        continue;
      }
      items.push({ key, pair, documentId, title: document.title });
    }
  }
  return { items, decided, oneSided: coders.length - both.size };
}

/** A found disagreement with both codings' words and context, read from their revisions. */
function withWords(ctx: QueryContext, found: Found): Disagreement {
  const coding = (s: Span | null) => (s ? toCoding(s.row, revisionText(ctx.raw, s.row.revision_id) ?? '') : null);
  return { key: found.key, kind: found.pair.kind, documentId: found.documentId, documentTitle: found.title, a: coding(found.pair.a), b: coding(found.pair.b) };
}

/** A coding of the pair, checked to be the named coder's. */
function codingOf(ctx: MutationContext, id: string | null, coderId: string, side: 'A' | 'B'): CodingRow | null {
  if (id === null) return null;
  const row = ctx.write.read('codings', id);
  if (row.coder_id !== coderId) throw new QuireError('invalid_input', `This passage was not coded by coder ${side} (${coderName(ctx, coderId)}): refresh the list of disagreements.`, { id });
  return row;
}

/**
 * Makes the loser's side equal to the winner's: the loser's coding takes the winner's code and
 * extent (or is removed when the loser already has that very coding, or when the winner has
 * none); when the loser had no coding, one is made in the loser's name.
 */
async function acceptSide(ctx: MutationContext, winner: CodingRow | null, loser: CodingRow | null, loserId: string): Promise<string | null> {
  if (!winner) {
    if (loser) await ctx.call('codings.remove', { id: loser.id });
    return null;
  }
  const twin = ctx.raw
    .prepare('SELECT id FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ? AND id != ?')
    .pluck()
    .get(winner.document_id, winner.code_id, loserId, winner.start_offset, winner.end_offset, loser?.id ?? '') as string | undefined;
  if (twin) {
    if (loser) await ctx.call('codings.remove', { id: loser.id });
    return twin;
  }
  if (!loser) return new CodingBatch(ctx).apply({ documentId: winner.document_id, codeId: winner.code_id, start: winner.start_offset, end: winner.end_offset, coderId: loserId }).id;
  if (loser.start_offset !== winner.start_offset || loser.end_offset !== winner.end_offset) {
    await ctx.call('codings.resize', { id: loser.id, start: winner.start_offset, end: winner.end_offset });
  }
  if (loser.code_id !== winner.code_id) await ctx.call('codings.recode', { id: loser.id, codeId: winner.code_id });
  return loser.id;
}

const SUMMARIES: Record<AdjudicationDecision, (a: string, b: string) => Summary> = {
  'accept-a': (a, b) => summary('adjudicate.accept', { chosen: a, other: b }),
  'accept-b': (a, b) => summary('adjudicate.accept', { chosen: b, other: a }),
  both: (a, b) => summary('adjudicate.both', { a, b }),
  neither: (a, b) => summary('adjudicate.neither', { a, b }),
  note: (a, b) => summary('adjudicate.note', { a, b }),
};

export const disagreementHandlers: SomeHandlers<'disagreements.list' | 'disagreements.resolve'> = {
  'disagreements.list': async (ctx, input) => {
    const { items, decided, oneSided } = openDisagreements(ctx, input);
    return { items: items.slice(input.offset, input.offset + input.limit).map((found) => withWords(ctx, found)), total: items.length, decided, oneSided, coderA: input.coderA, coderB: input.coderB };
  },

  'disagreements.resolve': async (ctx, { coderA, coderB, aCodingId, bCodingId, decision, note }) => {
    const nameA = coderName(ctx, coderA);
    const nameB = coderName(ctx, coderB);
    const a = codingOf(ctx, aCodingId, coderA, 'A');
    const b = codingOf(ctx, bCodingId, coderB, 'B');
    const some = (a ?? b)!;
    if (a && b && a.document_id !== b.document_id) throw new QuireError('invalid_input', 'These two codings are in different documents: there is nothing to compare.');
    const key = disagreementKey(a && spanOf(a), b && spanOf(b));
    let result: Adjudication = { id: uuidv7(), decision, aCodingId: a?.id ?? null, bCodingId: b?.id ?? null, memoId: null };
    if (decision === 'accept-a') result = { ...result, bCodingId: await acceptSide(ctx, a, b, coderB) };
    else if (decision === 'accept-b') result = { ...result, aCodingId: await acceptSide(ctx, b, a, coderA) };
    else if (decision === 'neither') {
      for (const row of [a, b]) if (row) await ctx.call('codings.remove', { id: row.id });
      result = { ...result, aCodingId: null, bCodingId: null };
    } else if (decision === 'note') {
      const codeName = (row: CodingRow | null): string => (row ? ctx.write.read('codes', row.code_id).name : '—');
      const quote = toCoding(some, revisionText(ctx.raw, some.revision_id) ?? '').quote.slice(0, 200);
      const memo = await ctx.call('memos.create', {
        targetType: 'code',
        targetId: some.code_id,
        title: `Adjudication: ${nameA} / ${nameB}`,
        text: `${note ?? ''}\n\n«${quote}» — ${nameA}: ${codeName(a)}; ${nameB}: ${codeName(b)}`,
      });
      result = { ...result, memoId: memo.id };
    }
    ctx.write.insert('adjudications', {
      id: result.id,
      item_key: key,
      coder_a: coderA,
      coder_b: coderB,
      document_id: some.document_id,
      kind: kindOfPair(a && spanOf(a), b && spanOf(b)),
      decision,
      note: note === undefined || note === '' ? null : note,
      decided_by: ctx.actor.id,
      decided_at: now(),
    });
    ctx.describe(SUMMARIES[decision](nameA, nameB));
    return result;
  },
};
