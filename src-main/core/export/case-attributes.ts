/**
 * Every case attribute of an excerpt, for tidy rows: the values of the case it is cited to and
 * the cases that case sits in (an informant's enterprise gives its region), then those of the
 * document's linked cases. The first value found for an attribute wins.
 */
import type { ReadContext } from '../context';
import { decodeValue } from '../services/map';

export class CaseAttributes {
  /** Attribute names in the project's order (duplicate names once). */
  readonly names: readonly string[];
  private readonly parents: Map<string, string | null>;
  private readonly caseNames: Map<string, string>;
  private readonly values = new Map<string, Map<string, string>>();
  private readonly links = new Map<string, string[]>();
  private readonly memo = new Map<string, Readonly<Record<string, string>>>();

  constructor(ctx: ReadContext) {
    const attributes = ctx.raw.prepare("SELECT id, name FROM attributes WHERE target = 'case' ORDER BY ord").all() as { id: string; name: string }[];
    const nameOf = new Map(attributes.map((a) => [a.id, a.name]));
    this.names = [...new Set(attributes.map((a) => a.name))];
    const cases = ctx.raw.prepare('SELECT id, parent_id, name FROM cases').all() as { id: string; parent_id: string | null; name: string }[];
    this.parents = new Map(cases.map((c) => [c.id, c.parent_id]));
    this.caseNames = new Map(cases.map((c) => [c.id, c.name]));
    for (const [entity, attribute, value] of ctx.raw.prepare('SELECT entity_id, attribute_id, value FROM attribute_values').raw().all() as [string, string, string][]) {
      const name = nameOf.get(attribute);
      if (name === undefined) continue;
      const decoded = decodeValue(value);
      if (decoded === null || String(decoded).trim() === '') continue;
      let own = this.values.get(entity);
      if (!own) this.values.set(entity, (own = new Map()));
      own.set(name, String(decoded));
    }
    for (const [documentId, caseId] of ctx.raw.prepare('SELECT document_id, case_id FROM document_cases').raw().all() as [string, string][]) {
      const list = this.links.get(documentId);
      if (list) list.push(caseId);
      else this.links.set(documentId, [caseId]);
    }
  }

  caseName(caseId: string | null): string | null {
    return caseId === null ? null : (this.caseNames.get(caseId) ?? null);
  }

  /** Attribute values by name for an excerpt of `documentId` cited to `caseId`. */
  of(documentId: string, caseId: string | null): Readonly<Record<string, string>> {
    const key = `${documentId}|${caseId ?? ''}`;
    const known = this.memo.get(key);
    if (known) return known;
    const found: Record<string, string> = {};
    const seen = new Set<string>();
    const take = (start: string): void => {
      for (let at: string | null | undefined = start; at && !seen.has(at); at = this.parents.get(at)) {
        seen.add(at);
        for (const [name, value] of this.values.get(at) ?? []) if (!(name in found)) found[name] = value;
      }
    };
    if (caseId) take(caseId);
    for (const linked of this.links.get(documentId) ?? []) take(linked);
    this.memo.set(key, found);
    return found;
  }
}
