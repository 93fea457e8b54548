/**
 * OpenDocument text (.odt, LibreOffice and Google Docs' export), read in-house: there is no
 * maintained library. `content.xml` is walked in document order: headings and paragraphs become
 * paragraphs; spans and links are transparent; `text:s` (with its `text:c` count), `text:tab`
 * and `text:line-break` become spaces, tabs and paragraph breaks; list items are paragraphs;
 * each table row is one "cell | cell" paragraph; footnotes and endnotes are moved to the end (as
 * the DOCX reader does); comments, tracked deletions and tables of contents are left out.
 * The title comes from meta.xml.
 */
import { normalizeText } from '../../../src-shared/text';
import { importError, plural } from './errors';
import type { ImportLimits } from './limits';
import { CELL_SEPARATOR, TextBuilder } from './text-builder';
import type { ExtractedDocument } from './types';
import { attributeOf, childrenOf, MAX_NESTING, parseOrdered, parseSimple, tagOf, textAt } from './xml';
import type { OrderedNode } from './xml';
import type { ZipContents } from './zip';

export const ODT_FORMAT_NAME = 'an OpenDocument text (ODT)';
export const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** Elements whose content is not part of the running text. */
const SKIPPED = new Set([
  'office:annotation', 'office:annotation-end', 'text:tracked-changes', 'text:table-of-content', 'text:illustration-index',
  'text:alphabetical-index', 'text:object-index', 'text:user-index', 'text:table-index', 'text:bibliography',
  'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls', 'office:forms', 'text:soft-page-break',
  'text:bookmark', 'text:bookmark-start', 'text:bookmark-end', 'text:reference-mark', 'text:change', 'text:change-start',
  'text:change-end', 'draw:image', 'svg:title', 'svg:desc', 'text:note-citation',
]);
const PARAGRAPHS = new Set(['text:p', 'text:h']);
/** The most times one repeated table cell is written out (a spreadsheet-like table repeats empty cells 1000 times). */
const MAX_CELL_REPEAT = 50;
const MAX_DEPTH = MAX_NESTING;

export function isOdtPart(name: string): boolean {
  return name === 'content.xml' || name === 'meta.xml' || name === 'mimetype';
}

export function extractOdt(fileName: string, zip: ZipContents, limits: ImportLimits): ExtractedDocument {
  const content = zip.files.get('content.xml');
  if (!content) {
    throw importError(fileName, `is not a complete OpenDocument file: the main text part is missing. Open it in LibreOffice, save it again, and import the new copy.`);
  }
  const tree = parseOrdered(content.toString('utf8'), fileName, 'content.xml');
  const walker = new OdtWalker(fileName, limits.maxTextChars);
  walker.walk(tree, 0);
  const body = walker.out.finish();
  const notes = walker.notes.map((n, i) => `[${i + 1}] ${n}`);
  const text = normalizeText([body, ...notes].filter((p) => p !== '').join('\n'));
  if (text === '') throw importError(fileName, 'contains no text (it may hold only pictures or scanned pages; those need OCR first).');
  const warnings: string[] = [];
  if (notes.length > 0) warnings.push(`${plural(notes.length, 'footnote')} placed at the end of the text; the markers [1], [2]… show where they belong.`);
  if (walker.images > 0) warnings.push(`${plural(walker.images, 'picture')} left out; only text is imported.`);
  if (walker.comments > 0) warnings.push(`${plural(walker.comments, 'comment')} left out.`);
  return { text, format: 'odt', encoding: null, pages: [], warnings, title: odtTitle(zip, fileName) };
}

class OdtWalker {
  readonly out: TextBuilder;
  readonly notes: string[] = [];
  images = 0;
  comments = 0;

  constructor(
    private readonly fileName: string,
    private readonly maxChars: number,
  ) {
    this.out = new TextBuilder(fileName, maxChars);
  }

