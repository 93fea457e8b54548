/** Pure helpers of the code page: paging its codings, picking examples, a coder's initials. */
import type { Coding } from '../../../src-shared/model/entities';

export const PAGE_SIZE = 100;

export interface PageInfo {
  /** Zero-based page, clamped into range. */
  readonly page: number;
  readonly pages: number;
  readonly offset: number;
  /** One-based positions of the first and last row shown; 0 and 0 when there are none. */
  readonly from: number;
  readonly to: number;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
}

/** Where page `page` of `total` rows starts and ends; a page past the end (after a merge or split shrank the list) becomes the last. */
export function pageInfo(total: number, page: number, size = PAGE_SIZE): PageInfo {
  const pages = Math.max(1, Math.ceil(Math.max(0, total) / size));
  const clamped = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const offset = clamped * size;
  const to = Math.min(total, offset + size);
  return { page: clamped, pages, offset, from: to > offset ? offset + 1 : 0, to: Math.max(0, to), hasPrevious: clamped > 0, hasNext: clamped < pages - 1 };
}

/**
 * A few codings to show as examples of a code: reviewed ones first, from as many different
 * documents as possible, so the examples show the code's range rather than one interview.
 */
export function pickExamples(codings: readonly Coding[], count = 3): Coding[] {
  const ranked = [...codings].sort((a, b) => Number(a.status === 'needs_review') - Number(b.status === 'needs_review'));
  const picked: Coding[] = [];
  const documents = new Set<string>();
  for (const c of ranked) {
    if (picked.length === count) break;
    if (c.quote.trim() === '' || documents.has(c.documentId)) continue;
    picked.push(c);
    documents.add(c.documentId);
  }
  for (const c of ranked) {
    if (picked.length === count) break;
    if (c.quote.trim() !== '' && !picked.includes(c)) picked.push(c);
  }
  return picked;
}

/** Which of the selected codings are still on the list (a change elsewhere may have moved some). */
export function keepSelected(selected: ReadonlySet<string>, shown: readonly Coding[]): Set<string> {
  const ids = new Set(shown.map((c) => c.id));
  return new Set([...selected].filter((id) => ids.has(id)));
}
