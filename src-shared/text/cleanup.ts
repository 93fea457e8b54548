/**
 * Optional clean-up of text extracted from PDFs, OCR and old word-processor files, offered by the
 * import preview before the text becomes a document's first revision. Each step is switched on
 * separately and reports how many changes it made, so the preview can say "joined 37 hyphenated
 * words, removed 12 page numbers". Every step is a pure function of its input: the original file
 * is kept by the project, which is what makes a clean-up reversible.
 *
 * The input is raw extracted text, before `normalizeText`: page breaks (`\f`, as pdftotext and
 * PDF extractors emit them between pages) are still there for `removeRunningHeaders` to use.
 */

import { splitSegments } from './segments';

/** The clean-up steps, in the order `cleanText` applies them. */
export const CLEANUP_OPTIONS = [
  'replaceReplacementChars',
  'removeRunningHeaders',
  'joinHyphenation',
  'unwrapLines',
  'normaliseQuotesAndDashes',
] as const;
export type CleanupOption = (typeof CLEANUP_OPTIONS)[number];

/** Which steps to run; a step that is absent or false is skipped. */
export interface CleanupOptions {
  /**
   * Runs of U+FFFD (left where a converter met bytes it could not decode) become
   * `replacementMarker`, one marker per run. A literal `?` is never touched: it is punctuation.
   */
  readonly replaceReplacementChars?: boolean;
  /**
   * Removes page furniture: running headers and footers and page numbers (`— 12 —`, `Стр. 3`,
   * `Page 3 of 10`, a bare number on its own line). Lines are compared with their digits masked,
   * and lines that differ in their numbers count only if the numbers count pages up or never
   * change (`Стр. 3`, `Стр. 4`; `Отчёт за 1993 год` on every page).
   *
   * With page breaks (`\f`), a line is furniture when it is among the first or last three
   * non-blank lines of a page and recurs there on at least a third of the pages (two at least);
   * pages are then joined with a single line break. Without page breaks, a line is furniture when
   * it recurs at least three times, at least ten non-blank lines apart, at roughly regular
   * intervals. A line that reads as a speaker's turn is never removed; nor is a line longer than
   * 120 characters. When nothing is removed the text is returned as it was, page breaks and all.
   */
  readonly removeRunningHeaders?: boolean;
  /**
   * Joins words hyphenated at a line end: `произ-\nводство` → `производство`. Only when a
   * lower-case letter follows: a capital starts a name (`Петропавловск-\nКамчатский`) or a new
   * turn after a word broken off by an interruption (`на заво-\nИ: На какой?`), and such lines
   * are left alone, as are lines that read as a turn (`и: ...`).
   *
   * The hyphen is kept, and only the line break removed, when the text shows the word hyphenated
   * elsewhere more often than written solid, or shows its first part before a hyphen in another
   * compound (`социально-` of `социально-политический`; first parts of four letters or more);
   * when a digit precedes it (`90-\nх`); or when it joins a particle or prefix that always takes
   * one: `-то`, `-либо`, `-нибудь`, `-таки`, `-ка`, `кое-`, `кой-`, `из-` (`из-за`), `во-`/`в-`
   * (`во-первых`), `по-` before adverbs in `-ски`/`-ьи`/`-ому` (`по-русски`, `по-моему`, not
   * `по-\nлучил`), `self-`, `well-`, `half-`, `ex-`. Otherwise the hyphen is taken for a
   * typesetter's and the word is joined. A soft hyphen (U+00AD) at a line end is always joined.
   */
  readonly joinHyphenation?: boolean;
  /**
   * Joins hard-wrapped lines (broken at a fixed width, typically 60–80 columns) into one line per
   * paragraph. A line is joined to the one before it when the one before is long enough that the
   * line's first word would not have fitted on it (within 85% of the width, for the uneven lines
   * of PDFs; within the full width after a sentence end, where a paragraph may end as well), and
   * the line does not start something of its
   * own: a speaker turn, a stage direction, a timestamp, a list item or dash-led line, or an
   * indented paragraph. Blank lines (paragraph breaks) are kept. Text whose typical line is
   * longer than 160 characters is not hard-wrapped and is left alone.
   */
  readonly unwrapLines?: boolean;
  /**
   * Straight double quotes become typographic ones, chosen by the script of the line: `«…»`
   * (with `„…“` inside) in Russian, `“…”` (with `‘…’` inside) in English; a line whose straight
   * quotes cannot be paired is left alone. Typographic quotes already there are kept as they are,
   * since `„…“` and `“…”` are correct nested quotes in Russian. Dashes: ` - ` between words and
   * `--`/`---` become an em dash `—`; in Russian lines a spaced en dash ` – ` does too (Russian
   * typography uses the em dash). Hyphens between digits (`1992 - 1995`, `5 - 3`) and at the
   * start of a line (list items, dialogue) are left alone.
   */
  readonly normaliseQuotesAndDashes?: boolean;
  /** What a run of U+FFFD becomes under `replaceReplacementChars`. Default `[?]`. */
  readonly replacementMarker?: string;
}

