import { summary } from '../../../src-shared/model/summaries';
import type { Statement } from 'better-sqlite3';
import { uuidv7 } from '../../../src-shared/model/ids';
import { QuireError } from '../../../src-shared/contract/errors';
import { statement } from '../db/statements';
import { revisionText } from '../db/revision-texts';
import type { CodingRow } from '../db/schema';
import type { Coding } from '../../../src-shared/model/entities';
import type { MutationContext, QueryContext, SomeHandlers } from '../context';
import { now, toCoding } from './map';
import { deleteCoding, QuoteNumbers } from './quote-ids';

export interface NewCoding {
  readonly documentId: string;
  readonly codeId: string;
  readonly start: number;
  readonly end: number;
  readonly coderId?: string | undefined;
  readonly comment?: string | undefined;
}

/**
 * Codes passages through one writer, reading each document's current text once. Returns the
 * coding of every input, existing or new: the same code on the same span by the same coder is
 * one coding.
 */
export class CodingBatch {
  private readonly texts = new Map<string, { revisionId: string; text: string; title: string }>();
  private readonly codes = new Map<string, boolean>();
  private readonly coders = new Set<string>();
  private readonly existing: Statement;
  private readonly numbers: QuoteNumbers;
  created = 0;

  constructor(private readonly ctx: MutationContext) {
    this.numbers = new QuoteNumbers(ctx);
    this.existing = statement(ctx.raw, 'SELECT * FROM codings WHERE document_id = ? AND code_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ?');
  }

  /** The current revision of a document, as the coder sees it. */
  current(documentId: string): { revisionId: string; text: string; title: string } {
    let entry = this.texts.get(documentId);
    if (!entry) {
      const row = statement(this.ctx.raw, 'SELECT title, current_revision_id FROM documents WHERE id = ?').get(documentId) as
        | { title: string; current_revision_id: string }
        | undefined;
      const text = row && revisionText(this.ctx.raw, row.current_revision_id);
      if (!row || text === undefined) throw new QuireError('not_found', 'The document to code was not found in this project (it may have been deleted).', { documentId });
      entry = { revisionId: row.current_revision_id, text, title: row.title };
      this.texts.set(documentId, entry);
    }
    return entry;
  }

  apply(input: NewCoding): CodingRow {
    const { revisionId, text, title } = this.current(input.documentId);
    if (input.end > text.length || input.start >= input.end) {
      throw new QuireError('invalid_input', `The passage ${input.start}–${input.end} is outside the text of "${title}" (${text.length} characters).`, {
        documentId: input.documentId,
      });
    }
    this.checkCode(input.codeId);
    const coderId = input.coderId ?? this.ctx.actor.id;
    if (coderId !== this.ctx.actor.id && !this.coders.has(coderId)) {
      this.ctx.write.read('members', coderId);
      this.coders.add(coderId);
    }
    const same = this.existing.get(input.documentId, input.codeId, coderId, input.start, input.end) as CodingRow | undefined;
    if (same) return same;
    const at = now();
    this.created++;
    return this.ctx.write.insert('codings', {
      id: uuidv7(),
      document_id: input.documentId,
      revision_id: revisionId,
      code_id: input.codeId,
      start_offset: input.start,
      end_offset: input.end,
      quote: null,
      coder_id: coderId,
      created_at: at,
      updated_at: at,
      status: 'ok',
      comment: input.comment ?? null,
      quote_no: this.numbers.take(input.documentId),
    });
  }

  private checkCode(codeId: string): void {
    if (this.codes.has(codeId)) return;
    const code = this.ctx.write.read('codes', codeId);
    if (code.archived === 1) throw new QuireError('invalid_input', `The code "${code.name}" is archived: restore it before coding with it.`);
    this.codes.set(codeId, true);
  }
}

/** Codings with their words and context, read from their revisions' texts. */
export function withText(ctx: QueryContext, rows: readonly CodingRow[]): Coding[] {
  return rows.map((row) => toCoding(row, revisionText(ctx.raw, row.revision_id) ?? ''));
}

function codeName(ctx: MutationContext, codeId: string): string {
  return ctx.write.read('codes', codeId).name;
}

