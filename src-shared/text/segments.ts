/**
 * Splits canonical text into the rows the reader shows: paragraphs, speaker turns in transcripts,
 * and stage directions (`(смеётся)`, `(Шум в зале.)`, `[неразборчиво]` on a line of their own).
 * Turn detection is deliberately conservative: a field note line like "Он сказал так: ..." or
 * "Дата: 12.06.93" must stay a paragraph, because a wrong speaker would then be linked to a case
 * and counted in every speaker-based analysis.
 */

import { isSpeakerLabel } from './speakers';

export type SegmentKind = 'paragraph' | 'turn' | 'direction';

/**
 * A bracketed interviewer's or transcriber's insertion inside a turn or paragraph, brackets
 * included: `(смеётся)`, `[неразборчиво]`, `[Прим. интервьюера: …]`. Offsets are absolute UTF-16
 * code units into the text, `[start, end)`.
 */
export interface Aside {
  readonly start: number;
  readonly end: number;
}

/**
 * One non-empty line of canonical text. Offsets are UTF-16 code units, `[start, end)`.
 *
 * - `paragraph`: prose, a field note, a heading.
 * - `turn`: a speaker's turn in a transcript or in minutes (`Р: …`, `Председатель: …`), or a
 *   dash-led line of an unlabelled dialogue.
 * - `direction`: a whole line in parentheses or square brackets (after an optional timestamp):
 *   a stage direction or editorial note that nobody said, e.g. `(Шум в зале.)`.
 */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly kind: SegmentKind;
  /** The speaker label as written (without the colon); null for paragraphs, directions and dash-led turns. */
  readonly speaker: string | null;
  /** A leading timestamp without its brackets, e.g. `00:12:31`; null when the line has none. */
  readonly timestamp: string | null;
  /**
   * Asides within the segment's words (after its timestamp and speaker label) and a stage direction
   * written between the speaker's name and the colon (`Директор (показывая договор): …`), in order
   * and not overlapping; empty when there are none and always empty for a direction, which is one whole.
   * Square brackets are always an aside (`[неразборчиво]`, `[Прим. интервьюера: …]`); a
   * parenthesis only when it reads as a stage direction or a note (`(смеётся)`, `(долгая пауза)`,
   * `(Прим. ред.: …)`), so that `(в 1992 году)` stays the speaker's words.
   */
  readonly asides: readonly Aside[];
}

/** `[00:12:31]`, `[12:31]`, `(00:12:31)`, optionally with fractions of a second. */
const BRACKETED_TIMESTAMP = /^[ \t]*[[(](\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)[\])][ \t]*/;
/**
 * A bare timestamp needs hours, minutes and seconds: a bare `12:31` at the start of a field note
 * is far more often a clock time in running prose than a transcript position.
 */
const BARE_TIMESTAMP = /^[ \t]*(\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?)[ \t]+/;

/** Em dash, en dash, horizontal bar, or a hyphen followed by a space. */
const DASH_LEAD = /^[ \t]*(?:[\u2014\u2013\u2015]|-[ \t])/;

/** Labels are short; anything longer before the first colon is prose. */
const MAX_LABEL_LENGTH = 40;

const NO_ASIDES: readonly Aside[] = Object.freeze([]);

interface LineInfo {
  readonly start: number;
  readonly end: number;
  readonly speaker: string | null;
  readonly timestamp: string | null;
  readonly dashLed: boolean;
  readonly direction: boolean;
  readonly asides: readonly Aside[];
}

/**
 * Returns the segments of `text` in order: one per non-empty line, never containing `\n`.
 *
 * A line is a `direction` when, after an optional timestamp, it is wholly one bracketed span:
 * `(смеётся)`, `[Pause]`, `[00:41:07] (неразборчиво, шум в цехе)`. A line is a `turn` when it
 * starts (after an optional timestamp) with a speaker label, a colon and a space (`И: ...`,
 * `[00:12:31] Иван Петрович: ...`, `Начальник цеха Петров: ...`). In a document where most
 * non-empty lines start with a dash, the dash-led lines are turns too, with `speaker` null: such
 * dialogues alternate speakers without naming them, and guessing names would invent data.
 */
