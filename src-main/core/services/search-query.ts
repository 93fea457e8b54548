import { QuireError } from '../../../src-shared/contract/errors';
import { foldForSearch } from '../../../src-shared/text';
import { stemOf, wordsOf } from '../db/search-words';

/**
 * The syntax of a `words` search, parsed into a tree and written out as an FTS5 MATCH expression
 * in which every word is a quoted string: the user's text never reaches FTS5's own syntax, so no
 * query can cause an SQL error (`NEAR(`, `col:`, a lone `"` or `*` are words or punctuation here).
 *
 * - a word matches by its stem, in the `stems` column;
 * - `"a phrase"` matches those words in a row, exactly (`body`);
 * - `завод*` matches words beginning so (`body`);
 * - `AND`, `OR`, `NOT` and `И`, `ИЛИ`, `НЕ` in capitals; brackets; words side by side mean AND.
 *   `NOT` is "and not": it needs something before it, as in FTS5.
 */

export type Leaf =
  | { readonly kind: 'stem'; readonly stems: readonly string[] }
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
      const op = OPERATORS[text];
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
  return { kind: 'stem', stems: keys.map(stemOf) };
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

const quote = (parts: readonly string[]): string => `"${parts.join(' ').replace(/"/g, '""')}"`;

/** The FTS5 MATCH expression for a parsed query over the `search_words` table. */
export function toMatch(node: Node): string {
  switch (node.kind) {
    case 'stem':
      return `stems : ${quote(node.stems)}`;
    case 'exact':
      return `body : ${quote(node.keys)}`;
    case 'prefix':
      return `body : ${quote(node.keys)} *`;
    default:
      return `(${toMatch(node.left)} ${node.kind.toUpperCase()} ${toMatch(node.right)})`;
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

/** A row's words as the matcher needs them: keys always, stems when a leaf compares stems. */
export interface RowWords {
  readonly keys: readonly string[];
  readonly stems: readonly string[];
}

/**
 * Where the leaves occur among a row's words, as inclusive word-index ranges in order; ranges
 * that overlap (`завод* заводе`) are merged into one.
 */
export function matchWords(leaves: readonly Leaf[], words: RowWords): [number, number][] {
  const found: [number, number][] = [];
  for (const leaf of leaves) {
    const parts = leaf.kind === 'stem' ? leaf.stems : leaf.keys;
    const against = leaf.kind === 'stem' ? words.stems : words.keys;
    const n = parts.length;
    for (let i = 0; i + n <= against.length; i++) {
      let ok = true;
      for (let j = 0; j < n && ok; j++) {
        const word = against[i + j]!;
        ok = leaf.kind === 'prefix' && j === n - 1 ? word.startsWith(parts[j]!) : word === parts[j];
      }
      if (ok) found.push([i, i + n - 1]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The text of a substring search, folded, or a clear error when it is too short to look up. */
export function substringNeedle(query: string): string {
  const needle = foldForSearch(query.trim());
  if ([...needle].length < 3) {
    throw invalid('Searching inside words needs at least 3 characters: type a longer piece of text, or search for whole words instead.', query);
  }
  return needle;
}

/** The FTS5 MATCH expression of a substring search over the `search_trigrams` table. */
export const substringMatch = (needle: string): string => quote([needle]);

/** Every occurrence of `needle` in `body`, not overlapping, as [start, end) offsets. */
export function findSubstrings(body: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  for (let at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + needle.length)) found.push([at, at + needle.length]);
  return found;
}
