/**
 * Metadata from file names: field teams name their files by a scheme such as
 * `Кольца_1993-06_интервью_Иванов.docx`, and the import reads enterprise, date, kind and
 * informant from it with a pattern like `{enterprise}_{date}_{kind}_{informant}`.
 *
 * A pattern is literal text with fields in braces. `{*}` and `{ignore}` match a part that is
 * skipped. Field names are letters, digits, `_` and `-`; they are compared case-insensitively for
 * duplicates but reported as written. A field named `date` or `дата` must hold a date that
 * `parseFuzzyDate` reads; its value is still returned as written, for the caller to parse.
 * Braces cannot be escaped: file names practically never contain them.
 */

import { parseFuzzyDate } from '../model/dates';

export type PatternPart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'skip' };

export interface FilenamePattern {
  /** The pattern as written. */
  readonly source: string;
  /** Literals, fields and skipped parts in order; never two non-literals next to each other. */
  readonly parts: readonly PatternPart[];
  /** The names of the fields in order. */
  readonly fields: readonly string[];
}

export type ParsedPattern = { readonly pattern: FilenamePattern } | { readonly error: string };
export type FilenameMatch = { readonly fields: Readonly<Record<string, string>> } | { readonly error: string };

const SKIP_NAMES = new Set(['*', 'ignore']);
const DATE_NAMES = new Set(['date', 'дата']);
const FIELD_NAME = /^[\p{L}\p{N}_-]+$/u;
const DATE_HINT = 'write dates like 1993-06-12, 12.06.93, 1993-06 or 1993';

/**
 * Reads a pattern, or explains in plain words what is wrong with it: an empty pattern, no fields,
 * a brace never closed or never opened, an empty or badly named field, a field named twice, or
 * two fields with nothing between them (there would be no telling where one ends).
 *
 * @example
 * parseFilenamePattern('{enterprise}_{date}_{*}')
 * // → { pattern: { source, parts: [field enterprise, literal '_', field date, literal '_', skip], fields: ['enterprise', 'date'] } }
 * parseFilenamePattern('{date}{kind}')
 * // → { error: 'The fields {date} and {kind} follow each other with nothing between them, ...' }
 */
export function parseFilenamePattern(pattern: string): ParsedPattern {
  if (pattern.trim() === '') return { error: 'The pattern is empty.' };
  const parts: PatternPart[] = [];
  const fields: string[] = [];
  const seen = new Set<string>();
  let literal = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i]!;
    if (ch === '}') return { error: `The “}” at position ${i + 1} has no “{” before it.` };
    if (ch !== '{') {
      literal += ch;
      i++;
      continue;
    }
    const close = pattern.indexOf('}', i + 1);
    const nested = pattern.indexOf('{', i + 1);
    if (close < 0) return { error: `The “{” at position ${i + 1} is never closed with “}”.` };
    if (nested >= 0 && nested < close) {
      return { error: `The “{” at position ${i + 1} is not closed before the next “{” at position ${nested + 1}.` };
    }
    const name = pattern.slice(i + 1, close).trim();
    if (name === '') return { error: `“{}” at position ${i + 1} is an empty field: write a name inside the braces, or {*} to skip a part.` };
    if (!SKIP_NAMES.has(name.toLowerCase()) && !FIELD_NAME.test(name)) {
      return { error: `“{${name}}” is not a usable field name: use letters, digits, “_” or “-”.` };
    }
    const previous = parts[parts.length - 1];
    if (literal === '' && previous !== undefined && previous.kind !== 'literal') {
      return {
        error: `The fields ${describe(previous)} and {${name}} follow each other with nothing between them, so there is no telling where one ends: put a separator such as “_” between them.`,
      };
    }
    if (literal !== '') parts.push({ kind: 'literal', text: literal });
    literal = '';
    if (SKIP_NAMES.has(name.toLowerCase())) {
      parts.push({ kind: 'skip' });
    } else {
      const key = name.toLowerCase();
      if (seen.has(key)) return { error: `The field {${name}} appears twice in the pattern.` };
      seen.add(key);
      fields.push(name);
      parts.push({ kind: 'field', name });
    }
    i = close + 1;
  }
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  if (fields.length === 0) {
    return { error: 'The pattern has no fields: put the parts of the name to read in braces, e.g. {enterprise}_{date}.' };
  }
  return { pattern: Object.freeze({ source: pattern, parts: Object.freeze(parts), fields: Object.freeze(fields) }) };
}

