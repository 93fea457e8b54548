/**
 * Citation templates as contract methods, and finding a passage by its quote id.
 */
import { summary } from '../../../src-shared/model/summaries';
import type { CitationPreview } from '../../../src-shared/contract/citations';
import { QuireError } from '../../../src-shared/contract/errors';
import type { CitationSource, CitationTemplate } from '../../../src-shared/model/citation';
import { CITATION_LANGUAGES, CitationTemplateError, citation, defaultTemplate, parseTemplate } from '../../../src-shared/model/citation';
import { parseQuoteId, quoteId as quoteIdOf } from '../../../src-shared/model/quote-ids';
import type { DocumentKind } from '../../../src-shared/model/entities';
import type { CodingRow } from '../db/schema';
import { DOCUMENT_KINDS } from '../../../src-shared/model/entities';
import type { QueryContext, SomeHandlers } from '../context';
import { statement } from '../db/statements';
import { CitationTemplates, templateId } from './citation-templates';
import { QuoteKeys } from './quote-ids';
import { withText } from './codings';
import { excerptsOfCodings } from './excerpts';
import { now } from './map';

/** The passage a preview is shown on: the coding asked for, or the first coded passage of that kind (or any). */
function previewCoding(ctx: QueryContext, kind: DocumentKind, codingId: string | undefined): string | null {
  if (codingId) return codingId;
  const first = (sql: string, ...args: unknown[]): string | undefined => statement(ctx.raw, sql).pluck().get(...args) as string | undefined;
  return (
    first('SELECT c.id FROM codings c JOIN documents d ON d.id = c.document_id WHERE d.kind = ? ORDER BY d.created_at, d.id, c.start_offset LIMIT 1', kind) ??
    first('SELECT c.id FROM codings c JOIN documents d ON d.id = c.document_id ORDER BY d.created_at, d.id, c.start_offset LIMIT 1') ??
    null
  );
}

export const citationHandlers: SomeHandlers<'citations.templates' | 'citations.setTemplate' | 'citations.resetTemplate' | 'citations.preview' | 'codings.byQuoteId'> = {
  'codings.byQuoteId': async (ctx, { quoteId }) => {
    const parsed = parseQuoteId(quoteId);
    if (!parsed) throw new QuireError('invalid_input', `"${quoteId}" is not a quote id: a quote id looks like REM-INT-1993-06-014:q3.`, { quoteId });
    const keys = new QuoteKeys(ctx.raw);
    const get = statement(ctx.raw, 'SELECT c.*, d.quote_key AS key, d.title AS title FROM codings c JOIN documents d ON d.id = c.document_id WHERE lower(d.quote_key) = lower(?) AND c.quote_no = ?');
    const found = keys
      .storedFor(parsed.documentKey)
      .map((key) => get.get(key, parsed.quoteNumber) as (CodingRow & { key: string; title: string }) | undefined)
      .filter((r) => r !== undefined)
      .map((r) => ({ row: r, shown: keys.shown(r.document_id, r.key) }));
    // The passage shown under this id first; else the one whose stored key it is (an id cited before its enterprise had a pseudonym).
    const hit = found.find((f) => f.shown.toLowerCase() === parsed.documentKey.toLowerCase()) ?? found[0];
    if (!hit) throw new QuireError('not_found', `No passage has the quote id ${quoteId}: its coding may have been removed, or the document key changed.`, { quoteId });
    const { key: _key, title, ...coding } = hit.row;
    return { coding: withText(ctx, [coding])[0]!, quoteId: quoteIdOf(hit.shown, coding.quote_no), documentTitle: title };
  },


  'citations.templates': async (ctx) => {
    const templates = new CitationTemplates(ctx.raw);
    return DOCUMENT_KINDS.flatMap((kind) => CITATION_LANGUAGES.map((language) => templates.entry(kind, language)));
  },

  'citations.setTemplate': async (ctx, { kind, language, template }) => {
    try {
      parseTemplate(template);
    } catch (error) {
      if (error instanceof CitationTemplateError) throw new QuireError('invalid_input', error.message, { at: error.at, kind, language });
      throw error;
    }
    const id = templateId(kind, language);
    const exists = statement(ctx.raw, 'SELECT 1 FROM citation_templates WHERE id = ?').get(id) !== undefined;
    if (template === defaultTemplate(kind, language)) {
      if (exists) ctx.write.delete('citation_templates', id);
    } else if (exists) {
      ctx.write.update('citation_templates', id, { template, updated_at: now(), updated_by: ctx.actor.id });
    } else {
      ctx.write.insert('citation_templates', { id, kind, language, template, updated_at: now(), updated_by: ctx.actor.id });
    }
    ctx.describe(summary('citations.set', { language: summary(`terms.language.${language}`), kind: summary(`terms.kind.${kind}`) }));
    return new CitationTemplates(ctx.raw).entry(kind, language);
  },

  'citations.resetTemplate': async (ctx, { kind, language }) => {
    const id = templateId(kind, language);
    if (statement(ctx.raw, 'SELECT 1 FROM citation_templates WHERE id = ?').get(id) !== undefined) ctx.write.delete('citation_templates', id);
    ctx.describe(summary('citations.reset', { language: summary(`terms.language.${language}`), kind: summary(`terms.kind.${kind}`) }));
    return new CitationTemplates(ctx.raw).entry(kind, language);
  },

  'citations.preview': async (ctx, { kind, language, template, codingId }) => {
    const templates = new CitationTemplates(ctx.raw);
    let parsed: CitationTemplate;
    try {
      parsed = template === undefined ? templates.template(kind, language) : parseTemplate(template);
    } catch (error) {
      if (!(error instanceof CitationTemplateError)) throw error;
      return { citation: null, error: error.message, errorAt: error.at, excerpt: null } satisfies CitationPreview;
    }
    const id = previewCoding(ctx, kind, codingId);
    const [excerpt] = id ? await excerptsOfCodings(ctx, [id], { language, context: 0 }) : [];
    // With nothing coded yet, a passage of the kind the field knows best.
    const source: CitationSource = excerpt
      ? { ...excerpt.citationSource, kind, quoteId: excerpt.quoteIds[0] || null }
      : { kind, date: { start: '1993-06-01', end: '1993-06-30', precision: 'month' }, role: language === 'en' ? 'foreman' : 'мастер', enterprise: 'REMET', quoteId: 'REM-INT-1993-06-001:q1' };
    return {
      citation: citation(source, language, parsed),
      error: null,
      errorAt: null,
      excerpt: excerpt ? { codingId: excerpt.codingIds[0]!, quote: excerpt.quote, documentTitle: excerpt.documentTitle, quoteId: excerpt.quoteIds[0] ?? null } : null,
    } satisfies CitationPreview;
  },
};