export interface CleanupResult {
  readonly text: string;
  /** How many changes each step made: replacements, removed lines, joins. Zero for skipped steps. */
  readonly changes: Readonly<Record<CleanupOption, number>>;
}

export const DEFAULT_REPLACEMENT_MARKER = '[?]';

interface Step {
  readonly text: string;
  readonly count: number;
}

/**
 * Applies the chosen steps in the order of {@link CLEANUP_OPTIONS}: replacement characters, page
 * furniture (which interrupts hyphenated words and paragraphs across pages), hyphenation, line
 * wrapping (a hyphen at a line end must be settled before lines are joined), then quotes and
 * dashes (which are easier to pair on whole paragraphs). With no step chosen the text is returned
 * as it is; otherwise CRLF and CR line ends are read as `\n`. Never throws.
 *
 * @example
 * cleanText('Рабочие цеха получили произ-\nводственное задание.', { joinHyphenation: true })
 * // → { text: 'Рабочие цеха получили производственное задание.', changes: { joinHyphenation: 1, ... } }
 */
export function cleanText(text: string, options: CleanupOptions): CleanupResult {
  const changes: Record<CleanupOption, number> = {
    replaceReplacementChars: 0,
    removeRunningHeaders: 0,
    joinHyphenation: 0,
    unwrapLines: 0,
    normaliseQuotesAndDashes: 0,
  };
  if (!CLEANUP_OPTIONS.some((o) => options[o] === true)) return { text, changes: Object.freeze(changes) };
  let current = text.replace(/\r\n?/g, '\n');
  for (const option of CLEANUP_OPTIONS) {
    if (options[option] !== true) continue;
    const step = runStep(option, current, options);
    current = step.text;
    changes[option] = step.count;
  }
  return { text: current, changes: Object.freeze(changes) };
}

function runStep(option: CleanupOption, text: string, options: CleanupOptions): Step {
  switch (option) {
    case 'replaceReplacementChars':
      return replaceReplacementChars(text, options.replacementMarker ?? DEFAULT_REPLACEMENT_MARKER);
    case 'removeRunningHeaders':
      return removeRunningHeaders(text);
    case 'joinHyphenation':
      return joinHyphenation(text);
    case 'unwrapLines':
      return unwrapLines(text);
    case 'normaliseQuotesAndDashes':
      return normaliseQuotesAndDashes(text);
  }
}

/** Fewest changes for a step to be suggested. */
const SUGGEST_AT_LEAST: Readonly<Record<CleanupOption, number>> = {
  replaceReplacementChars: 1,
  removeRunningHeaders: 2,
  joinHyphenation: 1,
  unwrapLines: 3,
  normaliseQuotesAndDashes: 1,
};
/** Share of non-blank lines that must be joined for the text to count as hard-wrapped. */
const SUGGEST_UNWRAP_SHARE = 0.25;

/**
 * The steps that would change something worth changing in `text`, for the import preview to tick
 * in advance: U+FFFD present, page furniture found on at least two lines, a hyphenated line end,
 * hard wrapping (at least three joins, and a quarter of the lines), straight quotes or ASCII
 * dashes. Each step is judged on the text as it is, independently of the others.
 */
