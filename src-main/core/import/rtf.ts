/**
 * Rich Text Format (.rtf), read in-house: the npm RTF readers mishandle `\uN` skip counts.
 *
 * The interpreter keeps a stack of group states (inherited from the enclosing group, restored
 * at `}`), and writes text from the body only:
 *
 * - `\'hh` bytes are decoded in the codepage of the current font (`\fcharset204` → Windows-1251),
 *   else the document's `\ansicpgNNNN`; consecutive bytes are decoded together, so double-byte
 *   codepages work too;
 * - `\uN` is a UTF-16 code unit, followed by `\ucN` (default 1) fallback characters to skip;
 * - destinations that are not running text are skipped: anything starting `{\*…`, the font,
 *   colour and style tables, document info (its `\title` is kept as the title), pictures,
 *   headers and footers, field instructions (field results are kept), list numbering text,
 *   comments, and hidden or deleted text; footnotes move to the end, as in DOCX;
 * - `\par`, `\line`, `\page`, `\sect` end a paragraph; `\tab` is a tab; `\cell`/`\row` make one
 *   "cell | cell" paragraph per table row.
 *
 * Malformed input never throws anything but a QuireError: a stray `}` or a file cut short is
 * read as far as it goes, with a warning; nesting deeper than `maxRtfDepth` is refused.
 */
import { normalizeText } from '../../../src-shared/text';
import { importError, plural } from './errors';
import type { ImportLimits } from './limits';
import { RtfTokenizer } from './rtf-tokenizer';
import type { RtfToken } from './rtf-tokenizer';
import { CELL_SEPARATOR, TextBuilder } from './text-builder';
import type { ExtractedDocument } from './types';

type Destination = 'body' | 'skip' | 'fonttbl' | 'info' | 'title' | 'footnote';

interface GroupState {
  destination: Destination;
  /** Fallback characters to skip after `\uN`. */
  uc: number;
  font: number | null;
  hidden: boolean;
  inTable: boolean;
  /** Index into `notes` when inside a footnote. */
  note: number;
}

/** Destinations whose content is never running text. */
const SKIPPED_DESTINATIONS = new Set([
  'colortbl', 'stylesheet', 'pict', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf',
  'fldinst', 'pntext', 'pntxta', 'pntxtb', 'listtext', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'themedata',
  'colorschememapping', 'datastore', 'latentstyles', 'xmlnstbl', 'pgdsctbl', 'filetbl', 'revtbl', 'annotation', 'atnid',
  'atnauthor', 'atndate', 'atnref', 'atrfstart', 'atrfend', 'bkmkstart', 'bkmkend', 'xe', 'tc', 'txe', 'template',
  'docvar', 'userprops', 'objdata', 'objclass', 'objname', 'shpinst', 'nonshppict', 'macpict', 'wmetafile', 'dibitmap',
  'wbitmap', 'blipuid', 'sp', 'sn', 'sv', 'mmathPr', 'passwordhash', 'ftnsep', 'ftnsepc', 'ftncn', 'aftnsep',
  'aftnsepc', 'aftncn', 'private', 'buptim', 'fchars', 'lchars', 'ud', 'upr', 'operator', 'author', 'keywords',
  'subject', 'comment', 'doccomm', 'category', 'company', 'manager', 'hlinkbase',
]);

/** Windows charset numbers (`\fcharsetN`) → codepages. */
const CHARSET_CODEPAGES: Readonly<Record<number, number>> = {
  0: 1252, 2: 1252, 77: 10000, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255,
  178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250, 255: 437,
};

/** Codepage numbers → WHATWG encoding labels that TextDecoder knows. */
function codepageLabel(codepage: number): string | null {
  if (codepage >= 1250 && codepage <= 1258) return `windows-${codepage}`;
  const known: Readonly<Record<number, string>> = {
    874: 'windows-874', 866: 'ibm866', 20866: 'koi8-r', 21866: 'koi8-u', 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr',
    950: 'big5', 10000: 'macintosh', 10007: 'x-mac-cyrillic', 28591: 'iso-8859-1', 28592: 'iso-8859-2', 28595: 'iso-8859-5',
    65001: 'utf-8', 54936: 'gb18030',
  };
  return known[codepage] ?? null;
}

const SPECIAL_WORDS: Readonly<Record<string, string>> = {
  emdash: '—', endash: '–', emspace: '\u2003', enspace: '\u2002', qmspace: '\u2005', bullet: '•', lquote: '‘',
  rquote: '’', ldblquote: '“', rdblquote: '”', zwj: '\u200d', zwnj: '\u200c',
};

