import type BetterSqlite3 from 'better-sqlite3';
import { QuireError } from '../../../src-shared/contract/errors';
import { foldForSearch } from '../../../src-shared/text';
import { stemOf, wordsOf } from '../db/search-words';

/**
 * The syntax of a `words` search, parsed into a tree. The tree becomes SQL over the FTS5 tables in
 * which every word is a bound, quoted string: the user's text never reaches FTS5's own syntax, so
 * no query can cause an SQL error (`NEAR(`, `col:`, a lone `"` or `*` are words or punctuation
 * here). The indexes keep no positions, so they give the rows that may match, and `RowMatcher`
 * decides on each row's text, finding the words' offsets as it goes.
 *
 * - a word matches by its stem: the words of the vocabulary (`search_terms`) with that stem;
 * - `"a phrase"` (or «так») matches those words in a row, exactly (`search_words`, then the text);
 * - `завод*` matches words beginning so (`search_words`);
 * - `AND`, `OR`, `NOT` and `И`, `ИЛИ`, `НЕ` in capitals; brackets; words side by side mean AND.
 *   `NOT` is "and not": it needs something before it, as in FTS5.
 */

export type Leaf =
  /**
   * Words by stem. A single word also matches words whose stem is the word itself: snowball
   * takes `калым` for an adjective ending (`кал`) but stems `калыме` to `калым`, so both are tried.
   */
  | { readonly kind: 'stem'; readonly stems: readonly string[]; readonly alternative: string | null }
  | { readonly kind: 'exact'; readonly keys: readonly string[] }
  | { readonly kind: 'prefix'; readonly keys: readonly string[] };

export type Node = Leaf | { readonly kind: 'and' | 'or' | 'not'; readonly left: Node; readonly right: Node };

type Token =
  | { readonly type: 'word'; readonly text: string; readonly prefix: boolean }
  | { readonly type: 'phrase'; readonly text: string }
  | { readonly type: 'op'; readonly op: 'and' | 'or' | 'not'; readonly text: string }
  | { readonly type: 'open' }
  | { readonly type: 'close' };

const OPERATORS: Readonly<Record<string, 'and' | 'or' | 'not'>> = { AND: 'and', OR: 'or', NOT: 'not', И: 'and', ИЛИ: 'or', НЕ: 'not' };

