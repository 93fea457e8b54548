/**
 * Matching passages made readable: their words and context, codes, coders, speaker and a
 * citation. Shared by retrieval and the co-occurrence drill-down; only the page being shown is
 * built, so a query over 100,000 codings reads a few dozen texts.
 */
import type { Excerpt, ExcerptCoding } from '../../../src-shared/contract/retrieval';
import type { ExcerptTranslation } from '../../../src-shared/contract/translations';
import type { CitationLanguage, CitationSource } from '../../../src-shared/model/citation';
import { contextAround } from '../../../src-shared/text';
import type { ReadContext } from '../context';
import type { CodingRow } from '../db/schema';
import { revisionText } from '../db/revision-texts';
import { statement } from '../db/statements';
import { CaseFacts } from './case-facts';
import { CitationTemplates } from './citation-templates';
import { codebookRows } from './codebook';
import { documentScope } from './document-scope';
import type { DocumentMeta } from './document-scope';
import { QuoteKeys } from './quote-ids';
import { quoteId } from '../../../src-shared/model/quote-ids';
import type { Hit, Span } from './retrieval-operators';
import { translationsOf } from './translations';
import { SpeakerSides } from './speaker-sides';
import type { Turns } from './speaker-sides';

export interface ExcerptOptions {
  readonly language: CitationLanguage;
  /** Characters of context on each side (more when a related passage lies further out). */
  readonly context: number;
}

/**
 * No related codings or translations: one list for every excerpt without them (most of an
 * export's 100,000), as the one object each code is shown by.
 */
const NONE: readonly never[] = [];

/** How far context may stretch to take in a related passage. */
const MAX_CONTEXT = 2000;

export class ExcerptBuilder {
  /** Each code as excerpts show it (one object for all of them), and its place in the codebook. */
  private codes: Map<string, { shown: Excerpt['codes'][number]; order: number; alone: Excerpt['codes'] }> | null = null;
  private readonly members: Map<string, string>;
  private readonly facts: CaseFacts;
  private readonly templates: CitationTemplates;
  private readonly keys: QuoteKeys;
  /** Whether the project has any translation: most have none, and an export need not ask for each batch's. */
  private readonly anyTranslations: boolean;

  /**
   * `once`: each document's passages come together and no document comes again (an export in
   * reading order), so its text is not kept for later.
   */
  constructor(
    private readonly ctx: ReadContext,
    private readonly sides: SpeakerSides,
    private readonly once = false,
  ) {
    this.members = new Map((ctx.raw.prepare('SELECT id, name FROM members').all() as { id: string; name: string }[]).map((m) => [m.id, m.name]));
    this.facts = new CaseFacts(ctx);
    this.templates = new CitationTemplates(ctx.raw);
    this.keys = new QuoteKeys(ctx.raw, this.facts);
    this.anyTranslations = ctx.raw.prepare('SELECT EXISTS (SELECT 1 FROM excerpt_translations)').pluck().get() === 1;
  }

  /** The informant a passage without a linked speaker is cited to: the one case with a role the document is linked to. */
  private documentPerson(documentId: string): string | null {
    const withRole = this.facts.linkedCases(documentId).filter((id) => this.facts.role(id) !== null);
    return withRole.length === 1 ? withRole[0]! : null;
  }

  /** Everything a citation of a document's passage cited to `personId` may say but its quote id, before any template or pseudonym. */
  private citationFacts(document: DocumentMeta, personId: string | null): Omit<CitationSource, 'quoteId'> {
    const enterprise = this.facts.documentEnterprise(document.id, personId);
    const interviewers = document.interviewerIds.map((id) => this.members.get(id)).filter((n): n is string => n !== undefined);
    return {
      kind: document.kind,
      date: document.date,
      role: personId ? this.facts.role(personId) : null,
      gender: personId ? this.facts.gender(personId) : null,
      enterprise: enterprise?.name ?? null,
      region: (enterprise ? this.facts.region(enterprise.id) : null) ?? (personId ? this.facts.region(personId) : null),
      interviewer: interviewers.length > 0 ? interviewers.join(', ') : null,
      informant: personId ? this.facts.name(personId) : null,
      title: document.title,
    };
  }

  /** One translation per language: the first coding's, then the others' for languages it lacks. */
  private translations(codingIds: readonly string[], all: ReadonlyMap<string, readonly ExcerptTranslation[]>): readonly ExcerptTranslation[] {
    if (all.size === 0) return NONE;
    const byLanguage = new Map<string, ExcerptTranslation>();
    for (const id of codingIds) for (const t of all.get(id) ?? []) if (!byLanguage.has(t.language)) byLanguage.set(t.language, t);
    return [...byLanguage.values()];
  }

  private coding(span: Span, text: string): ExcerptCoding {
    return { id: span.id, codeId: span.codeId, coderId: span.coderId, start: span.start, end: span.end, quote: span.quote ?? text.slice(span.start, span.end) };
  }

