/**
 * Matching passages made readable: their words and context, codes, coders, speaker and a
 * citation. Shared by retrieval and the co-occurrence drill-down; only the page being shown is
 * built, so a query over 100,000 codings reads a few dozen texts.
 */
import type { Excerpt, ExcerptCoding } from '../../../src-shared/contract/retrieval';
import { citation } from '../../../src-shared/model/citation';
import type { CitationLanguage } from '../../../src-shared/model/citation';
import { contextAround } from '../../../src-shared/text';
import type { QueryContext } from '../context';
import { revisionText } from '../db/revision-texts';
import { statement } from '../db/statements';
import { codebookRows } from './codebook';
import type { DocumentMeta } from './document-scope';
import { decodeValue } from './map';
import type { Hit, Span } from './retrieval-operators';
import type { SpeakerSides } from './speaker-sides';
import { turnsTouching } from './speaker-sides';

export interface ExcerptOptions {
  readonly language: CitationLanguage;
  /** Characters of context on each side (more when a related passage lies further out). */
  readonly context: number;
}

/** How far context may stretch to take in a related passage. */
const MAX_CONTEXT = 2000;

const ENTERPRISE_TYPE = /^(enterprise|enterprises|предприятие|предприятия|organi[sz]ation|организация)$/iu;
const ROLE_ATTRIBUTE = /^(role|роль)$/iu;
const GENDER_ATTRIBUTE = /^(gender|sex|пол)$/iu;

interface CaseLine {
  readonly id: string;
  readonly parent_id: string | null;
  readonly type_id: string;
  readonly name: string;
}

/** What citations need to know about cases, read once per call. */
class CaseFacts {
  private readonly cases: Map<string, CaseLine>;
  private readonly enterpriseTypes: Set<string>;
  private readonly roleAttributes: string[];
  private readonly genderAttributes: string[];
  private readonly values = new Map<string, Map<string, string>>();

  constructor(private readonly ctx: QueryContext) {
    this.cases = new Map((ctx.raw.prepare('SELECT id, parent_id, type_id, name FROM cases').all() as CaseLine[]).map((c) => [c.id, c]));
    const types = ctx.raw.prepare('SELECT id, name FROM case_types').all() as { id: string; name: string }[];
    this.enterpriseTypes = new Set(types.filter((t) => ENTERPRISE_TYPE.test(t.name.trim())).map((t) => t.id));
    const attributes = ctx.raw.prepare("SELECT id, name FROM attributes WHERE target = 'case' ORDER BY ord").all() as { id: string; name: string }[];
    this.roleAttributes = attributes.filter((a) => ROLE_ATTRIBUTE.test(a.name.trim())).map((a) => a.id);
    this.genderAttributes = attributes.filter((a) => GENDER_ATTRIBUTE.test(a.name.trim())).map((a) => a.id);
  }

  private value(caseId: string, attributeIds: readonly string[]): string | null {
    let values = this.values.get(caseId);
    if (!values) {
      const rows = statement(this.ctx.raw, 'SELECT attribute_id, value FROM attribute_values WHERE entity_id = ?').all(caseId) as { attribute_id: string; value: string }[];
      values = new Map(rows.map((r) => [r.attribute_id, String(decodeValue(r.value))]));
      this.values.set(caseId, values);
    }
    for (const id of attributeIds) {
      const v = values.get(id);
      if (v !== undefined && v.trim() !== '') return v;
    }
    return null;
  }

  role(caseId: string): string | null {
    return this.value(caseId, this.roleAttributes);
  }

  gender(caseId: string): string | null {
    return this.value(caseId, this.genderAttributes);
  }

  /** The enterprise a case is or sits in. */
  enterpriseOf(caseId: string): string | null {
    for (let at = this.cases.get(caseId); at; at = at.parent_id ? this.cases.get(at.parent_id) : undefined) {
      if (this.enterpriseTypes.has(at.type_id)) return at.name;
    }
    return null;
  }
}

export class ExcerptBuilder {
  private codes: Map<string, { name: string; color: string; order: number }> | null = null;
  private readonly members: Map<string, string>;
  private readonly facts: CaseFacts;
  private readonly links = new Map<string, readonly string[]>();

