/**
 * Whose turn a turn is: the informant's or the interviewer's. The rule (documented with the
 * contract's SPEAKER_FILTERS): a label linked to a case speaks for that case, so it is an
 * informant's; an unlinked label is the interviewer's when it reads as one (И, И1, Интервьюер,
 * Interviewer, Int, Q, В, Вопрос, I) or names one of the document's interviewers (full name or
 * initials); any other label is an informant's. Turns without a label (dash-led dialogue) and
 * paragraphs are nobody's: they pass neither filter.
 */
import type { ReadContext } from '../context';
import type { DocumentMeta } from './document-scope';
import { statement } from '../db/statements';
import { speakerLinks } from './speaker-links';

export type Side = 'informant' | 'interviewer';

const INTERVIEWER_LABEL = /^(?:и|интервьюер|интервьюерка|в|вопрос|interviewer|int|q|question|i)(?:[\s\-_#№]*\d+)?$/iu;

export interface Turn {
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
  readonly side: Side | null;
  /** The case the label is linked to. */
  readonly caseId: string | null;
}

/**
 * How many documents' turns are kept: enough for the documents a page of excerpts or a matrix
 * row comes from; an export reads a document's once, in order, and 300,000 turns kept to its end
 * would only be more for the collector to go through.
 */
const KEPT = 64;

/** Reads turns and classifies them, one document at a time, with what it needs loaded once. */
export class SpeakerSides {
  private readonly members: Map<string, { name: string; initials: string }>;
  private readonly cache = new Map<string, readonly Turn[]>();

  constructor(private readonly ctx: ReadContext) {
    const rows = ctx.raw.prepare('SELECT id, name, initials FROM members').all() as { id: string; name: string; initials: string }[];
    this.members = new Map(rows.map((m) => [m.id, m]));
  }

  /** The document's turns in order, each with its side. */
  turns(document: DocumentMeta): readonly Turn[] {
    const hit = this.cache.get(document.id);
    if (hit) {
      this.cache.delete(document.id); // most recently used last
      this.cache.set(document.id, hit);
      return hit;
    }
    const links = speakerLinks(this.ctx.raw, document.id).get(document.id) ?? new Map<string, string>();
    const interviewers = new Set<string>();
    for (const id of document.interviewerIds) {
      const m = this.members.get(id);
      if (!m) continue;
      interviewers.add(m.name.trim().toLocaleLowerCase());
      interviewers.add(m.initials.trim().toLocaleLowerCase());
    }
    // Rows as arrays: an export reads the turns of every document, 300,000 of them.
    const rows = statement(this.ctx.raw, "SELECT start_offset, end_offset, speaker FROM segments WHERE revision_id = ? AND kind = 'turn' ORDER BY ord")
      .raw()
      .all(document.revisionId) as [number, number, string | null][];
    // A document has a few labels and hundreds of turns: each label is classified once.
    const sides = new Map<string, Side | null>();
    const turns = rows.map(([start, end, speaker]): Turn => {
      const caseId = speaker === null ? null : (links.get(speaker) ?? null);
      let side = speaker === null ? null : sides.get(speaker);
      if (side === undefined) sides.set(speaker!, (side = sideOf(speaker, caseId, interviewers)));
      return { start, end, speaker, caseId, side };
    });
    this.cache.set(document.id, turns);
    if (this.cache.size > KEPT) this.cache.delete(this.cache.keys().next().value!);
    return turns;
  }
}

export function sideOf(label: string | null, linkedCaseId: string | null, interviewerNames: ReadonlySet<string>): Side | null {
  if (label === null) return null;
  if (linkedCaseId !== null) return 'informant';
  const trimmed = label.trim();
  if (INTERVIEWER_LABEL.test(trimmed) || interviewerNames.has(trimmed.toLocaleLowerCase())) return 'interviewer';
  return 'informant';
}

/** The turns a passage touches (turns are in text order and do not overlap); an empty passage touches the turn it sits in. */
export function turnsTouching(turns: readonly Turn[], start: number, end: number): Turn[] {
  const stop = Math.max(end, start + 1);
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.end > start) hi = mid;
    else lo = mid + 1;
  }
  const out: Turn[] = [];
  for (let i = lo; i < turns.length && turns[i]!.start < stop; i++) out.push(turns[i]!);
  return out;
}

/** Whether a passage passes the speaker filter. */
export function passesSpeakers(turns: readonly Turn[], start: number, end: number, filter: 'all' | 'informants' | 'interviewer'): boolean {
  if (filter === 'all') return true;
  const touched = turnsTouching(turns, start, end);
  const informant = touched.some((t) => t.side === 'informant');
  return filter === 'informants' ? informant : !informant && touched.some((t) => t.side === 'interviewer');
}