export function extractRtf(bytes: Uint8Array, fileName: string, limits: ImportLimits): ExtractedDocument {
  const reader = new RtfReader(bytes, fileName, limits);
  return reader.read();
}

class RtfReader {
  private readonly tokens: RtfTokenizer;
  private readonly out: TextBuilder;
  private readonly title: TextBuilder;
  private readonly notes: TextBuilder[] = [];
  private readonly warnings = new Set<string>();
  private readonly stack: GroupState[] = [];
  /** Open groups, counting the outermost `{\rtf` group. */
  private depth = 0;
  private state: GroupState = { destination: 'body', uc: 1, font: null, hidden: false, inTable: false, note: -1 };
  private readonly fontCodepages = new Map<number, number>();
  private documentCodepage = 1252;
  private defaultFont: number | null = null;
  /** The font whose `\fcharset` is being read in the font table. */
  private fontBeingDefined: number | null = null;
  private pendingBytes: Uint8Array[] = [];
  private pendingCodepage = 1252;
  private skipChars = 0;
  private firstInGroup = false;
  private starred = false;
  private cell: TextBuilder | null = null;
  private rowCells: string[] = [];
  private images = 0;
  private comments = 0;
  private readonly decoders = new Map<string, InstanceType<typeof TextDecoder>>();

  constructor(
    bytes: Uint8Array,
    private readonly fileName: string,
    private readonly limits: ImportLimits,
  ) {
    this.tokens = new RtfTokenizer(bytes);
    this.out = new TextBuilder(fileName, limits.maxTextChars);
    this.title = new TextBuilder(fileName, limits.maxTextChars);
  }

  read(): ExtractedDocument {
    if (this.tokens.next()?.type !== 'open') throw importError(this.fileName, 'is not an RTF document: it does not start with "{\\rtf".');
    this.open();
    const rootState = this.stack[0]!;
    let ended = false;
    for (let token = this.tokens.next(); token !== null; token = this.tokens.next()) {
      if (ended) {
        if (token.type === 'text' && /^[\s\0]*$/.test(String.fromCharCode(...token.bytes.subarray(0, 64)))) continue;
        // The document's closing brace came too early (a stray '}'): read on as if it had not.
        this.warnings.add('The RTF file has unbalanced braces; Quire read what it could. Check the text.');
        ended = false;
        this.stack.push({ ...rootState });
        this.state = { ...rootState };
        this.depth = 1;
        if (token.type === 'close') continue;
      }
      this.handle(token);
      if (token.type === 'close' && this.depth === 0) ended = true;
    }
    this.flushBytes();
    if (!ended) this.warnings.add('The RTF file seems to be cut short; the text up to that point was imported. Check its end.');

    this.endRow();
    const body = this.out.finish();
    const notes = this.notes.map((n, i) => `[${i + 1}] ${n.finish().replace(/\n/g, ' ')}`).filter((n) => !/^\[\d+\] $/.test(n));
    const text = normalizeText([body, ...notes].filter((p) => p !== '').join('\n'));
    if (text.trim() === '') throw importError(this.fileName, 'contains no text (it may hold only pictures; those need OCR first).');
    if (notes.length > 0) this.warnings.add(`${plural(notes.length, 'footnote')} placed at the end of the text; the markers [1], [2]… show where they belong.`);
    if (this.images > 0) this.warnings.add(`${plural(this.images, 'picture')} left out; only text is imported.`);
    if (this.comments > 0) this.warnings.add(`${plural(this.comments, 'comment')} left out.`);
    const title = this.title.finish().replace(/\s+/g, ' ').trim();
    return { text, format: 'rtf', encoding: null, pages: [], warnings: [...this.warnings], title: title === '' ? null : title };
  }

  private open(): void {
    this.flushBytes();
    if (this.depth >= this.limits.maxRtfDepth) {
      throw importError(this.fileName, `nests groups more than ${this.limits.maxRtfDepth} deep, which real RTF documents do not. The file may be damaged.`);
    }
    this.stack.push(this.state);
    this.state = { ...this.state };
    this.depth++;
    this.firstInGroup = true;
    this.starred = false;
    this.skipChars = 0;
  }

  private close(): void {
    this.flushBytes();
    const previous = this.stack.pop();
    if (previous) this.state = previous;
    this.depth = Math.max(0, this.depth - 1);
    this.firstInGroup = false;
    this.starred = false;
    this.skipChars = 0;
  }

