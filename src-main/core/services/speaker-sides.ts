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
 * row comes from; an export reads a document's once, in order.
 */
const KEPT = 64;

/** What a speaker label stands for in one document. */
export interface Label {
  readonly side: Side | null;
  readonly caseId: string | null;
}

const NOBODY: Label = { side: null, caseId: null };

/**
 * A document's turns in text order (they do not overlap), kept as columns: an export reads the
 * turns of every document, 300,000 of them, and looks at the one or two each passage touches.
 */
export class Turns {
  private constructor(
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
    private readonly speakers: readonly (string | null)[],
    private readonly labels: ReadonlyMap<string, Label>,
  ) {}

  /**
   * Turns from their columns, put in text order if they are not: SQLite aggregates a subquery's
   * rows in the order it reads them, which it does not promise (ordering inside the aggregate
   * cost ten times as much).
   */
  static of(starts: readonly number[], ends: readonly number[], speakers: readonly (string | null)[], labels: ReadonlyMap<string, Label>): Turns {
    if (starts.every((start, i) => i === 0 || start >= starts[i - 1]!)) return new Turns(starts, ends, speakers, labels);
    const order = starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]!);
    return new Turns(
      order.map((i) => starts[i]!),
      order.map((i) => ends[i]!),
      order.map((i) => speakers[i]!),
      labels,
    );
  }

  /** The turns a passage touches; an empty passage touches the turn it sits in. */
  touching(start: number, end: number): Turn[] {
    const stop = Math.max(end, start + 1);
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! > start) hi = mid;
      else lo = mid + 1;
    }
    const out: Turn[] = [];
    for (let i = lo; i < this.starts.length && this.starts[i]! < stop; i++) out.push(this.turn(i));
    return out;
  }

  /** Every turn, in order. */
  all(): Turn[] {
    return this.starts.map((_, i) => this.turn(i));
  }

  private turn(i: number): Turn {
    const speaker = this.speakers[i]!;
    const label = speaker === null ? NOBODY : this.labels.get(speaker)!;
    return { start: this.starts[i]!, end: this.ends[i]!, speaker, side: label.side, caseId: label.caseId };
  }
}

/** Reads turns and classifies them, one document at a time, with what it needs loaded once. */
export class SpeakerSides {
  private readonly members: Map<string, { name: string; initials: string }>;
  private readonly cache = new Map<string, Turns>();

  constructor(private readonly ctx: ReadContext) {
    const rows = ctx.raw.prepare('SELECT id, name, initials FROM members').all() as { id: string; name: string; initials: string }[];
    this.members = new Map(rows.map((m) => [m.id, m]));
  }

  /** The document's turns in order, each with its side. */
  turns(document: DocumentMeta): Turns {
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
    // Each column as one JSON array: numbers come as packed arrays and a label repeated on
    // hundreds of turns as one string, where rows would be an array and a string per turn.
    const [starts, ends, spoken] = (
      statement(
        this.ctx.raw,
        "SELECT json_group_array(start_offset), json_group_array(end_offset), json_group_array(speaker) FROM (SELECT start_offset, end_offset, speaker FROM segments WHERE revision_id = ? AND kind = 'turn' ORDER BY ord)",
      )
        .raw()
        .get(document.revisionId) as [string, string, string]
    ).map((json) => JSON.parse(json)) as [number[], number[], (string | null)[]];
    const labels = new Map<string, Label>();
    // A document has a few labels and hundreds of turns: each label is classified once.
    for (const speaker of spoken) {
      if (speaker === null || labels.has(speaker)) continue;
      const caseId = links.get(speaker) ?? null;
      labels.set(speaker, { side: sideOf(speaker, caseId, interviewers), caseId });
    }
    const turns = Turns.of(starts, ends, spoken, labels);
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

/** Whether a passage passes the speaker filter. */
export function passesSpeakers(turns: Turns, start: number, end: number, filter: 'all' | 'informants' | 'interviewer'): boolean {
  if (filter === 'all') return true;
  const touched = turns.touching(start, end);
  const informant = touched.some((t) => t.side === 'informant');
  return filter === 'informants' ? informant : !informant && touched.some((t) => t.side === 'interviewer');
}
