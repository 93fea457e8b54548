/**
 * What citations and quote ids need to know about cases: the enterprise a case sits in, its code
 * and region, an informant's role and gender. Attributes are found by their names as teams give
 * them, in English or Russian; everything is read once per call.
 */
import type { QueryContext } from '../context';
import { statement } from '../db/statements';
import { decodeValue } from './map';

const ENTERPRISE_TYPE = /^(enterprise|enterprises|предприятие|предприятия|organi[sz]ation|организация)$/iu;
const ROLE_ATTRIBUTE = /^(role|роль)$/iu;
const GENDER_ATTRIBUTE = /^(gender|sex|пол)$/iu;
const CODE_ATTRIBUTE = /^(code|short code|abbreviation|код|шифр|аббревиатура)$/iu;
const REGION_ATTRIBUTE = /^(region|регион|city|город|oblast|область)$/iu;

export interface CaseLine {
  readonly id: string;
  readonly parent_id: string | null;
  readonly type_id: string;
  readonly name: string;
}

export class CaseFacts {
  private readonly cases: Map<string, CaseLine>;
  private readonly enterpriseTypes: Set<string>;
  private readonly attributes: { readonly id: string; readonly name: string }[];
  private readonly values = new Map<string, Map<string, string>>();
  private readonly links = new Map<string, readonly string[]>();

  constructor(private readonly ctx: Pick<QueryContext, 'raw'>) {
    this.cases = new Map((ctx.raw.prepare('SELECT id, parent_id, type_id, name FROM cases').all() as CaseLine[]).map((c) => [c.id, c]));
    const types = ctx.raw.prepare('SELECT id, name FROM case_types').all() as { id: string; name: string }[];
    this.enterpriseTypes = new Set(types.filter((t) => ENTERPRISE_TYPE.test(t.name.trim())).map((t) => t.id));
    this.attributes = ctx.raw.prepare("SELECT id, name FROM attributes WHERE target = 'case' ORDER BY ord").all() as { id: string; name: string }[];
  }

  /** What `value` found, by attribute pattern and case: an export asks for each informant's role on each of their passages. */
  private readonly found = new Map<RegExp, Map<string, string | null>>();

  private value(caseId: string, name: RegExp): string | null {
    let found = this.found.get(name);
    if (!found) this.found.set(name, (found = new Map()));
    let value = found.get(caseId);
    if (value === undefined) found.set(caseId, (value = this.read(caseId, name)));
    return value;
  }

  private read(caseId: string, name: RegExp): string | null {
    let values = this.values.get(caseId);
    if (!values) {
      const rows = statement(this.ctx.raw, 'SELECT attribute_id, value FROM attribute_values WHERE entity_id = ?').all(caseId) as { attribute_id: string; value: string }[];
      values = new Map(rows.map((r) => [r.attribute_id, String(decodeValue(r.value))]));
      this.values.set(caseId, values);
    }
    for (const attribute of this.attributes) {
      if (!name.test(attribute.name.trim())) continue;
      const v = values.get(attribute.id);
      if (v !== undefined && v.trim() !== '') return v;
    }
    return null;
  }

  name(caseId: string): string | null {
    return this.cases.get(caseId)?.name ?? null;
  }

  role(caseId: string): string | null {
    return this.value(caseId, ROLE_ATTRIBUTE);
  }

  gender(caseId: string): string | null {
    return this.value(caseId, GENDER_ATTRIBUTE);
  }

  /** An enterprise's own short code, when the team gave it one (attribute "Code", "Шифр"…). */
  code(caseId: string): string | null {
    return this.value(caseId, CODE_ATTRIBUTE);
  }

  /** The region of a case or of a case it sits in. */
  region(caseId: string): string | null {
    for (let at = this.cases.get(caseId); at; at = at.parent_id ? this.cases.get(at.parent_id) : undefined) {
      const found = this.value(at.id, REGION_ATTRIBUTE);
      if (found) return found;
    }
    return null;
  }

  /** The enterprise case a case is or sits in. */
  enterpriseCase(caseId: string): CaseLine | null {
    for (let at = this.cases.get(caseId); at; at = at.parent_id ? this.cases.get(at.parent_id) : undefined) {
      if (this.enterpriseTypes.has(at.type_id)) return at;
    }
    return null;
  }

  /** Every enterprise case. */
  enterprises(): CaseLine[] {
    return [...this.cases.values()].filter((c) => this.enterpriseTypes.has(c.type_id));
  }

  /** The cases a document is linked to. */
  linkedCases(documentId: string): readonly string[] {
    let ids = this.links.get(documentId);
    if (!ids) {
      ids = statement(this.ctx.raw, 'SELECT case_id FROM document_cases WHERE document_id = ?').pluck().all(documentId) as string[];
      this.links.set(documentId, ids);
    }
    return ids;
  }

  /** The enterprise of a passage: its informant's, or else the first one the document is linked to. */
  documentEnterprise(documentId: string, personId: string | null = null): CaseLine | null {
    const own = personId ? this.enterpriseCase(personId) : null;
    if (own) return own;
    for (const id of this.linkedCases(documentId)) {
      const found = this.enterpriseCase(id);
      if (found) return found;
    }
    return null;
  }
}