function describe(part: PatternPart): string {
  if (part.kind === 'field') return `{${part.name}}`;
  return part.kind === 'skip' ? '{*}' : `“${part.text}”`;
}

/**
 * Reads the fields of `fileName` by `pattern` (a pattern string or one parsed already). The
 * folder part and the extension (`.docx`, `.mp3`: a last dot-suffix of 2–8 characters with a letter in it) are
 * ignored; values are trimmed and never empty; skipped parts are not returned.
 *
 * Every date field must hold a date. When a separator also occurs inside a value, the reading
 * is the one in which no other field holds the separators next to it (`{*}` may hold anything,
 * and a date its own separators, as in `1993-06-12`); failing that, the only reading there is.
 * If there is no reading, or several and none stands out, the result is an error that says so in
 * plain words.
 *
 * @example
 * matchFilename('{enterprise}_{date}_{kind}_{informant}', 'Кольца_1993-06_интервью_Иванов.docx')
 * // → { fields: { enterprise: 'Кольца', date: '1993-06', kind: 'интервью', informant: 'Иванов' } }
 * matchFilename('{enterprise}_{date}_{kind}', 'Красный_пролетарий_1993-06_интервью.docx')
 * // → { fields: { enterprise: 'Красный_пролетарий', date: '1993-06', kind: 'интервью' } }
 * matchFilename('{enterprise}_{date}', 'Кольца-1993.docx')
 * // → { error: '“Кольца-1993” does not fit the pattern {enterprise}_{date}: it has no “_”, the pattern needs one.' }
 */
export function matchFilename(pattern: string | FilenamePattern, fileName: string): FilenameMatch {
  let parsed: FilenamePattern;
  if (typeof pattern === 'string') {
    const result = parseFilenamePattern(pattern);
    if ('error' in result) return { error: result.error };
    parsed = result.pattern;
  } else {
    parsed = pattern;
  }
  const name = stripExtension(baseName(fileName));
  if (name.trim() === '') return { error: 'The file name is empty.' };

  const matcher = new Matcher(parsed.parts, name);
  const counts = matcher.count(0, 0);
  const choice = counts.clean === 1 ? 'clean' : counts.clean === 0 && counts.valid === 1 ? 'valid' : null;
  if (choice !== null) return { fields: Object.freeze(matcher.read(choice)) };
  if (counts.valid === 0) return { error: explainMismatch(parsed, name) };
  const separators = [...new Set(parsed.parts.flatMap((p) => (p.kind === 'literal' ? [`“${p.text}”`] : [])))];
  return {
    error: `“${name}” can be read more than one way with the pattern ${parsed.source}: ${separators.join(' or ')} also occurs inside a value. Rename the file, or add {*} to the pattern for the extra part.`,
  };
}

function baseName(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return fileName.slice(slash + 1);
}

/** `.docx`, `.mp3`, `.txt`; not `.93` at the end of `Кольца_12.06.93`, nor the initial in `Иванов И.И`. */
function stripExtension(name: string): string {
  const m = /\.([\p{L}\p{N}]{2,8})$/u.exec(name);
  if (m === null || m.index === 0 || !/\p{L}/u.test(m[1]!)) return name;
  return name.slice(0, m.index);
}

/** Readings counted up to two: enough to tell none, one and several apart. */
interface Counts {
  /** Readings in which every date holds a date. */
  readonly valid: number;
  /** Of those, the ones in which no field holds the separators next to it. */
  readonly clean: number;
}

const NONE: Counts = { valid: 0, clean: 0 };
const ONE: Counts = { valid: 1, clean: 1 };

/**
 * Counts the readings of `name` by `parts` with memoisation over (part, position), so even a
 * long name with many separators costs parts × length² at most.
 */
class Matcher {
  private readonly memo = new Map<number, Counts>();

  constructor(
    private readonly parts: readonly PatternPart[],
    private readonly name: string,
    /** Whether date fields must hold dates; off to find out what a failing date field would hold. */
    private readonly checkDates = true,
  ) {}