export function suggestCleanup(text: string): Readonly<Record<CleanupOption, boolean>> {
  const input = text.replace(/\r\n?/g, '\n');
  const suggestion = {} as Record<CleanupOption, boolean>;
  for (const option of CLEANUP_OPTIONS) {
    const { count } = runStep(option, input, {});
    let useful = count >= SUGGEST_AT_LEAST[option];
    if (option === 'unwrapLines' && useful) {
      const lines = input.split('\n').filter((l) => /\S/.test(l)).length;
      useful = count >= lines * SUGGEST_UNWRAP_SHARE;
    }
    suggestion[option] = useful;
  }
  return Object.freeze(suggestion);
}

// ---------------------------------------------------------------------------------------------
// Replacement characters

function replaceReplacementChars(text: string, marker: string): Step {
  let count = 0;
  const out = text.replace(/\uFFFD+/g, () => {
    count++;
    return marker;
  });
  return { text: out, count };
}

// ---------------------------------------------------------------------------------------------
// Running headers, footers and page numbers

/** Page furniture is found among this many non-blank lines at the top and at the bottom of a page. */
const EDGE_LINES = 3;
/** Furniture is short. */
const MAX_FURNITURE_LENGTH = 120;
/** Share of pages a header must be on (with page breaks). */
const MIN_PAGE_SHARE = 0.3;
/** Without page breaks: fewest occurrences, and fewest non-blank lines between two of them. */
const MIN_REPEATS = 3;
const MIN_REPEAT_GAP = 10;
/** Without page breaks: the longest gap may be at most this many times the median one. */
const MAX_GAP_SPREAD = 4;

/** `12`, `— 12 —`, `- 3 -`, `Стр. 3`, `Страница 3 из 10`, `Page 3 of 10`, `p. 3`, `с. 3`, `3/10`. */
const PAGE_NUMBER =
  /^(?:[-—–]\s*)?(?:(?:стр(?:аница)?|с|page|p|pp)\.?\s*)?(\d{1,4})(?:\s*(?:из|of|\/)\s*\d{1,4})?(?:\s*[-—–])?$/iu;

/** A line with its digits masked and spacing and case folded, so that `Стр. 3` and `Стр. 4` agree. */
function furnitureKey(line: string): string {
  return line.trim().replace(/\s+/g, ' ').toLowerCase().replace(/\d+/g, '#');
}

/** Short, with a letter or digit: the shape of furniture. */
function shapedLikeFurniture(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_FURNITURE_LENGTH && /[\p{L}\p{N}]/u.test(trimmed);
}

function mayBeFurniture(line: string): boolean {
  // A speaker's words are data, however often they recur.
  return shapedLikeFurniture(line) && splitSegments(line.trim())[0]?.kind !== 'turn';
}

function removeRunningHeaders(text: string): Step {
  return text.includes('\f') ? removeByPages(text) : removeByRepetition(text);
}

