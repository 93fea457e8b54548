/**
 * Extracts as a Word document: a heading per group, each excerpt an indented quote with its
 * citation, context in grey, the coder and the memo, the translation beside the original when
 * asked. Word needs the whole document at once, so paragraphs are gathered and packed at the end.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ExtractExcerpt } from '../../../src-shared/model/extracts';
import { shownTexts } from '../../../src-shared/model/extracts';
import { EXPORT_TEXTS } from './texts';
import type { ExtractsWriter, WriterFactory } from './writer';
import { lines } from './writer';

const GREY = '868E96';

/** Runs for a text with its line breaks kept. */
export function runs(text: string, style: { italics?: boolean; color?: string; bold?: boolean; size?: number } = {}): TextRun[] {
  return lines(text).map((line, i) => new TextRun({ text: line, ...style, ...(i > 0 ? { break: 1 } : {}) }));
}

/** The named styles the document uses: "Quote" (indented) and "Citation" (right under it). */
export const DOCX_STYLES = {
  paragraphStyles: [
    { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 720 }, spacing: { before: 120, after: 40 } } },
    { id: 'Citation', name: 'Citation', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 720 }, spacing: { after: 200 } } },
    { id: 'Context', name: 'Context', basedOn: 'Normal', next: 'Normal', run: { color: GREY, size: 20 }, paragraph: { indent: { left: 720 } } },
  ],
};

/** Packs paragraphs into a .docx file's bytes. */
export async function packDocx(children: Paragraph[], title: string): Promise<Buffer> {
  const doc = new Document({ title, creator: 'Quire', styles: DOCX_STYLES, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

export const docxWriter: WriterFactory = (out, head, show): ExtractsWriter => {
  const t = EXPORT_TEXTS[head.language];
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(head.title)] }),
    new Paragraph({ children: [new TextRun({ text: `${t.exported} ${head.exportedAt.slice(0, 10)} · ${t.excerpts(head.total)}`, color: GREY })] }),
  ];
  const excerpt = (e: ExtractExcerpt): void => {
    const shown = shownTexts(e, show);
    if (show.context && e.contextBefore) children.push(new Paragraph({ style: 'Context', children: runs(`…${e.contextBefore.trim()}`) }));
    if (shown.original !== null) children.push(new Paragraph({ style: 'Quote', children: runs(shown.original) }));
    if (shown.translation !== null) children.push(new Paragraph({ style: 'Quote', children: runs(shown.translation, { italics: show.translation === 'both' }) }));
    if (shown.missing) children.push(new Paragraph({ style: 'Context', children: runs(t.noTranslation(show.translationLanguage), { italics: true }) }));
    if (show.context && e.contextAfter) children.push(new Paragraph({ style: 'Context', children: runs(`${e.contextAfter.trim()}…`) }));
    const meta = [new TextRun(e.citation)];
    if (e.quoteId) meta.push(new TextRun({ text: `  [${e.quoteId}]`, color: GREY }));
    if (show.coder && e.coder) meta.push(new TextRun({ text: `  ·  ${t.coder}: ${e.coder}`, color: GREY }));
    children.push(new Paragraph({ style: 'Citation', alignment: AlignmentType.LEFT, children: meta }));
    if (show.memo && e.memo.trim()) children.push(new Paragraph({ style: 'Citation', children: [new TextRun({ text: `${t.memo}: `, bold: true }), ...runs(e.memo.trim())] }));
  };
  return {
    group(heading) {
      if (heading !== null) children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(heading)] }));
    },
    excerpts(batch) {
      for (const e of batch) excerpt(e);
    },
    finish: async () => {
      out.write(await packDocx(children, head.title));
    },
  };
};
