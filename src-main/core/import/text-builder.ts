/**
 * Collects the paragraphs of a structured document (HTML, DOCX, ODT, RTF) into canonical text.
 * Markup languages treat runs of spaces and newlines in the source as one space (`flow`), while
 * explicit spaces, tabs and preformatted text are kept as they are (`literal`); a paragraph break
 * ends the current paragraph, and empty paragraphs vanish. The result is joined with '\n' and
 * normalised, so offsets into it are final.
 */
import { normalizeText } from '../../../src-shared/text';
import { importError } from './errors';

/** Between the cells of a table row, which becomes one paragraph. */
export const CELL_SEPARATOR = ' | ';

export class TextBuilder {
  private readonly paragraphs: string[] = [];
  private current = '';
  private pendingSpace = false;
  private total = 0;

  constructor(
    private readonly fileName: string,
    private readonly maxChars: number,
  ) {}

  /** Source text whose whitespace runs collapse to one space, as in HTML and ODF. */
  flow(text: string): void {
    if (text === '') return;
    const collapsed = text.replace(/[ \t\n\r\f]+/g, ' ');
    if (collapsed === ' ') {
      if (this.current !== '') this.pendingSpace = true;
      return;
    }
    const body = collapsed.trim();
    if (collapsed.startsWith(' ') && this.current !== '') this.pendingSpace = true;
    this.put(body);
    this.pendingSpace = collapsed.endsWith(' ');
  }

  /** Text kept exactly (explicit spaces, tabs, preformatted text). */
  literal(text: string): void {
    if (text === '') return;
    this.put(text);
  }

  /** Ends the current paragraph; an empty one is dropped. */
  paragraph(): void {
    if (this.current.trim() !== '') this.paragraphs.push(this.current.trim());
    this.current = '';
    this.pendingSpace = false;
  }

  /** Whether the current paragraph has any text yet. */
  get atParagraphStart(): boolean {
    return this.current === '';
  }

  /** Canonical text: paragraphs joined with '\n' and normalised. */
  finish(): string {
    this.paragraph();
    return normalizeText(this.paragraphs.join('\n'));
  }

  private put(text: string): void {
    if (this.pendingSpace && this.current !== '') this.current += ' ';
    this.pendingSpace = false;
    this.current += text;
    this.total += text.length + 1;
    if (this.total > this.maxChars) {
      throw importError(this.fileName, `holds more text than Quire imports at once (over ${this.maxChars.toLocaleString('en')} characters). Split it into smaller documents.`);
    }
  }
}