function removeByPages(text: string): Step {
  const pages = text.split('\f').map((p) => p.split('\n'));
  const candidates = pages.map((lines) => edgeLines(lines));
  const pagesWithKey = new Map<string, number>();
  for (let p = 0; p < pages.length; p++) {
    const keys = new Set(candidates[p]!.map((i) => furnitureKey(pages[p]![i]!)));
    for (const key of keys) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  const filled = pages.filter((lines) => lines.some((l) => /\S/.test(l))).length;
  const threshold = Math.max(2, Math.ceil(filled * MIN_PAGE_SHARE));
  // Lines that differ only in their numbers are furniture only if the numbers count pages or
  // never change: `— 3 —`, `Стр. 3`, `Отчёт за 1993 год`, but not `Цех 3` and `Цех 7`.
  const occurrences = new Map<string, string[]>();
  pages.forEach((lines, p) => {
    for (const i of candidates[p]!) {
      const key = furnitureKey(lines[i]!);
      if ((pagesWithKey.get(key) ?? 0) < threshold) continue;
      const list = occurrences.get(key) ?? [];
      list.push(lines[i]!.trim());
      occurrences.set(key, list);
    }
  });
  const furniture = new Set([...occurrences].filter(([, lines]) => numbersFitPages(lines)).map(([key]) => key));
  let count = 0;
  const kept: string[][] = pages.map((lines, p) => {
    const removed = new Set(candidates[p]!.filter((i) => furniture.has(furnitureKey(lines[i]!))));
    count += removed.size;
    return dropLines(lines, removed);
  });
  if (count === 0) return { text, count };
  // Blank lines at page edges are layout, not paragraph breaks: pages join with one line break.
  const trimmed = kept.map((lines, p) => {
    let from = 0;
    let to = lines.length;
    if (p > 0) while (from < to && !/\S/.test(lines[from]!)) from++;
    if (p < kept.length - 1) while (to > from && !/\S/.test(lines[to - 1]!)) to--;
    return lines.slice(from, to);
  });
  return { text: trimmed.filter((lines, p) => lines.length > 0 || p === 0).map((l) => l.join('\n')).join('\n'), count };
}

/** Indices of the first and last EDGE_LINES non-blank lines of a page that may be furniture. */
function edgeLines(lines: readonly string[]): number[] {
  const nonBlank: number[] = [];
  lines.forEach((l, i) => {
    if (/\S/.test(l)) nonBlank.push(i);
  });
  const edges = new Set([...nonBlank.slice(0, EDGE_LINES), ...nonBlank.slice(-EDGE_LINES)]);
  return [...edges].filter((i) => mayBeFurniture(lines[i]!)).sort((a, b) => a - b);
}

function removeByRepetition(text: string): Step {
  const lines = text.split('\n');
  const groups = new Map<string, { ordinals: number[]; indices: number[] }>();
  let ordinal = 0;
  lines.forEach((line, i) => {
    if (!/\S/.test(line)) return;
    ordinal++;
    if (!shapedLikeFurniture(line)) return;
    const key = furnitureKey(line);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ordinals: [], indices: [] }));
    group.ordinals.push(ordinal);
    group.indices.push(i);
  });
  const removed = new Set<number>();
  for (const group of groups.values()) {
    if (group.indices.length < MIN_REPEATS || !regularlySpaced(group.ordinals)) continue;
    if (!group.indices.every((i) => mayBeFurniture(lines[i]!))) continue;
    if (!numbersFitPages(group.indices.map((i) => lines[i]!.trim()))) continue;
    for (const i of group.indices) removed.add(i);
  }
  if (removed.size === 0) return { text, count: 0 };
  return { text: dropLines(lines, removed).join('\n'), count: removed.size };
}

/** Occurrences at least MIN_REPEAT_GAP lines apart, none more than MAX_GAP_SPREAD times the median gap. */
function regularlySpaced(ordinals: readonly number[]): boolean {
  const gaps = ordinals.slice(1).map((o, i) => o - ordinals[i]!);
  if (gaps.some((g) => g < MIN_REPEAT_GAP)) return false;
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return sorted[sorted.length - 1]! <= median * MAX_GAP_SPREAD;
}

/**
 * Whether the numbers in recurring lines (equal but for their digits) can be page furniture: a
 * page number must count pages; another line with a number in it (`Отчёт, стр. 3`, `Отчёт за
 * 1993 год`) must count pages too or be the same every time.
 */
function numbersFitPages(lines: readonly string[]): boolean {
  const first = lines[0] ?? '';
  if (!/\d/.test(first)) return true;
  if (countsUp(lines)) return true;
  return !PAGE_NUMBER.test(first) && lines.every((l) => l === first);
}

/**
 * True when, at some position, the numbers of the lines (all with the same number of numbers, as
 * they share a key) mostly go up by one or two: every page, or every other page.
 */