  private handle(token: RtfToken): void {
    switch (token.type) {
      case 'open':
        this.open();
        return;
      case 'close':
        this.close();
        return;
      case 'binary':
        this.flushBytes();
        this.firstInGroup = false;
        return;
      case 'symbol':
        if (token.char === '*' && this.firstInGroup) {
          this.starred = true;
          return;
        }
        this.notFirst();
        this.symbol(token.char);
        return;
      case 'word':
        this.word(token.word, token.param);
        return;
      case 'hex':
        this.notFirst();
        if (this.skipChars > 0) {
          this.skipChars--;
          return;
        }
        if (this.writes()) {
          const codepage = this.codepage();
          if (codepage !== this.pendingCodepage) this.flushBytes();
          this.pendingCodepage = codepage;
          this.pendingBytes.push(Uint8Array.of(token.byte));
        }
        return;
      case 'text':
        this.notFirst();
        this.text(token.bytes);
        return;
    }
  }

  /** A token that is not a destination keyword ends the chance to be one. */
  private notFirst(): void {
    if (this.firstInGroup && this.starred) this.state.destination = 'skip'; // "{\* text" is malformed: skip it
    this.firstInGroup = false;
  }

  private text(bytes: Uint8Array): void {
    let start = 0;
    while (this.skipChars > 0 && start < bytes.length) {
      this.skipChars--;
      start++;
    }
    if (start >= bytes.length) return;
    const rest = bytes.subarray(start);
    if (this.state.destination === 'fonttbl') return;
    if (!this.writes()) return;
    const codepage = this.codepage();
    if (codepage !== this.pendingCodepage) this.flushBytes();
    this.pendingCodepage = codepage;
    this.pendingBytes.push(rest);
  }

  private symbol(char: string): void {
    if (this.skipChars > 0) {
      this.skipChars--;
      return;
    }
    switch (char) {
      case '\\':
      case '{':
      case '}':
        this.emit(char);
        return;
      case '~':
        this.emit('\u00a0');
        return;
      case '_':
        this.emit('\u2011');
        return;
      case '-': // optional hyphen: invisible unless the line breaks there
      default:
        return;
    }
  }

  private word(word: string, param: number | null): void {
    if (this.firstInGroup) {
      this.firstInGroup = false;
      if (this.destination(word)) return;
    }
    if (word === 'u' && param !== null) {
      if (this.skipChars > 0) this.skipChars = 0;
      this.emit(String.fromCharCode(param < 0 ? param + 65536 : param & 0xffff));
      this.skipChars = this.state.uc;
      return;
    }
    if (this.skipChars > 0) {
      this.skipChars--;
      return;
    }
    switch (word) {
      case 'uc':
        this.state.uc = Math.max(0, Math.min(param ?? 1, 10));
        return;
      case 'ansicpg':
        if (param !== null && codepageLabel(param)) this.documentCodepage = param;
        return;
      case 'mac':
        this.documentCodepage = 10000;
        return;
      case 'pc':
        this.documentCodepage = 437;
        return;
      case 'pca':
        this.documentCodepage = 850;
        return;
      case 'deff':
        this.defaultFont = param;
        return;
      case 'f':
        this.flushBytes();
        if (this.state.destination === 'fonttbl') this.fontBeingDefined = param;
        else this.state.font = param;
        return;
      case 'fcharset':
        if (this.state.destination === 'fonttbl' && this.fontBeingDefined !== null && param !== null) {
          const codepage = CHARSET_CODEPAGES[param];
          if (codepage !== undefined && !this.fontCodepages.has(this.fontBeingDefined)) this.fontCodepages.set(this.fontBeingDefined, codepage);
        }
        return;
      case 'cpg':
        if (this.state.destination === 'fonttbl' && this.fontBeingDefined !== null && param !== null && codepageLabel(param)) {
          this.fontCodepages.set(this.fontBeingDefined, param);
        }
        return;
      case 'v':
      case 'deleted':
        this.flushBytes();
        this.state.hidden = param !== 0;
        return;
      case 'plain':
        this.flushBytes();
        this.state.hidden = false;
        return;
      case 'intbl':
        this.flushBytes();
        this.state.inTable = true;
        return;
      case 'pard':
        this.flushBytes();
        this.state.inTable = false;
        return;
      case 'par':
      case 'line':
      case 'sect':
      case 'page':
        this.breakParagraph();
        return;
      case 'tab':
        this.emit('\t');
        return;
      case 'cell':
        this.endCell();
        return;
      case 'nestcell':
        this.emit(' ');
        return;
      case 'row':
        this.endRow();
        return;
      case 'chftn':
        return; // the footnote number; the reader writes its own [n] marker
      default: {
        const special = SPECIAL_WORDS[word];
        if (special !== undefined) this.emit(special);
      }
    }
  }

