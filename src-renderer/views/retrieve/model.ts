/** The Excerpts view's logic without React: code choices, and the builder's draft ↔ the contract's query. */
import { RELATION_OPERATORS } from '../../../src-shared/contract/retrieval';
import type { RetrievalQuery, RetrievalQueryInput } from '../../../src-shared/contract';
import { parseFuzzyDate, typedFuzzyDate } from '../../../src-shared/model/dates';
import type { Code } from '../../../src-shared/model/entities';
import type { QueryDraft } from './store';

/** Codes as choices, in codebook order, each labelled with its path ("Paternalism › From above"). */
export function codeOptions(codes: readonly Code[]): { value: string; label: string }[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (c: Code, seen = new Set<string>()): string => {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (!parent || seen.has(parent.id)) return c.name;
    seen.add(c.id);
    return `${path(parent, seen)} › ${c.name}`;
  };
  return codes.filter((c) => !c.archived).map((c) => ({ value: c.id, label: path(c) }));
}

/** What is missing before a draft can run: codes, a second code, or a readable date. */
export type DraftProblem = 'codes' | 'second' | 'from' | 'to' | null;

export function draftProblem(draft: QueryDraft): DraftProblem {
  if (draft.codeIds.length === 0) return 'codes';
  if (RELATION_OPERATORS.includes(draft.operator) && draft.codeIds.length < 2) return 'second';
  if (draft.from.trim() && !parseFuzzyDate(draft.from.trim())) return 'from';
  if (draft.to.trim() && !parseFuzzyDate(draft.to.trim())) return 'to';
  return null;
}

/** The contract's query for a draft, or null while the draft cannot run. */
export function draftToQuery(draft: QueryDraft): RetrievalQueryInput | null {
  if (draftProblem(draft) !== null) return null;
  return {
    codeIds: [...draft.codeIds],
    operator: draft.operator,
    distance: draft.operator === 'within' || draft.operator === 'follows' ? draft.distance : 0,
    includeSubcodes: draft.includeSubcodes,
    attributes: draft.attributeId && draft.attributeValue !== null && draft.attributeValue !== '' ? [{ attributeId: draft.attributeId, values: [draft.attributeValue] }] : [],
    caseIds: [...draft.caseIds],
    kinds: [...draft.kinds],
    from: draft.from.trim() || null,
    to: draft.to.trim() || null,
    speakers: draft.speakers,
    coderIds: [...draft.coderIds],
  };
}


/** A saved query in the builder. The builder holds one attribute condition: the first. */
export function queryToDraft(query: RetrievalQuery): QueryDraft {
  const attribute = query.attributes[0];
  return {
    codeIds: query.codeIds,
    operator: query.operator,
    distance: query.operator === 'within' || query.operator === 'follows' ? query.distance : 200,
    includeSubcodes: query.includeSubcodes,
    attributeId: attribute?.attributeId ?? null,
    attributeValue: attribute?.values[0] === undefined ? null : String(attribute.values[0]),
    caseIds: query.caseIds,
    kinds: query.kinds,
    from: typedFuzzyDate(query.from),
    to: typedFuzzyDate(query.to),
    speakers: query.speakers,
    coderIds: query.coderIds,
  };
}

/** The few words of context shown before an excerpt is expanded. */
export function shortContext(text: string, side: 'before' | 'after', size = 80): string {
  if (text.length <= size) return text;
  if (side === 'before') {
    const cut = text.slice(-size);
    const space = cut.indexOf(' ');
    return space >= 0 && space < 20 ? cut.slice(space + 1) : cut;
  }
  const cut = text.slice(0, size);
  const space = cut.lastIndexOf(' ');
  return space > size - 20 ? cut.slice(0, space) : cut;
}