function countsUp(lines: readonly string[]): boolean {
  const numbers = lines.map((l) => (l.match(/\d+/g) ?? []).map(Number));
  const columns = numbers[0]?.length ?? 0;
  for (let column = 0; column < columns; column++) {
    let up = 0;
    for (let i = 1; i < numbers.length; i++) {
      const step = (numbers[i]![column] ?? NaN) - (numbers[i - 1]![column] ?? NaN);
      if (step === 1 || step === 2) up++;
    }
    if (up * 3 >= (numbers.length - 1) * 2) return true;
  }
  return false;
}

/**
 * `lines` without the removed ones, and without blank lines whose nearest non-blank neighbour
 * above or below was removed: the spacing around a page number goes with it.
 */
function dropLines(lines: readonly string[], removed: ReadonlySet<number>): string[] {
  if (removed.size === 0) return [...lines];
  const blank = lines.map((l) => !/\S/.test(l));
  const nearRemoved = new Array<boolean>(lines.length).fill(false);
  let nearest = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!blank[i]) nearest = i;
    else if (nearest >= 0 && removed.has(nearest)) nearRemoved[i] = true;
  }
  nearest = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!blank[i]) nearest = i;
    else if (nearest >= 0 && removed.has(nearest)) nearRemoved[i] = true;
  }
  // The empty string after a final line break is the end of the text, not a blank line.
  const last = lines.length - 1;
  return lines.filter((l, i) => !removed.has(i) && (!nearRemoved[i] || (i === last && l === '')));
}

// ---------------------------------------------------------------------------------------------
// Hyphenation

/**
 * A hyphen (or soft hyphen) at the end of a line and the word that continues it on the next. The
 * word it ends is read backwards from the hyphen: a lookbehind here would be tried at every
 * position of the text.
 */
const LINE_END_HYPHEN = /([-\u2010\u00AD])[ \t]*\n[ \t]*(?=(\p{L}[\p{L}\p{M}]*))/gu;
const WORD_END = /[\p{L}\p{M}\p{N}]+$/u;
/** How far back from a hyphen the word it ends is looked for. */
const MAX_WORD = 64;

/** Words as written within a line, hyphenated compounds whole. */
const WORD = /[\p{L}\p{M}]+(?:[-\u2010][\p{L}\p{M}]+)*/gu;

const HYPHEN_PARTICLES = new Set(['то', 'либо', 'нибудь', 'таки', 'ка']);
const HYPHEN_PREFIXES = new Set(['кое', 'кой', 'из', 'во', 'в', 'self', 'well', 'half', 'ex']);
/** `по-русски`, `по-немецки`, `по-волчьи`, `по-моему`, `по-прежнему`, but not `по-лучил`. */
const PO_ADVERB = /^(?:\p{L}+(?:ски|цки|ьи)|моему|твоему|своему|нашему|вашему|прежнему|другому|новому|старому|всякому|разному|настоящему|хорошему)$/u;

function joinHyphenation(text: string): Step {
  if (!text.includes('\n')) return { text, count: 0 };
  let evidence: Evidence | null = null;
  let count = 0;
  const out = text.replace(LINE_END_HYPHEN, (match: string, hyphen: string, second: string, offset: number) => {
    const first = WORD_END.exec(text.slice(Math.max(0, offset - MAX_WORD), offset))?.[0];
    if (first === undefined) return match;
    // A capital starts a name (`Петропавловск-\nКамчатский`) or a new turn after a word broken
    // off by an interruption (`на заво-\nИ: На какой?`): leave both alone.
    if (hyphen !== '\u00AD' && !/^\p{Ll}/u.test(second)) return match;
    if (startsTurn(text, offset + match.length)) return match;
    count++;
    if (hyphen === '\u00AD') return '';
    evidence ??= gatherEvidence(text);
    return keepsHyphen(first, second, evidence) ? '-' : '';
  });
  return { text: out, count };
}

function gatherEvidence(text: string): Evidence {
  const vocabulary = new Map<string, number>();
  const hyphenatedStarts = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase().replace(/\u2010/g, '-');
    vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
    const parts = w.split('-');
    for (let i = 0; i < parts.length - 1; i++) hyphenatedStarts.add(parts[i]!);
  }
  return { vocabulary, hyphenatedStarts };
}