export function splitSegments(text: string): Segment[] {
  const lines: LineInfo[] = [];
  let dashCount = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (/\S/.test(line)) {
      const info = parseLine(line, start, end);
      if (info.dashLed) dashCount++;
      lines.push(info);
    }
    start = end + 1;
  }

  // Stage directions are nobody's lines: `(пауза)` between dashed replies leaves a dialogue one.
  const spoken = lines.reduce((n, l) => (l.direction ? n : n + 1), 0);
  const dialogue = dashCount >= 2 && dashCount * 2 > spoken;
  return lines.map((l): Segment => {
    const { start, end, timestamp, asides } = l;
    if (l.direction) return { start, end, kind: 'direction', speaker: null, timestamp, asides: NO_ASIDES };
    if (l.speaker !== null) return { start, end, kind: 'turn', speaker: l.speaker, timestamp, asides };
    if (dialogue && l.dashLed) return { start, end, kind: 'turn', speaker: null, timestamp: null, asides };
    return { start, end, kind: 'paragraph', speaker: null, timestamp, asides };
  });
}

function parseLine(line: string, start: number, end: number): LineInfo {
  const stamp = BRACKETED_TIMESTAMP.exec(line) ?? BARE_TIMESTAMP.exec(line);
  const timestamp = stamp?.[1] ?? null;
  const rest = stamp ? stamp[0].length : 0;
  const pairs = bracketPairs(line, rest, line.length);
  if (isWholeBracket(line, rest, pairs)) {
    return { start, end, speaker: null, timestamp, dashLed: false, direction: true, asides: NO_ASIDES };
  }
  const label = readSpeaker(line, rest, pairs);
  const bodyFrom = label?.bodyFrom ?? rest;
  const words = asidesFromPairs(line, pairs, bodyFrom, start);
  const direction = label?.direction;
  const asides = direction ? [{ start: start + direction.open, end: start + direction.close + 1 }, ...words] : words;
  return {
    start,
    end,
    speaker: label?.speaker ?? null,
    timestamp,
    dashLed: stamp === null && DASH_LEAD.test(line),
    direction: false,
    asides,
  };
}

/**
 * The label before `: ` starting at `from`, if it reads as a speaker label, and where the words
 * begin. A stage direction between the name and the colon is not part of the name
 * (`Директор (показывая договор):`, `Р (смеётся):` are turns of `Директор` and `Р`), so that one
 * person keeps one label to link to a case; `Иванов (мастер):` and `Участник (P3):` stay whole.
 */
function readSpeaker(line: string, from: number, pairs: readonly BracketPair[]): { speaker: string; bodyFrom: number; direction: BracketPair | null } | null {
  const colon = line.indexOf(':', from);
  // Leading spaces plus the label plus slack for spaces before the colon.
  if (colon < 0 || colon - from > MAX_LABEL_LENGTH + MAX_STAGE_DIRECTION_LENGTH + 8) return null;
  const next = line.charCodeAt(colon + 1);
  if (next !== 0x20 && next !== 0x09) return null;
  let nameEnd = colon;
  while (nameEnd > from && isBlank(line.charCodeAt(nameEnd - 1))) nameEnd--;
  const direction = pairs.find((p) => !p.square && p.close === nameEnd - 1 && p.open > from && isLabelDirection(line, p)) ?? null;
  if (direction) nameEnd = direction.open;
  const label = line.slice(from, nameEnd).trim();
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return null;
  return isSpeakerLabel(label) ? { speaker: label, bodyFrom: colon + 1, direction } : null;
}

/** `показывая`, `обращаясь`, `повернувшись`: endings only verbal adverbs have (not `первая`, `бывшая`). */
const VERBAL_ADVERB = /^\p{Ll}\p{L}*(?:ывая|ивая|ясь|вшись|вши)$/u;
/** `глядя на`, `держа в`, `pointing at`: a word that may be a verbal adverb, sure when a preposition follows. */
const MAYBE_ADVERB = /^\p{Ll}\p{L}*(?:[аяю]|ing)$/u;
const PREPOSITIONS = new Set(['к', 'ко', 'на', 'в', 'во', 'с', 'со', 'у', 'по', 'за', 'из', 'от', 'над', 'под', 'через', 'at', 'to', 'towards', 'toward', 'into', 'through', 'with', 'around']);

/**
 * Whether a parenthesis right before a label's colon is a stage direction (`(смеётся)`,
 * `(показывая договор)`, `(глядя на график)`) rather than a qualifier of the name (`(мастер)`,
 * `(P3)`, `(первая группа)`, `(managing director)`), which stays in the label: two people told
 * apart by it must keep two labels.
 */