  constructor(
    private readonly ctx: QueryContext,
    private readonly sides: SpeakerSides,
  ) {
    this.members = new Map((ctx.raw.prepare('SELECT id, name FROM members').all() as { id: string; name: string }[]).map((m) => [m.id, m.name]));
    this.facts = new CaseFacts(ctx);
  }

  private linkedCases(documentId: string): readonly string[] {
    let ids = this.links.get(documentId);
    if (!ids) {
      ids = statement(this.ctx.raw, 'SELECT case_id FROM document_cases WHERE document_id = ?').pluck().all(documentId) as string[];
      this.links.set(documentId, ids);
    }
    return ids;
  }

  /** The informant a passage is cited to: the linked speaker of its turn, or the one case with a role the document is linked to. */
  private person(documentId: string, speakerCaseId: string | null): string | null {
    if (speakerCaseId) return speakerCaseId;
    const withRole = this.linkedCases(documentId).filter((id) => this.facts.role(id) !== null);
    return withRole.length === 1 ? withRole[0]! : null;
  }

  private enterprise(documentId: string, personId: string | null): string | null {
    const own = personId ? this.facts.enterpriseOf(personId) : null;
    if (own) return own;
    for (const id of this.linkedCases(documentId)) {
      const found = this.facts.enterpriseOf(id);
      if (found) return found;
    }
    return null;
  }

  private coding(span: Span, text: string): ExcerptCoding {
    return { id: span.id, codeId: span.codeId, coderId: span.coderId, start: span.start, end: span.end, quote: span.quote ?? text.slice(span.start, span.end) };
  }

  async build(hits: readonly Hit[], documents: ReadonlyMap<string, DocumentMeta>, options: ExcerptOptions): Promise<Excerpt[]> {
    if (!this.codes) {
      const rows = await codebookRows(this.ctx);
      this.codes = new Map(rows.map((r, order) => [r.id, { name: r.name, color: r.color, order }]));
    }
    const codes = this.codes;
    return hits.map((hit) => {
      const document = documents.get(hit.documentId)!;
      const text = revisionText(this.ctx.raw, document.revisionId) ?? '';
      const reach = Math.min(
        MAX_CONTEXT,
        Math.max(options.context, ...hit.related.map((r) => Math.max(hit.start - r.start, r.end - hit.end))),
      );
      const around = contextAround(text, hit.start, hit.end, reach);
      const single = hit.anchors.length > 0 && hit.anchors.every((a) => a.start === hit.start && a.end === hit.end) ? hit.anchors.find((a) => a.quote !== null) : undefined;
      const touched = turnsTouching(this.sides.turns(document), hit.start, hit.end);
      const turn = touched[0];
      // A passage from a question into its answer is the informant's to cite.
      const personId = this.person(document.id, touched.find((t) => t.side === 'informant' && t.caseId !== null)?.caseId ?? null);
      const codeIds = [...new Set([...hit.anchors, ...hit.related].map((s) => s.codeId))].sort((x, y) => (codes.get(x)?.order ?? 0) - (codes.get(y)?.order ?? 0));
      const coderIds = [...new Set(hit.anchors.map((a) => a.coderId))];
      const related = hit.related.map((r) => this.coding(r, text));
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
        codingIds: hit.anchors.map((a) => a.id),
        related,
        codes: codeIds.map((id) => ({ id, name: codes.get(id)?.name ?? '?', color: codes.get(id)?.color ?? '#888888' })),
        coderIds,
        coderName: coderIds.map((id) => this.members.get(id) ?? '?').join(', '),
        speaker: turn?.speaker ?? null,
        speakerCaseId: turn?.caseId ?? null,
        citedCaseId: personId,
        needsReview: hit.anchors.some((a) => a.status === 'needs_review'),
        citation: citation(
          {
            kind: document.kind,
            date: document.date,
            role: personId ? this.facts.role(personId) : null,
            gender: personId ? this.facts.gender(personId) : null,
            enterprise: this.enterprise(document.id, personId),
          },
          options.language,
        ),
      };
      return excerpt;
    });
  }
}