  count(part: number, pos: number): Counts {
    if (part === this.parts.length) return pos === this.name.length ? ONE : NONE;
    const key = part * (this.name.length + 1) + pos;
    const cached = this.memo.get(key);
    if (cached) return cached;
    let result = NONE;
    const p = this.parts[part]!;
    if (p.kind === 'literal') {
      if (this.name.startsWith(p.text, pos)) result = this.count(part + 1, pos + p.text.length);
    } else {
      let valid = 0;
      let clean = 0;
      for (let end = pos + 1; end <= this.name.length && (valid < 2 || clean < 2); end++) {
        const value = this.value(part, pos, end);
        if (value === null) continue;
        const rest = this.count(part + 1, end);
        valid += rest.valid;
        if (value.clean) clean += rest.clean;
      }
      result = { valid: Math.min(2, valid), clean: Math.min(2, clean) };
    }
    this.memo.set(key, result);
    return result;
  }

  /** The fields of the one reading of the given kind; call only when `count(0, 0)` says there is one. */
  read(kind: 'clean' | 'valid'): Record<string, string> {
    const fields: Record<string, string> = {};
    let pos = 0;
    for (let part = 0; part < this.parts.length; part++) {
      const p = this.parts[part]!;
      if (p.kind === 'literal') {
        pos += p.text.length;
        continue;
      }
      for (let end = pos + 1; end <= this.name.length; end++) {
        const value = this.value(part, pos, end);
        if (value === null || (kind === 'clean' && !value.clean)) continue;
        if (this.count(part + 1, end)[kind] === 0) continue;
        if (p.kind === 'field') fields[p.name] = value.text;
        pos = end;
        break;
      }
    }
    return fields;
  }

  /** The value of the field or skipped part `part` spanning `[pos, end)`, or null if it cannot be. */
  private value(part: number, pos: number, end: number): { text: string; clean: boolean } | null {
    const p = this.parts[part]!;
    const raw = this.name.slice(pos, end);
    const text = raw.trim();
    if (text === '') return null;
    if (p.kind !== 'field') return { text, clean: true };
    if (this.checkDates && isDateField(p.name)) {
      // A date brings its own separators (`1993-06-12`); that it reads as a date is what counts.
      return parseFuzzyDate(text) === null ? null : { text, clean: true };
    }
    const holds = (q: PatternPart | undefined): boolean => q?.kind === 'literal' && raw.includes(q.text);
    return { text, clean: !holds(this.parts[part - 1]) && !holds(this.parts[part + 1]) };
  }
}

/** Why no reading works, in plain words. */
function explainMismatch(pattern: FilenamePattern, name: string): string {
  const head = `“${name}” does not fit the pattern ${pattern.source}`;
  const { parts } = pattern;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first?.kind === 'literal' && !name.startsWith(first.text)) return `${head}: it does not start with “${first.text}”.`;
  if (last?.kind === 'literal' && !name.endsWith(last.text)) return `${head}: it does not end with “${last.text}”.`;

  const needed = new Map<string, number>();
  for (const p of parts) if (p.kind === 'literal') needed.set(p.text, (needed.get(p.text) ?? 0) + 1);
  for (const [text, times] of needed) {
    const found = occurrences(name, text);
    if (found < times) {
      const has = found === 0 ? `it has no “${text}”` : `it has “${text}” ${timesInWords(found)}`;
      return `${head}: ${has}, the pattern needs ${times === 1 ? 'one' : timesInWords(times)}.`;
    }
  }

  // The separators are there: a date that is not one, or an empty part.
  const undated = new Matcher(parts, name, false);
  const counts = undated.count(0, 0);
  if (counts.valid > 0) {
    const reading = undated.read(counts.clean > 0 ? 'clean' : 'valid');
    const [field, value] = Object.entries(reading).find(([f, v]) => isDateField(f) && parseFuzzyDate(v) === null) ?? [];
    if (field !== undefined) return `${head}: {${field}} would be “${value}”, which is not a date (${DATE_HINT}).`;
  }
  return `${head}: a part of the name is empty or the separators are not where the pattern expects them.`;
}

function isDateField(name: string): boolean {
  return DATE_NAMES.has(name.toLowerCase());
}

function occurrences(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) n++;
  return n;
}

function timesInWords(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
