import type { QueryContext } from '../context';

/**
 * For each document, the cases it counts for: the cases it is linked to and every case they sit
 * inside (an interview linked to a shop counts for the shop's enterprise and region too), in link
 * order, each once.
 *
 * @example
 * casesByDocument(ctx).get(interviewId); // ['shop-3', 'enterprise-rings', 'region-samara']
 */
export function casesByDocument(ctx: Pick<QueryContext, 'raw'>): Map<string, readonly string[]> {
  const parent = new Map((ctx.raw.prepare('SELECT id, parent_id FROM cases').all() as { id: string; parent_id: string | null }[]).map((c) => [c.id, c.parent_id]));
  const of = new Map<string, Set<string>>();
  for (const link of ctx.raw.prepare('SELECT document_id, case_id FROM document_cases').all() as { document_id: string; case_id: string }[]) {
    const set = of.get(link.document_id) ?? new Set<string>();
    for (let at: string | null | undefined = link.case_id; at; at = parent.get(at)) set.add(at);
    of.set(link.document_id, set);
  }
  return new Map([...of].map(([document, cases]) => [document, [...cases]]));
}
