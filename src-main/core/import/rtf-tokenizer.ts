/**
 * Splits RTF bytes into tokens: group braces, control words (`\par`, `\u1055`, `\ansicpg1251`),
 * control symbols (`\~`, `\*`, `\{`), hex bytes (`\'e0`) and runs of plain bytes. RTF is 7-bit
 * ASCII with escapes, but sloppy writers also emit raw 8-bit bytes; those stay bytes and are
 * decoded later with the codepage in force. Every call to `next` consumes at least one byte, so
 * the tokenizer always terminates, whatever the input.
 */

export type RtfToken =
  | { readonly type: 'open' }
  | { readonly type: 'close' }
  | { readonly type: 'word'; readonly word: string; readonly param: number | null }
  | { readonly type: 'symbol'; readonly char: string }
  | { readonly type: 'hex'; readonly byte: number }
  | { readonly type: 'text'; readonly bytes: Uint8Array }
  /** A `\binN` payload, skipped. */
  | { readonly type: 'binary'; readonly length: number };

const BACKSLASH = 0x5c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const CR = 0x0d;
const LF = 0x0a;

const isLetter = (b: number): boolean => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;

function hexValue(b: number | undefined): number {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x61 + 10;
  if (b >= 0x41 && b <= 0x46) return b - 0x41 + 10;
  return -1;
}

export class RtfTokenizer {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get position(): number {
    return this.pos;
  }

  /** The next token, or null at the end of input. */
  next(): RtfToken | null {
    const bytes = this.bytes;
    // Line breaks in RTF source are not text; skip them between tokens.
    while (this.pos < bytes.length && (bytes[this.pos] === CR || bytes[this.pos] === LF)) this.pos++;
    if (this.pos >= bytes.length) return null;
    const b = bytes[this.pos]!;
    if (b === OPEN) {
      this.pos++;
      return { type: 'open' };
    }
    if (b === CLOSE) {
      this.pos++;
      return { type: 'close' };
    }
    if (b === BACKSLASH) return this.control();
    const start = this.pos;
    while (this.pos < bytes.length) {
      const c = bytes[this.pos]!;
      if (c === OPEN || c === CLOSE || c === BACKSLASH || c === CR || c === LF) break;
      this.pos++;
    }
    return { type: 'text', bytes: bytes.subarray(start, this.pos) };
  }

  private control(): RtfToken {
    const bytes = this.bytes;
    this.pos++; // the backslash
    const first = bytes[this.pos];
    if (first === undefined) return { type: 'text', bytes: new Uint8Array(0) }; // a lone trailing backslash
    if (!isLetter(first)) {
      this.pos++;
      if (first === 0x27) {
        // \'hh: one byte in the current codepage. A malformed escape yields nothing.
        const hi = hexValue(bytes[this.pos]);
        const lo = hexValue(bytes[this.pos + 1]);
        if (hi < 0 || lo < 0) return { type: 'text', bytes: new Uint8Array(0) };
        this.pos += 2;
        return { type: 'hex', byte: hi * 16 + lo };
      }
      // "\<newline>" is an old spelling of \par.
      if (first === CR || first === LF) return { type: 'word', word: 'par', param: null };
      return { type: 'symbol', char: String.fromCharCode(first) };
    }
    const wordStart = this.pos;
    while (this.pos < bytes.length && isLetter(bytes[this.pos]!) && this.pos - wordStart < 32) this.pos++;
    const word = String.fromCharCode(...bytes.subarray(wordStart, this.pos));
    let param: number | null = null;
    let negative = false;
    if (bytes[this.pos] === 0x2d && isDigit(bytes[this.pos + 1] ?? 0)) {
      negative = true;
      this.pos++;
    }
    if (isDigit(bytes[this.pos] ?? 0)) {
      let value = 0;
      let digits = 0;
      while (this.pos < bytes.length && isDigit(bytes[this.pos]!)) {
        if (digits < 10) value = value * 10 + (bytes[this.pos]! - 0x30);
        digits++;
        this.pos++;
      }
      param = negative ? -value : value;
    }
    // One space after a control word is its delimiter, not text.
    if (bytes[this.pos] === 0x20) this.pos++;
    if (word === 'bin' && param !== null && param > 0) {
      const length = Math.min(param, bytes.length - this.pos);
      this.pos += length;
      return { type: 'binary', length };
    }
    return { type: 'word', word, param };
  }
}
