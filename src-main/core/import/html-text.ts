/**
 * HTML → canonical text, for web pages and for mammoth's rendering of DOCX.
 *
 * sanitize-html (a real HTML parser) does the hard part first: it drops scripts, styles and other
 * non-text elements *with their content*, removes every attribute and every tag not listed below,
 * and decodes entities. Its output is therefore a small, well-formed vocabulary (`<p>`, `</p>`,
 * `<br />` and text in which only `&amp;`, `&lt;` and `&gt;` are escaped), which a simple tokenizer
 * can walk safely to turn block elements into paragraphs and table rows into "cell | cell" lines.
 */
import sanitizeHtml from 'sanitize-html';
import { CELL_SEPARATOR, TextBuilder } from './text-builder';

/** Elements that start and end a paragraph. */
const BLOCKS = [
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'legend', 'li', 'main', 'nav',
  'ol', 'p', 'section', 'summary', 'ul', 'body',
];
const TABLE = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'];
const KEPT_TAGS = [...BLOCKS, ...TABLE, 'pre', 'br'];

/** Elements whose content is never text a researcher wrote. */
const NON_TEXT = ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'svg', 'math', 'iframe', 'object', 'select', 'button'];

const BLOCK_SET = new Set(BLOCKS);

export interface HtmlText {
  readonly text: string;
  readonly title: string | null;
}

export function htmlToText(html: string, fileName: string, maxChars: number): HtmlText {
  const clean = sanitizeHtml(html, { allowedTags: KEPT_TAGS, allowedAttributes: {}, nonTextTags: NON_TEXT, disallowedTagsMode: 'discard' });
  const out = new TextBuilder(fileName, maxChars);
  /** Nesting of table cells: rows become paragraphs only in the outermost table. */
  let cellDepth = 0;
  let preDepth = 0;
  let rowCells: string[] | null = null;
  let cell: TextBuilder | null = null;
  const target = (): TextBuilder => cell ?? out;

  const token = /<(\/?)([a-z0-9]+)\s*\/?>|([^<]+)/g;
  for (let m = token.exec(clean); m !== null; m = token.exec(clean)) {
    const [, closing, tag, text] = m;
    if (text !== undefined) {
      const decoded = decodeEscapes(text);
      if (preDepth > 0) writePre(target(), decoded);
      else target().flow(decoded);
      continue;
    }
    const name = tag!;
    const isClose = closing === '/';
    if (name === 'br') {
      if (cell) cell.flow(' ');
      else out.paragraph();
    } else if (name === 'pre') {
      preDepth += isClose ? -1 : 1;
      if (preDepth < 0) preDepth = 0;
      if (cell) cell.flow(' ');
      else out.paragraph();
    } else if (name === 'td' || name === 'th') {
      if (!isClose) {
        cellDepth++;
        if (cellDepth === 1) cell = new TextBuilder(fileName, maxChars);
        else cell?.flow(' ');
      } else if (cellDepth > 0) {
        cellDepth--;
        if (cellDepth === 0 && cell) {
          (rowCells ??= []).push(cell.finish().replace(/\n/g, ' '));
          cell = null;
        }
      }
    } else if (name === 'tr') {
      if (cellDepth > 0) {
        cell?.flow(' ');
      } else if (!isClose) {
        out.paragraph();
        rowCells = [];
      } else {
        emitRow(out, rowCells);
        rowCells = null;
      }
    } else if (name === 'table' || name === 'thead' || name === 'tbody' || name === 'tfoot') {
      if (cellDepth > 0) cell?.flow(' ');
      else {
        emitRow(out, rowCells);
        rowCells = null;
        out.paragraph();
      }
    } else if (BLOCK_SET.has(name)) {
      if (cell) cell.flow(' ');
      else out.paragraph();
    }
  }
  if (cell) (rowCells ??= []).push(cell.finish().replace(/\n/g, ' '));
  emitRow(out, rowCells);
  return { text: out.finish(), title: findTitle(html) };
}

function emitRow(out: TextBuilder, cells: string[] | null): void {
  const trimmed = (cells ?? []).map((c) => c.trim());
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop(); // empty cells at the end say nothing
  if (trimmed.length === 0) return;
  out.paragraph();
  out.literal(trimmed.join(CELL_SEPARATOR));
  out.paragraph();
}

/** Preformatted text keeps its spaces; its line breaks become paragraph breaks. */
function writePre(target: TextBuilder, text: string): void {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, i) => {
    if (i > 0) target.paragraph();
    target.literal(line);
  });
}

/** Undoes the only escapes sanitize-html leaves in text. */
function decodeEscapes(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

/** The page's `<title>`, decoded and with its whitespace collapsed, or null. */
function findTitle(html: string): string | null {
  const match = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html.slice(0, 200_000));
  if (!match) return null;
  const text = decodeEscapes(sanitizeHtml(match[1]!, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text;
}
