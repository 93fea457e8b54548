/**
 * Inter-coder agreement (`agreement.compute`): units are built from each document's text (see
 * agreement-units), rated per code and coder from the codings, and every row of the result is
 * computed by the same pure statistics the tests check against published examples.
 */
import type { AgreementCodeRow, AgreementGroupRow, AgreementResult } from '../../../src-shared/contract/agreement';
import { QuireError } from '../../../src-shared/contract/errors';
import { unitizedAlpha } from '../../../src-shared/stats/agreement';
import type { Span, Stretch } from '../../../src-shared/stats/agreement';
import type { QueryContext, SomeHandlers } from '../context';
import type { CodeRow } from '../db/schema';
import { figuresOf } from './agreement-figures';
import type { Item } from './agreement-figures';
import { characterRuns, documentUnits } from './agreement-units';
import type { UnitSpan } from './agreement-units';
import { codebookRows } from './codebook';
import { documentScope } from './document-scope';
import { casesByDocument } from './case-ancestry';
import type { DocumentMeta } from './document-scope';
import { codeLines } from './reports';
import { subtree } from './retrieval';

/** A coding of a chosen code by a chosen coder, by index. */
interface Coded {
  readonly code: number;
  readonly coder: number;
  readonly start: number;
  readonly end: number;
}

function chosenCodes(all: readonly CodeRow[], codeIds: readonly string[]): CodeRow[] {
  if (codeIds.length === 0) return all.filter((r) => r.archived === 0);
  const wanted = new Set(codeIds);
  const rows = all.filter((r) => wanted.has(r.id));
  if (rows.length !== wanted.size) throw new QuireError('not_found', 'One of the codes to compare is no longer in the codebook (it may have been deleted or merged).', { codeIds });
  return rows;
}

/** The chosen codings per document, and which coders coded each document at all. */
function readCodings(ctx: QueryContext, coderIds: readonly string[], codeOf: ReadonlyMap<string, readonly number[]>, documents: ReadonlyMap<string, DocumentMeta>) {
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));
  const rows = ctx.raw
    .prepare(`SELECT document_id, code_id, coder_id, start_offset, end_offset FROM codings WHERE coder_id IN (${coderIds.map(() => '?').join(',')})`)
    .raw()
    .all(...coderIds) as [string, string, string, number, number][];
  const codings = new Map<string, Coded[]>();
  const present = new Map<string, Set<number>>();
  for (const [documentId, codeId, coderId, start, end] of rows) {
    if (!documents.has(documentId)) continue;
    const coder = coderIndex.get(coderId)!;
    // Any coding at all shows the coder worked on the document: their silence elsewhere is a "no".
    present.set(documentId, (present.get(documentId) ?? new Set()).add(coder));
    if (start >= end) continue;
    const codes = codeOf.get(codeId);
    if (!codes) continue;
    const list = codings.get(documentId) ?? [];
    for (const code of codes) list.push({ code, coder, start, end });
    codings.set(documentId, list);
  }
  return { codings, present };
}

/** For each unit touched by a coding, which (code, coder) cells are coded: `hits[u][code * coders + coder]`. */
function hitsOf(units: readonly UnitSpan[], codings: readonly Coded[], codeCount: number, coderCount: number): Map<number, Uint8Array> {
  const hits = new Map<number, Uint8Array>();
  for (const c of codings) {
    // Units are in text order and do not overlap: find the first one ending after the coding starts.
    let lo = 0;
    let hi = units.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (units[mid]!.end <= c.start) lo = mid + 1;
      else hi = mid;
    }
    for (let u = lo; u < units.length && units[u]!.start < c.end; u++) {
      let cells = hits.get(u);
      if (!cells) hits.set(u, (cells = new Uint8Array(codeCount * coderCount)));
      cells[c.code * coderCount + c.coder] = 1;
    }
  }
  return hits;
}

/** The cases each document counts for: those it is linked to and every case they sit in. */
function casesOf(ctx: QueryContext): { names: Map<string, string>; of: Map<string, readonly string[]> } {
  const names = new Map((ctx.raw.prepare('SELECT id, name FROM cases').all() as { id: string; name: string }[]).map((c) => [c.id, c.name]));
  return { names, of: casesByDocument(ctx) };
}

const byName = new Intl.Collator('ru', { numeric: true });