  /** Handles a group's first control word; true if it was a destination. */
  private destination(word: string): boolean {
    const state = this.state;
    if (state.destination === 'skip') return true;
    if (word === 'fonttbl') state.destination = 'fonttbl';
    else if (word === 'info') state.destination = 'info';
    else if (word === 'title' && state.destination === 'info') state.destination = 'title';
    else if (word === 'footnote' && state.destination === 'body') {
      this.flushBytes();
      this.notes.push(new TextBuilder(this.fileName, this.limits.maxTextChars));
      this.emitTo(this.target(), `[${this.notes.length}]`);
      state.destination = 'footnote';
      state.note = this.notes.length - 1;
      state.inTable = false;
    } else if (SKIPPED_DESTINATIONS.has(word) || this.starred) {
      if (word === 'pict' || word === 'shppict') this.images++;
      if (word === 'annotation') this.comments++;
      state.destination = 'skip';
    } else {
      if (state.destination === 'info') state.destination = 'skip';
      return false; // an ordinary control word at a group's start, e.g. {\b bold}
    }
    return true;
  }

  /** Whether text in the current state is written anywhere. */
  private writes(): boolean {
    const d = this.state.destination;
    return !this.state.hidden && (d === 'body' || d === 'title' || d === 'footnote');
  }

  private codepage(): number {
    const font = this.state.font ?? this.defaultFont;
    return (font !== null ? this.fontCodepages.get(font) : undefined) ?? this.documentCodepage;
  }

  private target(): TextBuilder {
    const d = this.state.destination;
    if (d === 'title') return this.title;
    if (d === 'footnote') return this.notes[this.state.note] ?? this.out;
    if (this.state.inTable) {
      if (!this.cell) {
        this.out.paragraph();
        this.cell = new TextBuilder(this.fileName, this.limits.maxTextChars);
      }
      return this.cell;
    }
    if (this.cell || this.rowCells.length > 0) this.endRow();
    return this.out;
  }

  private emit(text: string): void {
    if (!this.writes()) return;
    this.flushBytes();
    this.emitTo(this.target(), text);
  }

  private emitTo(target: TextBuilder, text: string): void {
    target.literal(text);
  }

  private flushBytes(): void {
    if (this.pendingBytes.length === 0) return;
    const bytes = Buffer.concat(this.pendingBytes);
    this.pendingBytes = [];
    const text = this.decoder(this.pendingCodepage).decode(bytes);
    if (this.writes()) this.emitTo(this.target(), text);
  }

  private decoder(codepage: number): InstanceType<typeof TextDecoder> {
    const label = codepageLabel(codepage) ?? 'windows-1252';
    let decoder = this.decoders.get(label);
    if (!decoder) {
      try {
        decoder = new TextDecoder(label);
      } catch {
        decoder = new TextDecoder('windows-1252');
      }
      if (codepageLabel(codepage) === null) this.warnings.add(`The RTF file uses codepage ${codepage}, which Quire cannot read; some letters may be wrong.`);
      this.decoders.set(label, decoder);
    }
    return decoder;
  }

  private breakParagraph(): void {
    this.flushBytes();
    if (!this.writes()) return;
    const target = this.target();
    if (target === this.out) target.paragraph();
    else if (this.state.destination === 'footnote' || target === this.cell) target.literal(' ');
  }

  private endCell(): void {
    this.flushBytes();
    if (this.state.destination !== 'body') return;
    this.rowCells.push((this.cell?.finish() ?? '').replace(/\n/g, ' ').trim());
    this.cell = new TextBuilder(this.fileName, this.limits.maxTextChars);
  }

  private endRow(): void {
    this.flushBytes();
    const last = this.cell?.finish().replace(/\n/g, ' ').trim() ?? '';
    if (last !== '') this.rowCells.push(last);
    this.cell = null;
    const cells = this.rowCells;
    this.rowCells = [];
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) return;
    this.out.paragraph();
    this.out.literal(cells.join(CELL_SEPARATOR));
    this.out.paragraph();
  }
}