/** True when the line starting at `from` is a speaker's turn (`и: ...` is one; role letters may be lower case). */
function startsTurn(text: string, from: number): boolean {
  const end = text.indexOf('\n', from);
  return splitSegments(text.slice(from, end < 0 ? text.length : end))[0]?.kind === 'turn';
}

/** What the rest of the text says about how its words are written. */
interface Evidence {
  /** Words as written within lines (lower case), hyphenated compounds whole, with their counts. */
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Words that stand before a hyphen somewhere in the text: `социально` from `социально-политический`. */
  readonly hyphenatedStarts: ReadonlySet<string>;
}

/** Shorter first parts (`по`, `на`, `за`) are too often a plain syllable to count as evidence. */
const MIN_EVIDENT_START = 4;

function keepsHyphen(first: string, second: string, evidence: Evidence): boolean {
  if (/\p{N}$/u.test(first)) return true;
  const a = first.toLowerCase();
  const b = second.toLowerCase();
  const solid = evidence.vocabulary.get(a + b) ?? 0;
  const hyphenated = evidence.vocabulary.get(`${a}-${b}`) ?? 0;
  if (solid > 0 || hyphenated > 0) return hyphenated > solid;
  if (HYPHEN_PARTICLES.has(b) || HYPHEN_PREFIXES.has(a)) return true;
  if (a === 'по') return PO_ADVERB.test(b);
  return a.length >= MIN_EVIDENT_START && evidence.hyphenatedStarts.has(a);
}

// ---------------------------------------------------------------------------------------------
// Hard-wrapped lines

/** Lines longer than this are paragraphs, not hard wraps. */
const MAX_WRAP_WIDTH = 160;
const MIN_WRAP_WIDTH = 20;
/** The wrap width is the longest line within WRAP_BAND of this percentile of line lengths. */
const WRAP_PERCENTILE = 0.9;
const WRAP_BAND = 1.15;
/**
 * A break was forced by the width when the next line's first word would not have fitted within
 * this share of it; the slack allows for proportional fonts in PDFs, where characters per line vary.
 */
const WRAP_SLACK = 0.85;

/** `- пункт`, `— реплика`, `• item`, `1. `, `2) `, `а) `. */
const LIST_ITEM = /^[ \t]*(?:[-–—―•*·▪‣◦][ \t]|\d{1,3}[.)][ \t]|\p{L}\)[ \t])/u;

function unwrapLines(text: string): Step {
  const lines = text.split('\n');
  const lengths = lines.filter((l) => /\S/.test(l)).map((l) => l.trimEnd().length).sort((a, b) => a - b);
  if (lengths.length < 3) return { text, count: 0 };
  // The percentile keeps the odd unwrapped line out; the widest line near it is the wrap width
  // (with few lines, the percentile alone falls short of it).
  const percentile = lengths[Math.floor((lengths.length - 1) * WRAP_PERCENTILE)]!;
  const width = Math.max(...lengths.filter((n) => n <= percentile * WRAP_BAND));
  if (width > MAX_WRAP_WIDTH || width < MIN_WRAP_WIDTH) return { text, count: 0 };

  const out: string[] = [];
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = i > 0 ? lines[i - 1]! : '';
    if (i > 0 && continuesLine(previous, line, width)) {
      const joined = out.pop()!.trimEnd();
      const glue = /\p{L}[-\u2010]$/u.test(joined) ? '' : ' ';
      out.push(joined + glue + line.trimStart());
      count++;
    } else {
      out.push(line);
    }
  }
  return { text: out.join('\n'), count };
}

