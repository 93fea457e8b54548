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
  const parent = new Map(ctx.raw.prepare('SELECT id, parent_id FROM cases').raw().all() as [string, string | null][]);
  // Lists, not sets: a document counts for a handful of cases, and the matrix asks for every document's on each call.
  const of = new Map<string, string[]>();
  for (const [documentId, caseId] of ctx.raw.prepare('SELECT document_id, case_id FROM document_cases').raw().all() as [string, string][]) {
    let cases = of.get(documentId);
    if (!cases) of.set(documentId, (cases = []));
    for (let at: string | null | undefined = caseId; at; at = parent.get(at)) if (!cases.includes(at)) cases.push(at);
  }
  return of;
}