function isLabelDirection(line: string, pair: BracketPair): boolean {
  if (isAside(line, pair)) return true;
  const [first = '', second = ''] = line.slice(pair.open + 1, pair.close).trim().split(/\s+/u);
  return VERBAL_ADVERB.test(first) || (MAYBE_ADVERB.test(first) && PREPOSITIONS.has(second.toLowerCase()));
}

/** True when the line from `from` on is, apart from spaces, one bracketed span with some content. */
function isWholeBracket(line: string, from: number, pairs: readonly BracketPair[]): boolean {
  let first = from;
  while (first < line.length && isBlank(line.charCodeAt(first))) first++;
  let last = line.length - 1;
  while (last > first && isBlank(line.charCodeAt(last))) last--;
  const opener = line[first];
  if (opener !== '(' && opener !== '[') return false;
  const pair = pairs.find((p) => p.open === first);
  return pair !== undefined && pair.close === last && /\S/.test(line.slice(first + 1, last));
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0;
}

/**
 * The asides of a segment of `text`, computed again from its line: for segments that come without
 * them, such as the ones stored in the database (which keeps only offsets, kind, speaker and
 * timestamp). Equal to `segment.asides` for a segment `splitSegments(text)` returned.
 *
 * @example
 * const text = 'Р: Мастер (смеётся) сказал: [неразборчиво] и ушёл (в 1992 году).';
 * asidesOf(text, { start: 0, end: text.length, kind: 'turn' })
 * // → the spans of `(смеётся)` and `[неразборчиво]`; `(в 1992 году)` is the speaker's own words
 */
export function asidesOf(text: string, segment: { readonly start: number; readonly end: number; readonly kind: SegmentKind }): Aside[] {
  if (segment.kind === 'direction') return [];
  return [...parseLine(text.slice(segment.start, segment.end), segment.start, segment.end).asides];
}

function asidesFromPairs(line: string, pairs: readonly BracketPair[], from: number, lineStart: number): readonly Aside[] {
  let asides: Aside[] | null = null;
  let coveredUntil = -1;
  for (const p of pairs) {
    if (p.open < from || p.open < coveredUntil) continue;
    if (!isAside(line, p)) continue;
    (asides ??= []).push({ start: lineStart + p.open, end: lineStart + p.close + 1 });
    coveredUntil = p.close + 1;
  }
  return asides ?? NO_ASIDES;
}

/** A matched bracket pair; `open` and `close` are the indices of the two brackets. */
interface BracketPair {
  readonly open: number;
  readonly close: number;
  readonly square: boolean;
}

/**
 * Matched `()` and `[]` pairs in `line[from, to)`, sorted by their opening bracket. They nest and
 * never cross: a closer pairs with the nearest open bracket of its own kind, and any unclosed
 * brackets above that one are dropped (`(a [b) c]` pairs only the parentheses). Linear time.
 */
function bracketPairs(line: string, from: number, to: number): BracketPair[] {
  // Most lines have no brackets at all; the native search is much faster than the loop.
  if (line.indexOf('(', from) < 0 && line.indexOf('[', from) < 0) return [];
  const stack: number[] = [];
  let openRound = 0;
  let openSquare = 0;
  const pairs: BracketPair[] = [];
  for (let i = from; i < to; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 0x28 /* ( */) {
      stack.push(i);
      openRound++;
    } else if (ch === 0x5b /* [ */) {
      stack.push(i);
      openSquare++;
    } else if (ch === 0x29 /* ) */ || ch === 0x5d /* ] */) {
      const square = ch === 0x5d;
      if ((square ? openSquare : openRound) === 0) continue;
      for (;;) {
        const open = stack.pop()!;
        const isSquare = line.charCodeAt(open) === 0x5b;
        if (isSquare) openSquare--;
        else openRound--;
        if (isSquare === square) {
          pairs.push({ open, close: i, square });
          break;
        }
      }
    }
  }
  return pairs.sort((a, b) => a.open - b.open);
}

/** Parenthesised asides are short; a longer parenthesis is the speaker's own digression. */
const MAX_STAGE_DIRECTION_LENGTH = 80;

/** `(00:13:10)`, `(…)`, `(...)`: a position in the recording or a pause. */
const TIMESTAMP_OR_ELLIPSIS = /^(?:\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?|\.{2,}|…)$/u;

/** Openings of an editor's, interviewer's or transcriber's note: `(Прим. ред.: …)`, `(Note: …)`. */
const NOTE_START = /^(?:прим(?:\.|ечание(?!\p{L}))|комм(?:\.|ентарий(?!\p{L}))|ред\.|авт\.|н\.\s?б\.|(?:note|comment|nb|sic|editor'?s note|transcriber'?s note)(?!\p{L}))/iu;