export const agreementHandlers: SomeHandlers<'agreement.compute'> = {
  'agreement.compute': async (ctx, input) => {
    const { coderIds, unit, includeUncoded } = input;
    const members = ctx.raw.prepare(`SELECT id, name, initials FROM members WHERE id IN (${coderIds.map(() => '?').join(',')})`).all(...coderIds) as {
      id: string;
      name: string;
      initials: string;
    }[];
    if (members.length !== coderIds.length) throw new QuireError('not_found', 'One of the coders is not a member of this project’s team.', { coderIds });
    const coders = coderIds.map((id) => members.find((m) => m.id === id)!);

    const all = await codebookRows(ctx);
    const chosen = chosenCodes(all, input.codeIds);
    const codeOf = new Map<string, number[]>();
    chosen.forEach((row, k) => {
      for (const id of input.includeSubcodes ? subtree(all, row.id) : [row.id]) codeOf.set(id, [...(codeOf.get(id) ?? []), k]);
    });

    const scope = documentScope(ctx, { ...input, coderIds: [] });
    let documents = [...scope.documents.values()];
    if (input.documentIds.length > 0) {
      const known = new Set((ctx.raw.prepare('SELECT id FROM documents').pluck().all() as string[]));
      if (input.documentIds.some((id) => !known.has(id))) throw new QuireError('not_found', 'One of the documents to compare is not in this project (it may have been deleted).', { documentIds: input.documentIds });
      const wanted = new Set(input.documentIds);
      documents = documents.filter((d) => wanted.has(d.id));
    }
    const { codings, present } = readCodings(ctx, coderIds, codeOf, new Map(documents.map((d) => [d.id, d])));
    // A document only one chosen coder coded (or none) says nothing about their agreement.
    const documentsOneCoder = documents.filter((d) => present.get(d.id)?.size === 1).length;
    documents = documents.filter((d) => (present.get(d.id)?.size ?? 0) >= 2);

    const K = chosen.length;
    const C = coderIds.length;
    const items: Item[] = [];
    const stretches: Stretch[][] = chosen.map(() => []);
    let uncodedUnits = 0;
    let documentsWithoutTurns = 0;
    let documentsMissingCoders = 0;
    const lengthOf = ctx.raw.prepare('SELECT length FROM revisions WHERE id = ?').pluck();
    documents.forEach((document, d) => {
      const length = lengthOf.get(document.revisionId) as number;
      const coded = codings.get(document.id) ?? [];
      const here = present.get(document.id)!;
      const everyone = here.size === C;
      if (!everyone) documentsMissingCoders++;
      let units: UnitSpan[];
      if (unit === 'characters') {
        units = characterRuns(length, coded);
        if (everyone) {
          for (let k = 0; k < K; k++) {
            const spans: Span[][] = coderIds.map(() => []);
            for (const c of coded) if (c.code === k) spans[c.coder]!.push(c);
            stretches[k]!.push({ length, coders: spans });
          }
        }
      } else {
        const built = documentUnits(ctx, document, unit, length);
        if (built.byParagraph) documentsWithoutTurns++;
        units = built.units;
      }
      const hits = hitsOf(units, coded, K, C);
      const patterns = new Map<string, Item>();
      units.forEach((span, u) => {
        const weight = unit === 'characters' ? span.end - span.start : 1;
        const cells = hits.get(u);
        if (!cells) {
          uncodedUnits += weight;
          if (!includeUncoded) return;
        }
        for (let k = 0; k < K; k++) {
          const values = coderIds.map((_, c) => (here.has(c) ? ((cells?.[k * C + c] ?? 0) as 0 | 1) : null));
          const key = `${k}|${values.join()}`;
          const same = patterns.get(key);
          if (same) {
            same.weight += weight;
            same.runs++;
          } else patterns.set(key, { document: d, code: k, values, weight, runs: 1 });
        }
      });
      items.push(...patterns.values());
    });

    const byCode: Item[][] = chosen.map(() => []);
    const byDocument: Item[][] = documents.map(() => []);
    for (const item of items) {
      byCode[item.code]!.push(item);
      byDocument[item.document]!.push(item);
    }
    const colors = new Map(chosen.map((r) => [r.id, r.color]));
    // Paths come from the whole codebook, so a sub-code chosen alone still shows its parents.
    const lineOf = new Map(codeLines(all).map((l) => [l.codeId, l]));
    const codes: AgreementCodeRow[] = chosen.map((row) => lineOf.get(row.id)!).map((line, k) => ({
      ...line,
      color: colors.get(line.codeId)!,
      ...figuresOf(byCode[k]!, coderIds, unit === 'characters' ? unitizedAlpha(stretches[k]!) : null),
    }));
    const documentRows: AgreementGroupRow[] = documents.map((document, d) => ({ id: document.id, label: document.title, ...figuresOf(byDocument[d]!, coderIds, null) }));

    const { names, of } = casesOf(ctx);
    const perCase = new Map<string, Item[]>();
    documents.forEach((document, d) => {
      for (const caseId of of.get(document.id) ?? []) perCase.set(caseId, [...(perCase.get(caseId) ?? []), ...byDocument[d]!]);
    });
    const cases: AgreementGroupRow[] = [...perCase]
      .map(([id, list]) => ({ id, label: names.get(id)!, ...figuresOf(list, coderIds, null) }))
      .sort((a, b) => byName.compare(a.label, b.label));

    const result: AgreementResult = {
      unit,
      coders,
      codes,
      overall: figuresOf(items, coderIds, null),
      documents: documentRows,
      cases,
      uncodedUnits,
      includeUncoded,
      documentCount: documents.length,
      documentsOneCoder,
      documentsMissingCoders,
      documentsWithoutTurns,
    };
    return result;
  },
};