function continuesLine(previous: string, line: string, width: number): boolean {
  if (!/\S/.test(previous) || !/\S/.test(line)) return false;
  if (LIST_ITEM.test(line)) return false;
  if (indent(line) > indent(previous)) return false;
  const firstWord = /\S+/.exec(line)?.[0] ?? '';
  // Where a sentence ends and a capital follows, a new paragraph is as likely as a wrap: there
  // the break counts as forced only if the word would not have fitted at all.
  const sentenceBreak = /[.!?…»"”]$/u.test(previous.trimEnd()) && /^\p{Lu}/u.test(firstWord);
  const room = sentenceBreak ? width : width * WRAP_SLACK;
  if (previous.trimEnd().length + 1 + firstWord.length <= room) return false;
  const [starts] = splitSegments(line);
  if (starts === undefined || starts.kind !== 'paragraph' || starts.timestamp !== null) return false;
  const [before] = splitSegments(previous);
  return before?.kind !== 'direction';
}

function indent(line: string): number {
  return /^[ \t\u00a0]*/.exec(line)![0].length;
}

// ---------------------------------------------------------------------------------------------
// Quotes and dashes

interface QuoteStyle {
  readonly open: readonly [string, string];
  readonly close: readonly [string, string];
}
const RUSSIAN_QUOTES: QuoteStyle = { open: ['«', '„'], close: ['»', '“'] };
const ENGLISH_QUOTES: QuoteStyle = { open: ['“', '‘'], close: ['”', '’'] };

function normaliseQuotesAndDashes(text: string): Step {
  const documentRussian = isRussian(text, true);
  let count = 0;
  const out = text.split('\n').map((line) => {
    if (!/["\-\u2013]/.test(line)) return line;
    const russian = isRussian(line, documentRussian);
    const dashed = normaliseDashes(line, russian);
    const quoted = normaliseQuotes(dashed.text, russian ? RUSSIAN_QUOTES : ENGLISH_QUOTES);
    count += dashed.count + quoted.count;
    return quoted.text;
  });
  return { text: out.join('\n'), count };
}

/** More Cyrillic than Latin letters; `fallback` when there are no letters of either. */
function isRussian(text: string, fallback: boolean): boolean {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0400 && c <= 0x04ff) cyrillic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  if (cyrillic === 0 && latin === 0) return fallback;
  return cyrillic >= latin;
}

/** What may stand right before a dash between words, and right after it. */
const BEFORE_DASH = /[\p{L}\p{N}.,;:!?…»”’")\]]/u;
const AFTER_DASH = /[\p{L}\p{N}«„“‘"([]/u;

function normaliseDashes(line: string, russian: boolean): Step {
  let count = 0;
  const spaced = russian ? / (?:-|\u2013|---?) (?=\S)/g : / (?:-|---?) (?=\S)/g;
  let text = line.replace(spaced, (match: string, offset: number) => {
    const before = line[offset - 1] ?? '';
    const after = line[offset + match.length] ?? '';
    if (offset === 0 || !BEFORE_DASH.test(before) || !AFTER_DASH.test(after)) return match;
    if (/\d/.test(before) && /\d/.test(after)) return match;
    count++;
    return ' — ';
  });
  text = text.replace(/(?<=[\p{L}\p{N}.,;:!?»”’")\]])---?(?=[\p{L}\p{N}«„“‘"([])/gu, () => {
    count++;
    return '—';
  });
  return { text, count };
}

/**
 * Straight double quotes replaced by `style`, nested once; the line unchanged if they cannot be
 * paired. A quote opens after the start of the line, a space, a bracket, a dash or another
 * opening quote; it closes before the end, a space or punctuation.
 */
function normaliseQuotes(line: string, style: QuoteStyle): Step {
  if (!line.includes('"')) return { text: line, count: 0 };
  const chars = [...line];
  let depth = 0;
  let count = 0;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '"') continue;
    const before = chars[i - 1] ?? ' ';
    const after = chars[i + 1] ?? ' ';
    const opens = /[\s([{—–\-/«„“‘"]/u.test(before) && !/\s/u.test(after);
    const closes = !/\s/u.test(before) && /[\s.,;:!?…)\]}—–\-»”’"]/u.test(after);
    if (opens && !(closes && depth > 0)) {
      if (depth >= 2) return { text: line, count: 0 };
      chars[i] = style.open[depth]!;
      depth++;
    } else if (closes && depth > 0) {
      depth--;
      chars[i] = style.close[depth]!;
    } else {
      return { text: line, count: 0 };
    }
    count++;
  }
  return depth === 0 ? { text: chars.join(''), count } : { text: line, count: 0 };
}