const invalid = (message: string, query: string): QuireError => new QuireError('invalid_pattern', message, { query });

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '"' || c === '«' || c === '“' || c === '„') {
      // Typographic quotes too: Russian text is quoted «так», and word processors curl "so".
      const close = c === '"' ? '"' : c === '«' ? '»' : c === '„' ? '“' : '”';
      let end = query.indexOf(close, i + 1);
      if (end < 0) end = query.length; // an unclosed quote runs to the end
      tokens.push({ type: 'phrase', text: query.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '(' || c === ')') {
      tokens.push(c === '(' ? { type: 'open' } : { type: 'close' });
      i++;
    } else {
      let end = i;
      while (end < query.length && !/[\s"«“„()]/.test(query[end]!)) end++;
      const text = query.slice(i, end);
      const op = Object.hasOwn(OPERATORS, text) ? OPERATORS[text] : undefined; // not `constructor`
      if (op) tokens.push({ type: 'op', op, text });
      else tokens.push({ type: 'word', text: text.replace(/\*+$/, ''), prefix: text.endsWith('*') });
      i = end;
    }
  }
  return tokens;
}

const keysOfText = (text: string): string[] => wordsOf(foldForSearch(text)).map((w) => w.key);

/** A word or phrase as a leaf, or null when it holds no word at all (punctuation, a lone `*`). */
function leafOf(token: Token & { type: 'word' | 'phrase' }): Leaf | null {
  const keys = keysOfText(token.text);
  if (keys.length === 0) return null;
  if (token.type === 'phrase') return { kind: 'exact', keys };
  if (token.prefix) return { kind: 'prefix', keys };
  const stems = keys.map(stemOf);
  return { kind: 'stem', stems, alternative: keys.length === 1 && keys[0] !== stems[0] ? keys[0]! : null };
}

class Parser {
  private at = 0;
  private readonly tokens: Token[];

  constructor(private readonly query: string) {
    // Words without letters or digits (a dash, `№`, a lone `*`) are dropped before parsing.
    this.tokens = lex(query).filter((t) => !((t.type === 'word' || t.type === 'phrase') && keysOfText(t.text).length === 0));
  }

  parse(): Node {
    if (!this.tokens.some((t) => t.type === 'word' || t.type === 'phrase')) throw invalid('Type a word to search for.', this.query);
    const node = this.or();
    const rest = this.tokens[this.at];
    if (rest?.type === 'close') throw invalid('There is a closing bracket “)” without an opening one before it.', this.query);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private or(): Node {
    let node = this.and();
    for (let t = this.peek(); t?.type === 'op' && t.op === 'or'; t = this.peek()) {
      this.at++;
      node = { kind: 'or', left: node, right: this.operand(t) };
    }
    return node;
  }

  private and(): Node {
    let node = this.not();
    for (let t = this.peek(); t && (t.type === 'word' || t.type === 'phrase' || t.type === 'open' || (t.type === 'op' && t.op === 'and')); t = this.peek()) {
      if (t.type === 'op') this.at++;
      node = { kind: 'and', left: node, right: t.type === 'op' ? this.operand(t, 'not') : this.not() };
    }
    return node;
  }

  private not(): Node {
    let node = this.primary();
    for (let t = this.peek(); t?.type === 'op' && t.op === 'not'; t = this.peek()) {
      this.at++;
      node = { kind: 'not', left: node, right: this.operand(t, 'primary') };
    }
    return node;
  }

  /** What follows an operator; a clear message when nothing does. */
  private operand(op: Token & { type: 'op' }, level: 'and' | 'not' | 'primary' = 'and'): Node {
    const next = this.peek();
    if (!next || next.type === 'close' || next.type === 'op') throw this.missing(op);
    return level === 'and' ? this.and() : level === 'not' ? this.not() : this.primary();
  }

  private missing(op: Token & { type: 'op' }): QuireError {
    const example = op.op === 'not' ? 'завод NOT цех' : op.op === 'or' ? 'завод OR фабрика' : 'завод AND зарплата';
    const what = op.op === 'not' ? 'finds passages with what comes before it but without what comes after it' : op.op === 'or' ? 'finds passages with either side' : 'finds passages with both sides';
    return invalid(
      `“${op.text}” ${what}, so it needs a word or phrase on each side, as in: ${example}. To search for the word “${op.text.toLowerCase()}” itself, put it in quotes: "${op.text.toLowerCase()}".`,
      this.query,
    );
  }

  private primary(): Node {
    const t = this.peek();
    if (!t) throw invalid('The search ends too early: something is missing after the last word.', this.query);
    if (t.type === 'op') throw this.missing(t);
    if (t.type === 'close') throw invalid('There is a closing bracket “)” without an opening one before it, or empty brackets.', this.query);
    this.at++;
    if (t.type === 'open') {
      const next = this.peek();
      if (!next) throw invalid('A bracket “(” is opened but not closed.', this.query);
      if (next.type === 'close') throw invalid('There is nothing between the brackets “( )”.', this.query);
      const node = this.or();
      if (this.peek()?.type !== 'close') throw invalid('A bracket “(” is opened but not closed.', this.query);
      this.at++;
      return node;
    }
    return leafOf(t)!; // words without letters were dropped in the constructor
  }
}

/** Parses the words-mode syntax; a mistake is a QuireError saying what is wrong, in plain words. */
export function parseWordsQuery(query: string): Node {
  return new Parser(query).parse();
}

/** An FTS5 string: the text in double quotes, inner quotes doubled. */
const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** SQL giving the rowids of `search_words` that may match, and its parameters. */
export interface Candidates {
  readonly sql: string;
  readonly params: readonly string[];
  /** True when every row it gives does match (no phrase or hyphenated word to check in the text). */
  readonly exact: boolean;
}

/** One FTS5 lookup, the MATCH expression bound as a parameter. */
const fts = (): string => 'SELECT rowid AS id FROM search_words WHERE search_words MATCH ?';

/**
 * The rows with a word of the vocabulary having one of these stems: the MATCH expression, an OR
 * of those words, is made by SQL from `search_terms` (an empty phrase when there are none, which
 * matches nothing).
 */
const byStem = (count: number): string =>
  `SELECT rowid AS id FROM search_words WHERE search_words MATCH (SELECT coalesce(group_concat('"' || replace(term, '"', '""') || '"', ' OR '), '""') FROM search_terms WHERE stem IN (${Array.from({ length: count }, () => '?').join(', ')}))`;

function leafCandidates(leaf: Leaf): Candidates {
  if (leaf.kind === 'stem') {
    const lookups = leaf.stems.map((stem, i) => (i === 0 && leaf.alternative !== null ? { sql: byStem(2), params: [stem, leaf.alternative] } : { sql: byStem(1), params: [stem] }));
    return { sql: lookups.map((l) => `SELECT id FROM (${l.sql})`).join(' INTERSECT '), params: lookups.flatMap((l) => l.params), exact: leaf.stems.length === 1 };
  }
  const last = leaf.keys.length - 1;
  const match = leaf.keys.map((k, i) => (leaf.kind === 'prefix' && i === last ? `${quote(k)} *` : quote(k))).join(' AND ');
  return { sql: fts(), params: [match], exact: leaf.keys.length === 1 };
}

/**
 * The rows that may match a query: the FTS5 lookups of its words, combined as the query says
 * (INTERSECT, UNION, EXCEPT). A NOT whose right side is not exact (a phrase) is left to the
 * matcher, since leaving rows out on a guess could lose hits.
 */
export function candidates(node: Node): Candidates {
  if (node.kind === 'stem' || node.kind === 'exact' || node.kind === 'prefix') return leafCandidates(node);
  const left = candidates(node.left);
  const right = candidates(node.right);
  if (node.kind === 'not' && !right.exact) return { ...left, exact: false };
  const op = node.kind === 'and' ? 'INTERSECT' : node.kind === 'or' ? 'UNION' : 'EXCEPT';
  return { sql: `SELECT id FROM (${left.sql}) ${op} SELECT id FROM (${right.sql})`, params: [...left.params, ...right.params], exact: left.exact && right.exact };
}

const W = '\\p{L}\\p{N}\\p{M}\\p{Co}';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Latin letters with diacritics or marks: such a row is read word by word, as the index does. */
const NEEDS_PLAIN = /[\u00c0-\u024f\u1e00-\u1eff\p{M}]/u;

type Span = [number, number];

/** Where one leaf occurs in a folded text, as [start, end) offsets. */
interface LeafFinder {
  find(body: string): Span[];
}

/**
 * Finds a leaf with a regular expression over the folded text, which is quick. A stem is looked
 * for among the words beginning with its first letter (stemmers change endings, never the start).
 */
function regexFinder(leaf: Leaf): LeafFinder | null {
  if (leaf.kind === 'stem') {
    if (leaf.stems.length !== 1) return null;
    const stem = leaf.stems[0]!;
    const first = [...stem][0]!;
    const words = new RegExp(`(?<![${W}])${escape(first)}[${W}]*`, 'gu');
    return {
      find: (body) => {
        const found: Span[] = [];
        for (const m of body.matchAll(words)) {
          const s = stemOf(m[0]);
          if (s === stem || s === leaf.alternative) found.push([m.index, m.index + m[0].length]);
        }
        return found;
      },
    };
  }
  const last = leaf.keys.length - 1;
  const source = leaf.keys.map((k, i) => escape(k) + (leaf.kind === 'prefix' && i === last ? `[${W}]*` : '')).join(`[^${W}]+`);
  const phrase = new RegExp(`(?<![${W}])${source}(?![${W}])`, 'gu');
  return { find: (body) => [...body.matchAll(phrase)].map((m): Span => [m.index, m.index + m[0].length]) };
}

/** Finds a leaf word by word: for hyphenated words, and for texts with diacritics or marks. */
function wordFinder(leaf: Leaf): LeafFinder {
  const parts = leaf.kind === 'stem' ? leaf.stems : leaf.keys;
  const n = parts.length;
  return {
    find: (body) => {
      const words = wordsOf(body);
      const found: Span[] = [];
      for (let i = 0; i + n <= words.length; i++) {
        let ok = true;
        for (let j = 0; j < n && ok; j++) {
          const key = words[i + j]!.key;
          if (leaf.kind === 'stem') {
            const s = stemOf(key);
            ok = s === parts[j] || (n === 1 && s === leaf.alternative);
          } else ok = leaf.kind === 'prefix' && j === n - 1 ? key.startsWith(parts[j]!) : key === parts[j];
        }
        if (ok) found.push([words[i]!.start, words[i + n - 1]!.end]);
      }
      return found;
    },
  };
}

/** Sorted, with overlapping spans merged (`завод* заводе` marks one word once). */
function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/**
 * Decides whether a row's folded text matches a parsed query, and where: the spans of the words
 * it was found by (those after a NOT are never marked). Null when it does not match.
 */
export class RowMatcher {
  private readonly fast = new Map<Leaf, LeafFinder>();
  private readonly slow = new Map<Leaf, LeafFinder>();

  constructor(private readonly tree: Node) {}

  spans(body: string): Span[] | null {
    const plain = !NEEDS_PLAIN.test(body);
    const found = new Map<Leaf, Span[]>();
    const of = (leaf: Leaf): Span[] => {
      let spans = found.get(leaf);
      if (!spans) {
        spans = this.finder(leaf, plain).find(body);
        found.set(leaf, spans);
      }
      return spans;
    };
    const holds = (node: Node): boolean => {
      switch (node.kind) {
        case 'and':
          return holds(node.left) && holds(node.right);
        case 'or': {
          // Both sides, so that every word the row was found by is marked.
          const left = holds(node.left);
          return holds(node.right) || left;
        }
        case 'not':
          return holds(node.left) && !holds(node.right);
        default:
          return of(node).length > 0;
      }
    };
    if (!holds(this.tree)) return null;
    return merge(positiveLeaves(this.tree).flatMap((leaf) => found.get(leaf) ?? []));
  }

  private finder(leaf: Leaf, plain: boolean): LeafFinder {
    const cache = plain ? this.fast : this.slow;
    let finder = cache.get(leaf);
    if (!finder) {
      finder = (plain ? regexFinder(leaf) : null) ?? wordFinder(leaf);
      cache.set(leaf, finder);
    }
    return finder;
  }
}

/** The leaves a passage is found by (not those after a NOT): the words to mark in it. */
export function positiveLeaves(node: Node, into: Leaf[] = []): Leaf[] {
  if (node.kind === 'stem' || node.kind === 'exact' || node.kind === 'prefix') into.push(node);
  else {
    positiveLeaves(node.left, into);
    if (node.kind !== 'not') positiveLeaves(node.right, into);
  }
  return into;
}

/** The text of a substring search, folded, or a clear error when it is too short to look up. */
export function substringNeedle(query: string): string {
  const needle = foldForSearch(query.trim());
  if ([...needle].length < 3) {
    throw invalid('Searching inside words needs at least 3 characters: type a longer piece of text, or search for whole words instead.', query);
  }
  return needle;
}

/** A piece of a substring's words matching more words of the vocabulary than this narrows nothing. */
export const SUBSTRING_TERMS = 1000;

/**
 * The rows that may hold a substring, found through its words. Each run of letters in it is a
 * whole word when something else stands on both sides of it, the start of a word when only on the
 * left, the end of a word when only on the right, and any part of a word otherwise: `от и п`
 * is the end of a word, the word `и`, and the start of a word. Whole words and starts are looked
 * up in `search_words` directly; ends and parts are first found in the vocabulary by its trigrams
 * (when they have 3 characters or more, and match fewer than `SUBSTRING_TERMS` words). Pieces that
 * narrow nothing are left out, and a substring without any (punctuation) reads every row.
 */
export function substringCandidates(raw: BetterSqlite3.Database, needle: string): Candidates {
  const clauses: string[] = [];
  for (const word of wordsOf(needle)) {
    const left = word.start > 0;
    const right = word.end < needle.length;
    if (left && right) clauses.push(quote(word.key));
    else if (left) clauses.push(`${quote(word.key)} *`);
    else {
      const terms = termsContaining(raw, word.key, right ? 'end' : 'inside');
      if (terms === null) continue;
      if (terms.length === 0) return { sql: 'SELECT NULL AS id WHERE 0', params: [], exact: true };
      clauses.push(`(${terms.map(quote).join(' OR ')})`);
    }
  }
  if (clauses.length === 0) {
    // Every row of every source, in order: its runs of rowids counted out.
    return { sql: 'WITH RECURSIVE every(id, last) AS (SELECT id, id + rows - 1 FROM search_sources UNION ALL SELECT id + 1, last FROM every WHERE id < last) SELECT id FROM every', params: [], exact: false };
  }
  return { sql: fts(), params: [clauses.join(' AND ')], exact: false };
}

/**
 * Words of the vocabulary ending with `piece` or containing it, by the vocabulary's trigrams;
 * null when that would narrow nothing (fewer than 3 characters, or too many words).
 */
function termsContaining(raw: BetterSqlite3.Database, piece: string, where: 'end' | 'inside'): string[] | null {
  const chars = [...piece];
  if (chars.length < 3) return null;
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) trigrams.add(chars.slice(i, i + 3).join(''));
  const terms = raw
    .prepare('SELECT term FROM search_terms WHERE id IN (SELECT rowid FROM search_term_trigrams WHERE search_term_trigrams MATCH ?)')
    .pluck()
    .all([...trigrams].map(quote).join(' AND ')) as string[];
  const found = terms.filter((t) => (where === 'end' ? t.endsWith(piece) : t.includes(piece)));
  return found.length > SUBSTRING_TERMS ? null : found;
}

/** Every occurrence of `needle` in `body`, not overlapping, as [start, end) offsets. */
export function findSubstrings(body: string, needle: string): Span[] {
  const found: Span[] = [];
  for (let at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + needle.length)) found.push([at, at + needle.length]);
  return found;
}