export const codingHandlers: SomeHandlers<
  'codings.list' | 'codings.apply' | 'codings.applyMany' | 'codings.remove' | 'codings.resize' | 'codings.recode' | 'codings.comment' | 'codings.confirm'
> = {
  'codings.list': async (ctx, { documentId, codeId, coderId, status, limit, offset }) => {
    let q = ctx.db.selectFrom('codings').selectAll();
    if (documentId) q = q.where('document_id', '=', documentId);
    if (codeId) q = q.where('code_id', '=', codeId);
    if (coderId) q = q.where('coder_id', '=', coderId);
    if (status) q = q.where('status', '=', status);
    const rows = await q.orderBy('document_id').orderBy('start_offset').limit(limit).offset(offset).execute();
    return withText(ctx, rows);
  },

  'codings.apply': async (ctx, input) => {
    const [coding] = withText(ctx, [new CodingBatch(ctx).apply(input)]);
    ctx.describe(summary('codings.apply', { quote: coding!.quote.slice(0, 60), code: codeName(ctx, coding!.codeId) }));
    return coding!;
  },

  'codings.applyMany': async (ctx, { codings }) => {
    const batch = new CodingBatch(ctx);
    codings.forEach((c, i) => {
      batch.apply(c);
      if (i % 5000 === 4999) ctx.progress(i + 1, codings.length);
    });
    ctx.describe(summary('codings.applyMany', { count: batch.created }));
    return { created: batch.created, existing: codings.length - batch.created };
  },

  'codings.remove': async (ctx, { id }) => {
    for (const memo of ctx.raw.prepare("SELECT id FROM memos WHERE target_type = 'coding' AND target_id = ?").pluck().all(id) as string[]) {
      ctx.write.delete('memos', memo);
    }
    const [coding] = withText(ctx, [deleteCoding(ctx, id)]);
    ctx.describe(summary('codings.remove', { quote: coding!.quote.slice(0, 60), code: codeName(ctx, coding!.codeId) }));
    return null;
  },

  'codings.resize': async (ctx, { id, start, end }) => {
    const coding = ctx.write.read('codings', id);
    const batch = new CodingBatch(ctx);
    const { revisionId, text } = batch.current(coding.document_id);
    if (end > text.length) throw new QuireError('invalid_input', `The passage ends after the end of the text (${text.length} characters).`);
    const row = ctx.write.update('codings', id, { revision_id: revisionId, start_offset: start, end_offset: end, quote: null, status: 'ok', updated_at: now() });
    ctx.describe(summary('codings.resize', { code: codeName(ctx, row.code_id) }));
    return toCoding(row, text);
  },

  'codings.recode': async (ctx, { id, codeId }) => {
    const before = ctx.write.read('codings', id);
    const code = ctx.write.read('codes', codeId);
    if (code.archived === 1) throw new QuireError('invalid_input', `The code "${code.name}" is archived: restore it before coding with it.`);
    const twin = ctx.raw
      .prepare('SELECT id FROM codings WHERE code_id = ? AND document_id = ? AND coder_id = ? AND start_offset = ? AND end_offset = ?')
      .get(codeId, before.document_id, before.coder_id, before.start_offset, before.end_offset);
    if (twin) throw new QuireError('conflict', `This passage is already coded as "${code.name}".`);
    const row = ctx.write.update('codings', id, { code_id: codeId, updated_at: now() });
    ctx.describe(summary('codings.recode', { from: codeName(ctx, before.code_id), to: code.name }));
    return withText(ctx, [row])[0]!;
  },

  'codings.comment': async (ctx, { id, comment }) => {
    const row = ctx.write.update('codings', id, { comment: comment === null || comment.trim() === '' ? null : comment, updated_at: now() });
    ctx.describe(summary('codings.comment'));
    return withText(ctx, [row])[0]!;
  },

  'codings.confirm': async (ctx, { id }) => {
    const coding = ctx.write.read('codings', id);
    if (coding.start_offset >= coding.end_offset) throw new QuireError('invalid_input', 'This coding lost its passage in an edit: resize it onto the text it should cover, or remove it.');
    // Confirmed, it takes the words now under it.
    const row = ctx.write.update('codings', id, { status: 'ok', quote: null, updated_at: now() });
    ctx.describe(summary('codings.confirm'));
    return withText(ctx, [row])[0]!;
  },
};