  walk(nodes: readonly OrderedNode[], depth: number, target: TextBuilder = this.out): void {
    if (depth > MAX_DEPTH) throw importError(this.fileName, 'is nested too deeply to be a real document. Quire did not open it.');
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === null) {
        const text = node['#text'];
        if (typeof text === 'string' || typeof text === 'number') target.flow(String(text));
        continue;
      }
      this.element(node, tag, depth, target);
    }
  }

  private element(node: OrderedNode, tag: string, depth: number, target: TextBuilder): void {
    const children = childrenOf(node, tag);
    if (SKIPPED.has(tag)) {
      if (tag === 'office:annotation') this.comments++;
      if (tag === 'draw:image') this.images++;
      return;
    }
    switch (tag) {
      case 'text:s': {
        const count = Math.min(1000, Math.max(1, Number.parseInt(attributeOf(node, 'text:c') ?? '1', 10) || 1));
        target.literal(' '.repeat(count));
        return;
      }
      case 'text:tab':
        target.literal('\t');
        return;
      case 'text:line-break':
        if (target === this.out) target.paragraph();
        else target.flow(' ');
        return;
      case 'text:note': {
        const bodyNode = children.find((c) => tagOf(c) === 'text:note-body');
        const note = new TextBuilder(this.fileName, this.maxChars);
        if (bodyNode) this.walk(childrenOf(bodyNode, 'text:note-body'), depth + 1, note);
        const text = note.finish().replace(/\n/g, ' ');
        if (text !== '') {
          this.notes.push(text);
          target.literal(`[${this.notes.length}]`);
        }
        return;
      }
      case 'table:table':
        if (target === this.out) this.table(children, depth + 1);
        else this.walk(children, depth + 1, target);
        return;
      default:
        if (PARAGRAPHS.has(tag) || tag === 'text:list-item' || tag === 'text:list-header' || tag === 'draw:text-box') {
          if (target === this.out) target.paragraph();
          else target.flow(' ');
          this.walk(children, depth + 1, target);
          if (target === this.out) target.paragraph();
          else target.flow(' ');
          return;
        }
        // Spans, links, lists, sections, frames, ruby and unknown wrappers: their content flows on.
        this.walk(children, depth + 1, target);
    }
  }

  /** Each row, at any depth of header/row groups, becomes one paragraph of its cells. */
  private table(nodes: readonly OrderedNode[], depth: number): void {
    if (depth > MAX_DEPTH) throw importError(this.fileName, 'is nested too deeply to be a real document. Quire did not open it.');
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === null) continue;
      const children = childrenOf(node, tag);
      if (tag === 'table:table-row') {
        const cells: string[] = [];
        for (const cellNode of children) {
          const cellTag = tagOf(cellNode);
          if (cellTag !== 'table:table-cell') continue; // covered (merged) cells hold nothing
          const cell = new TextBuilder(this.fileName, this.maxChars);
          this.walk(childrenOf(cellNode, cellTag), depth + 1, cell);
          const text = cell.finish().replace(/\n/g, ' ');
          const repeat = Math.min(MAX_CELL_REPEAT, Math.max(1, Number.parseInt(attributeOf(cellNode, 'table:number-columns-repeated') ?? '1', 10) || 1));
          for (let i = 0; i < (text === '' ? 1 : repeat); i++) cells.push(text);
        }
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        if (cells.length > 0) {
          this.out.paragraph();
          this.out.literal(cells.join(CELL_SEPARATOR));
          this.out.paragraph();
        }
      } else if (tag.startsWith('table:')) {
        this.table(children, depth + 1); // header rows, row groups, columns (no text)
      }
    }
  }
}

function odtTitle(zip: ZipContents, fileName: string): string | null {
  const meta = zip.files.get('meta.xml');
  if (!meta) return null;
  try {
    return textAt(parseSimple(meta.toString('utf8'), fileName, 'meta.xml'), ['document-meta', 'meta', 'title']);
  } catch {
    return null;
  }
}
