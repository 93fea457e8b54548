/**
 * Rebuilds lines and paragraphs from the positioned text pieces of one PDF page. A PDF has no
 * paragraphs, only glyph runs at coordinates, and a paragraph per printed line would be useless
 * for coding. So:
 *
 * 1. pieces join into a line while their baselines agree (within half a font height) and pdf.js
 *    has not marked an end of line (`hasEOL`); a visible horizontal gap becomes a space;
 * 2. lines join into a paragraph unless something says a new one starts: a larger vertical gap
 *    than the page's usual line spacing, a change of font size (headings), a jump upwards or far
 *    down (columns, blocks), a first-line indent, a speaker label ("И:", "Respondent 2:"), or a
 *    clearly short previous line ending a sentence.
 *
 * Pure geometry, no pdf.js types, so it can be tested with made-up pieces.
 */
import { isSpeakerLabel } from '../../../src-shared/text';

export interface PositionedText {
  readonly str: string;
  /** Left edge and baseline, in PDF units (y grows upwards). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font height; 0 for pdf.js's empty end-of-line markers. */
  readonly height: number;
  readonly hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  height: number;
  left: number;
  right: number;
}

/**
 * The paragraphs of each page, in reading order as the PDF gives it. Line spacing and the text
 * block's edges are measured over the whole document: a page with two lines says little.
 */
export function layoutPages(pages: readonly (readonly PositionedText[])[]): string[][] {
  const lines = pages.map(buildLines);
  const all = lines.flat();
  if (all.length === 0) return pages.map(() => []);
  const spacing = usualSpacing(lines);
  const left = Math.min(...all.map((l) => l.left));
  const right = Math.max(...all.map((l) => l.right));
  return lines.map((pageLines) => joinLines(pageLines, { spacing, right, width: Math.max(1, right - left) }));
}

interface Block {
  /** The usual distance between baselines, relative to font height. */
  readonly spacing: number;
  readonly right: number;
  readonly width: number;
}

function buildLines(items: readonly PositionedText[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  let lastRight = 0;
  for (const item of items) {
    if (item.str !== '') {
      const height = Math.abs(item.height) || 1;
      if (line !== null && Math.abs(item.y - line.y) > 0.5 * Math.max(line.height, height)) line = endLine(lines, line);
      if (line !== null) {
        const gap = item.x - lastRight;
        if (gap > 0.2 * height && !/\s$/.test(line.text) && !/^\s/.test(item.str)) line.text += ' ';
      } else if (item.str.trim() !== '') {
        line = { text: '', y: item.y, height, left: item.x, right: item.x };
      }
      if (line !== null) {
        line.text += item.str;
        line.height = Math.max(line.height, height);
        line.left = Math.min(line.left, item.x);
        lastRight = item.x + item.width;
        line.right = Math.max(line.right, lastRight);
      }
    }
    if (item.hasEOL && line !== null) line = endLine(lines, line);
  }
  if (line !== null) endLine(lines, line);
  return lines;
}

/** Keeps a finished line if it has text; returns null for "no current line". */
function endLine(lines: Line[], line: Line): null {
  if (line.text.trim() !== '') lines.push({ ...line, text: line.text.replace(/\s+$/, '') });
  return null;
}

function joinLines(lines: readonly Line[], block: Block): string[] {
  if (lines.length === 0) return [];
  const paragraphs: string[] = [];
  let current = lines[0]!.text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    if (startsParagraph(prev, line, block)) {
      paragraphs.push(current);
      current = line.text;
    } else {
      current = joinLine(current, line.text);
    }
  }
  paragraphs.push(current);
  return paragraphs.map((p) => p.trim()).filter((p) => p !== '');
}

/** The document's ordinary distance between baselines, relative to font height. */
function usualSpacing(pages: readonly (readonly Line[])[]): number {
  const ratios: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1]!.y - lines[i]!.y;
      const height = Math.max(lines[i - 1]!.height, lines[i]!.height);
      if (gap > 0 && gap < 3 * height) ratios.push(gap / height);
    }
  }
  if (ratios.length === 0) return 1.2;
  ratios.sort((a, b) => a - b);
  // The lower quartile: most pairs of lines sit at ordinary spacing, some at paragraph spacing.
  return ratios[Math.floor((ratios.length - 1) / 4)]!;
}

function startsParagraph(prev: Line, line: Line, { spacing, right, width }: Block): boolean {
  const height = Math.max(prev.height, line.height);
  const gap = prev.y - line.y;
  if (gap <= 0 || gap > 3 * height) return true; // a jump up (new column) or far down (new block)
  if (gap / height > spacing * 1.3 + 0.05) return true; // extra space between paragraphs
  if (Math.abs(prev.height - line.height) > 0.2 * height) return true; // heading ↔ body
  if (line.left > prev.left + 0.8 * height) return true; // first-line indent
  if (startsWithSpeaker(line.text)) return true;
  const short = prev.right < right - 0.25 * width;
  return short && /[.!?…:;»"”)]$/.test(prev.text);
}

function startsWithSpeaker(text: string): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && colon <= 40 && isSpeakerLabel(text.slice(0, colon).trim());
}

/** Joins a wrapped line: a soft hyphen disappears, a hard hyphen stays without a space. */
function joinLine(paragraph: string, next: string): string {
  if (paragraph.endsWith('\u00ad')) return paragraph.slice(0, -1) + next;
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(next)) return paragraph + next;
  return `${paragraph} ${next}`;
}