/**
 * Words that make a short parenthesis a stage direction when one of its first two words is among
 * them (lower case, ё written as е): `(смеётся)`, `(долгая пауза)`, `(Шум в зале.)`, `(laughs)`.
 * Verbs of speaking are left out on purpose: `(как говорит директор)` is the speaker's words.
 */
const STAGE_WORDS = new Set([
  // Russian
  'смеется', 'смеются', 'смеемся', 'смеясь', 'смех', 'смешок', 'усмехается', 'улыбается',
  'улыбаясь', 'хохочет', 'хохот', 'пауза', 'паузы', 'молчание', 'молчит', 'молчат', 'тишина',
  'шум', 'гул', 'неразборчиво', 'нрзб', 'неразб', 'неслышно', 'вздыхает', 'вздох',
  'плачет', 'кашляет', 'стучит', 'показывает', 'аплодисменты', 'аплодируют', 'оживление',
  'перебивает', 'перебивают', 'перебивая', 'одновременно', 'звонок', 'звонит', 'голос',
  'голоса', 'реплика', 'реплики', 'возгласы', 'выкрики', 'крики',
  // English
  'laughs', 'laughing', 'laughter', 'laugh', 'chuckles', 'smiles', 'pause', 'pauses', 'paused',
  'silence', 'inaudible', 'unintelligible', 'indistinct', 'crosstalk', 'overlapping', 'sighs',
  'coughs', 'noise', 'applause', 'interruption', 'interrupts', 'interrupted', 'voice', 'voices',
  'shouts',
]);

/**
 * Whether a bracketed span is an aside rather than the speaker's words. The rule, in order:
 * square brackets are always an aside (transcription conventions reserve them for the
 * transcriber: `[неразборчиво]`, `[Прим. интервьюера: …]`, `[…]`); a parenthesis is an aside when
 * it holds a timestamp or an ellipsis, starts like a note (`Прим.`, `Комм.`, `Note`, `Comment`,
 * `NB`), or is at most 80 characters long and one of its first two words is a stage word
 * (`смеётся`, `пауза`, `шум`, `молчание`, `неразборчиво`, `laughs`, `inaudible`, `crosstalk`, ...).
 * So `(в 1992 году)` and `(ну, вы понимаете)` stay the speaker's words.
 */
function isAside(line: string, pair: BracketPair): boolean {
  const content = line.slice(pair.open + 1, pair.close).trim();
  if (content.length === 0) return false;
  if (pair.square) return true;
  if (TIMESTAMP_OR_ELLIPSIS.test(content) || NOTE_START.test(content)) return true;
  if (content.length > MAX_STAGE_DIRECTION_LENGTH) return false;
  const words = content.toLowerCase().replace(/ё/g, 'е').split(/[\s,.;:!?—–-]+/u).filter((w) => w !== '');
  return words.slice(0, 2).some((w) => STAGE_WORDS.has(w));
}

/** A distinct speaker label with the number of turns it heads. */
export interface SpeakerLabelCount {
  readonly label: string;
  readonly turns: number;
}

/**
 * The distinct speaker labels of `segments` in order of first appearance, each with its number of
 * turns: what the import preview lists for mapping labels to informant cases. Labels are compared
 * exactly as written (`И` and `Интервьюер` are two labels; mapping both to one case is the
 * person's call). Dash-led turns have no label and are not counted.
 *
 * @example
 * speakerLabels(splitSegments('И: Как?\nР: Так.\nИ: А потом?'))
 * // → [{ label: 'И', turns: 2 }, { label: 'Р', turns: 1 }]
 */
export function speakerLabels(segments: readonly { readonly speaker: string | null }[]): SpeakerLabelCount[] {
  const counts = new Map<string, number>();
  for (const s of segments) {
    if (s.speaker !== null) counts.set(s.speaker, (counts.get(s.speaker) ?? 0) + 1);
  }
  return [...counts].map(([label, turns]) => ({ label, turns }));
}

/**
 * Index of the segment containing `offset` (`start <= offset < end`), or -1 when the offset falls
 * on a line break, a blank line or outside the text. `segments` must be sorted and
 * non-overlapping, as `splitSegments` returns them.
 */
export function segmentAt(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = segments[mid];
    if (s === undefined) return -1;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