  async build(hits: readonly Hit[], documents: ReadonlyMap<string, DocumentMeta>, options: ExcerptOptions): Promise<Excerpt[]> {
    if (!this.codes) {
      const rows = await codebookRows(this.ctx);
      this.codes = new Map(
        rows.map((r, order) => {
          const shown = { id: r.id, name: r.name, color: r.color };
          return [r.id, { shown, order, alone: [shown] }];
        }),
      );
    }
    const codes = this.codes;
    const translations: ReadonlyMap<string, readonly ExcerptTranslation[]> = this.anyTranslations
      ? translationsOf(
          this.ctx.raw,
          hits.flatMap((h) => h.anchors.map((a) => a.id)),
        )
      : new Map();
    // Hits come a document at a time: its text and turns are looked up once per run of them.
    let document: DocumentMeta | undefined;
    let text = '';
    /** The document's key as quote ids show it; null before it is first coded. */
    let documentKey: string | null = null;
    let turns: Turns | null = null;
    // What the citations of the document's passages say, by the person they are cited to ('' for none).
    let cited = new Map<string, { readonly facts: Omit<CitationSource, 'quoteId'>; citation: string | null }>();
    let namesQuoteId = false;
    let documentPerson: string | null | undefined;
    return hits.map((hit) => {
      if (document?.id !== hit.documentId) {
        document = documents.get(hit.documentId)!;
        text = revisionText(this.ctx.raw, document.revisionId, !this.once) ?? '';
        documentKey = document.quoteKey ? this.keys.shown(document.id, document.quoteKey) : null;
        turns = this.sides.turns(document);
        cited = new Map();
        namesQuoteId = this.templates.namesQuoteId(document.kind, options.language);
        documentPerson = undefined;
      }
      // Most hits are one coding alone: they skip the lists and sets that gather several.
      const alone = hit.anchors.length === 1 && hit.related.length === 0;
      const reach = Math.min(
        MAX_CONTEXT,
        hit.related.length === 0 ? options.context : Math.max(options.context, ...hit.related.map((r) => Math.max(hit.start - r.start, r.end - hit.end))),
      );
      const around = contextAround(text, hit.start, hit.end, reach);
      const single = hit.anchors.length > 0 && hit.anchors.every((a) => a.start === hit.start && a.end === hit.end) ? hit.anchors.find((a) => a.quote !== null) : undefined;
      const touched = turns!.touching(hit.start, hit.end);
      const turn = touched[0];
      // A passage from a question into its answer is the informant's to cite: the linked speaker of its turn, or the document's one informant.
      const personId =
        touched.find((t) => t.side === 'informant' && t.caseId !== null)?.caseId || (documentPerson === undefined ? (documentPerson = this.documentPerson(document.id)) : documentPerson);
      const codeIds = alone
        ? [hit.anchors[0]!.codeId]
        : [...new Set([...hit.anchors, ...hit.related].map((s) => s.codeId))].sort((x, y) => (codes.get(x)?.order ?? 0) - (codes.get(y)?.order ?? 0));
      const coderIds = hit.anchors.length === 1 ? [hit.anchors[0]!.coderId] : [...new Set(hit.anchors.map((a) => a.coderId))];
      const related = hit.related.length === 0 ? NONE : hit.related.map((r) => this.coding(r, text));
      const codingIds = hit.anchors.map((a) => a.id);
      const ids = documentKey === null ? codingIds.map(() => '') : hit.anchors.map((a) => quoteId(documentKey!, a.quoteNo));
      let person = cited.get(personId ?? '');
      if (person === undefined) cited.set(personId ?? '', (person = { facts: this.citationFacts(document, personId), citation: null }));
      // Only a template that names the quote id needs a source of the passage's own.
      const citation = namesQuoteId
        ? this.templates.cite({ ...person.facts, quoteId: ids[0] || null }, options.language)
        : (person.citation ??= this.templates.cite(person.facts, options.language));
      const key = `${document.id}:${hit.start}-${hit.end}${related.length > 0 && hit.anchors.length === 1 ? `:${hit.anchors[0]!.id}:${related.map((r) => r.id).join(',')}` : ''}`;
      const excerpt: Excerpt = {
        key,
        documentId: document.id,
        documentTitle: document.title,
        documentKind: document.kind,
        documentDate: document.date,
        start: hit.start,
        end: hit.end,
        quote: single?.quote ?? text.slice(hit.start, hit.end),
        contextBefore: around.before,
        contextAfter: around.after,
        codingIds,
        related,
        codes: (alone ? codes.get(codeIds[0]!)?.alone : undefined) ?? codeIds.map((id) => codes.get(id)?.shown ?? { id, name: '?', color: '#888888' }),
        coderIds,
        coderName: coderIds.length === 1 ? (this.members.get(coderIds[0]!) ?? '?') : coderIds.map((id) => this.members.get(id) ?? '?').join(', '),
        speaker: turn?.speaker ?? null,
        speakerCaseId: turn?.caseId ?? null,
        citedCaseId: personId,
        needsReview: hit.anchors.some((a) => a.status === 'needs_review'),
        citation,
        citationSource: person.facts,
        quoteIds: ids,
        translations: this.translations(codingIds, translations),
      };
      return excerpt;
    });
  }
}

/**
 * Excerpts of given codings, one each, in the order given (unknown ids left out): for a preview,
 * a quote id looked up, or an exporter that already knows which passages it wants.
 */
export async function excerptsOfCodings(ctx: ReadContext, codingIds: readonly string[], options: ExcerptOptions): Promise<Excerpt[]> {
  const get = statement(ctx.raw, 'SELECT * FROM codings WHERE id = ?');
  const rows = codingIds.map((id) => get.get(id) as CodingRow | undefined).filter((r): r is CodingRow => r !== undefined);
  if (rows.length === 0) return [];
  const scope = documentScope(ctx, { attributes: [], caseIds: [], kinds: [], documentLanguages: [], from: null, to: null, coderIds: [] });
  const hits: Hit[] = rows.map((r) => ({
    documentId: r.document_id,
    start: r.start_offset,
    end: r.end_offset,
    anchors: [{ id: r.id, codeId: r.code_id, coderId: r.coder_id, start: r.start_offset, end: r.end_offset, status: r.status, quote: r.quote, quoteNo: r.quote_no, slots: [0] }],
    related: [],
  }));
  return new ExcerptBuilder(ctx, new SpeakerSides(ctx)).build(hits, scope.documents, options);
}
