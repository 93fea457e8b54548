/**
 * Meeting minutes as a Word document. The minutes are Markdown (generated, or edited by hand in
 * the meeting screen), so the document is read from that Markdown: headings, quotes, bullet
 * lists, paragraphs, bold and italics — the forms the minutes use and a person editing them types.
 */
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { packDocx } from './docx';

const HEADINGS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5] as const;

const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Runs of one line of Markdown: `**bold**`, `_italic_` or `*italic*`, and `\`-escaped characters printed as they are. */
export function inlineRuns(text: string, breakBefore = false): TextRun[] {
  const runs: TextRun[] = [];
  let bold = false;
  let italics = false;
  let current = '';
  let first = breakBefore;
  const flush = (): void => {
    if (current === '') return;
    runs.push(new TextRun({ text: current, bold, italics, ...(first ? { break: 1 } : {}) }));
    first = false;
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else if (c === '*' && text[i + 1] === '*') {
      flush();
      bold = !bold;
      i++;
    } else if ((c === '*' || c === '_') && !(isWord(text[i - 1]) && isWord(text[i + 1]))) {
      flush();
      italics = !italics;
    } else {
      current += c;
    }
  }
  flush();
  if (first) runs.push(new TextRun({ text: '', break: 1 }));
  return runs;
}

/** The paragraphs of a Markdown text: lines up to a blank line make one paragraph. */
export function markdownParagraphs(markdown: string): Paragraph[] {
  const out: Paragraph[] = [];
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    // A line ending in two spaces breaks the line, as in Markdown; other lines run on.
    const children = pending.flatMap((line, i) => inlineRuns(i > 0 && pending[i - 1]!.endsWith('  ') ? line.trim() : (i > 0 ? ' ' : '') + line.trim(), i > 0 && pending[i - 1]!.endsWith('  ')));
    out.push(new Paragraph({ children }));
    pending = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const quote = /^>\s?(.*)$/.exec(line);
    if (heading) {
      flush();
      out.push(new Paragraph({ heading: HEADINGS[Math.min(heading[1]!.length - 1, HEADINGS.length - 1)], children: inlineRuns(heading[2]!.trim()) }));
    } else if (bullet) {
      flush();
      out.push(new Paragraph({ bullet: { level: 0 }, children: inlineRuns(bullet[1]!.trim()) }));
    } else if (quote) {
      flush();
      out.push(new Paragraph({ style: 'Quote', children: inlineRuns(quote[1]!.trim()) }));
    } else if (line.trim() === '') {
      flush();
    } else {
      pending.push(line);
    }
  }
  flush();
  return out;
}

/** The minutes' Markdown as the bytes of a .docx file. */
export async function minutesDocx(markdown: string, title: string): Promise<Buffer> {
  return packDocx(markdownParagraphs(markdown), title);
}
