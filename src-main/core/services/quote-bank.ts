/**
 * The quote bank: excerpts marked as used in a draft ("Chapter 3", "ASA paper"), where each one
 * is used, and a draft's quotes. An excerpt is marked by one of its codings.
 */
import { summary } from '../../../src-shared/model/summaries';
import type { DraftQuote, QuoteDraft } from '../../../src-shared/contract/quote-bank';
import { uuidv7 } from '../../../src-shared/model/ids';
import type { SomeHandlers } from '../context';
import { revisionText } from '../db/revision-texts';
import { statement } from '../db/statements';
import { now } from './map';

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');

export const quoteBankHandlers: SomeHandlers<'quoteBank.mark' | 'quoteBank.unmark' | 'quoteBank.uses' | 'quoteBank.drafts' | 'quoteBank.list'> = {
  'quoteBank.mark': async (ctx, { draft, codingIds }) => {
    // A draft keeps the spelling it was first given, whatever case it is named in later.
    const name = (statement(ctx.raw, 'SELECT draft FROM quote_uses WHERE draft = ? COLLATE NOCASE LIMIT 1').pluck().get(draft) as string | undefined) ?? draft;
    const marked = new Set(statement(ctx.raw, 'SELECT coding_id FROM quote_uses WHERE draft = ? COLLATE NOCASE').pluck().all(name) as string[]);
    const at = now();
    let count = 0;
    for (const id of new Set(codingIds)) {
      ctx.write.read('codings', id); // a clear error for a coding that is gone
      if (marked.has(id)) continue;
      ctx.write.insert('quote_uses', { id: uuidv7(), draft: name, coding_id: id, created_at: at, created_by: ctx.actor.id });
      count++;
    }
    ctx.describe(summary('quoteBank.mark', { count, draft: name }));
    return { marked: count };
  },

  'quoteBank.unmark': async (ctx, { draft, codingIds }) => {
    const ids = [...new Set(codingIds)];
    const rows = ctx.raw
      .prepare(`SELECT id FROM quote_uses WHERE coding_id IN (${placeholders(ids.length)})${draft ? ' AND draft = ? COLLATE NOCASE' : ''}`)
      .pluck()
      .all(...ids, ...(draft ? [draft] : [])) as string[];
    for (const id of rows) ctx.write.delete('quote_uses', id);
    ctx.describe(draft ? summary('quoteBank.unmark', { count: rows.length, draft }) : summary('quoteBank.unmarkAll', { count: rows.length }));
    return { unmarked: rows.length };
  },

  'quoteBank.uses': async (ctx, { codingIds }) => {
    const uses: Record<string, string[]> = {};
    const ids = [...new Set(codingIds)];
    for (let at = 0; at < ids.length; at += 500) {
      const chunk = ids.slice(at, at + 500);
      const rows = ctx.raw.prepare(`SELECT coding_id, draft FROM quote_uses WHERE coding_id IN (${placeholders(chunk.length)}) ORDER BY draft`).raw().all(...chunk) as [string, string][];
      for (const [coding, draft] of rows) (uses[coding] ??= []).push(draft);
    }
    return uses;
  },

  'quoteBank.drafts': async (ctx) => {
    const rows = ctx.raw
      .prepare('SELECT min(draft) AS name, count(*) AS quotes, max(created_at) AS updatedAt FROM quote_uses GROUP BY draft COLLATE NOCASE')
      .all() as QuoteDraft[];
    return rows.sort((a, b) => a.name.localeCompare(b.name, 'ru', { numeric: true }));
  },

  'quoteBank.list': async (ctx, { draft }) => {
    const rows = ctx.raw
      .prepare(
        `SELECT u.id AS useId, u.coding_id AS codingId, c.document_id AS documentId, d.title AS documentTitle, k.name AS codeName,
                c.start_offset AS start, c.end_offset AS end, c.quote AS stored, d.current_revision_id AS revisionId, d.date_start AS date
         FROM quote_uses u JOIN codings c ON c.id = u.coding_id JOIN documents d ON d.id = c.document_id JOIN codes k ON k.id = c.code_id
         WHERE u.draft = ? COLLATE NOCASE`,
      )
      .all(draft) as (Omit<DraftQuote, 'quote'> & { stored: string | null; revisionId: string; date: string | null })[];
    return rows
      .sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.documentTitle.localeCompare(b.documentTitle, 'ru') || a.start - b.start)
      .map(({ stored, revisionId, date: _date, ...r }) => ({ ...r, quote: stored ?? (revisionText(ctx.raw, revisionId) ?? '').slice(r.start, r.end) }));
  },
};

