/**
 * The codebook as a methods appendix: every code with its definition, criteria, example, how
 * often it was applied and what happened to it (the change log), as DOCX, Markdown or CSV.
 */
import type { CodebookEntry, CodebookFormat, CodebookModel } from '../../../src-shared/model/extracts';
import type { QueryContext } from '../context';
import { codebookRows } from '../services/codebook';
import { codeHistory, historyInLanguage } from '../services/codebook-history';
import { codeLines } from '../services/reports';
import { csvTable } from './csv';
import { markdownText } from './markdown';
import type { Output } from './output';
import { EXPORT_TEXTS } from './texts';
import type { ExportLanguage } from './texts';
import { lines } from './writer';

/** The codebook's model; `rename` is applied to every text, as in extracts. */
export async function buildCodebook(
  ctx: QueryContext,
  options: { readonly language: ExportLanguage; readonly includeArchived: boolean; readonly history: boolean; readonly rename?: (text: string) => string },
): Promise<CodebookModel> {
  const rename = options.rename ?? ((text: string) => text);
  const rows = await codebookRows(ctx);
  const lineOf = new Map(codeLines(rows).map((l) => [l.codeId, l]));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const counts = new Map((await ctx.call('reports.frequencies', { includeArchived: true })).map((f) => [f.codeId, f]));
  const history = new Map<string, { at: string; actor: string; summary: string }[]>();
  if (options.history) {
    for (const h of codeHistory(ctx, {}).reverse()) {
      history.set(h.codeId, [...(history.get(h.codeId) ?? []), { at: h.at, actor: rename(h.actorName), summary: rename(historyInLanguage(h, options.language).summary) }]);
    }
  }
  const codes: CodebookEntry[] = rows
    .filter((r) => options.includeArchived || r.archived === 0)
    .map((r) => {
      const line = lineOf.get(r.id)!;
      return {
        path: rename(line.path),
        name: rename(r.name),
        parent: r.parent_id ? rename(names.get(r.parent_id) ?? '') : null,
        depth: line.depth,
        color: r.color,
        definition: rename(r.definition),
        inclusion: rename(r.inclusion),
        exclusion: rename(r.exclusion),
        example: rename(r.example),
        archived: r.archived === 1,
        codings: counts.get(r.id)?.codings ?? 0,
        documents: counts.get(r.id)?.documents ?? 0,
        history: history.get(r.id) ?? [],
      };
    });
  return { title: EXPORT_TEXTS[options.language].codebookTitle, language: options.language, exportedAt: new Date().toISOString(), codes };
}

const historyLine = (h: CodebookEntry['history'][number]): string => `${h.at.slice(0, 10)} · ${h.actor} · ${h.summary}`;

/** CSV with the columns `codebook.importCsv` reads, and the counts and history after them. */
export function codebookCsv(model: CodebookModel): string {
  const columns = EXPORT_TEXTS[model.language].codebook.columns;
  const records = model.codes.map((c) => [c.path, c.name, c.parent ?? '', c.color, c.definition, c.inclusion, c.exclusion, c.example, c.codings, c.documents, c.archived ? 1 : 0, c.history.map(historyLine).join('\n')]);
  return csvTable([[...columns], ...records]);
}

export function codebookMarkdown(model: CodebookModel): string {
  const t = EXPORT_TEXTS[model.language];
  const out: string[] = [`# ${markdownText(model.title)}`, `${t.exported} ${model.exportedAt.slice(0, 10)}`];
  for (const c of model.codes) {
    out.push(`${'#'.repeat(Math.min(2 + c.depth, 6))} ${markdownText(c.path)}${c.archived ? ` (${t.codebook.archived})` : ''}`);
    out.push(`*${t.codebook.counts(c.codings, c.documents)}*`);
    for (const [label, text] of [
      [t.codebook.definition, c.definition],
      [t.codebook.inclusion, c.inclusion],
      [t.codebook.exclusion, c.exclusion],
    ] as const) {
      if (text.trim()) out.push(`**${label}.** ${lines(text.trim()).map(markdownText).join('  \n')}`);
    }
    if (c.example.trim()) out.push(`**${t.codebook.example}.**\n\n${lines(c.example.trim()).map((l) => `> ${markdownText(l)}`).join('\n')}`);
    if (c.history.length > 0) out.push(`**${t.codebook.history}.**\n\n${c.history.map((h) => `- ${markdownText(historyLine(h))}`).join('\n')}`);
  }
  return `${out.join('\n\n')}\n`;
}

export async function codebookDocx(model: CodebookModel): Promise<Buffer> {
  const { HeadingLevel, Paragraph, TextRun } = await import('docx');
  const { packDocx, runs } = await import('./docx');
  const t = EXPORT_TEXTS[model.language];
  const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
    new Paragraph({ children: [new TextRun({ text: `${t.exported} ${model.exportedAt.slice(0, 10)}`, color: '868E96' })] }),
  ];
  for (const c of model.codes) {
    children.push(new Paragraph({ heading: headings[Math.min(c.depth, 5)], children: [new TextRun(`${c.path}${c.archived ? ` (${t.codebook.archived})` : ''}`)] }));
    children.push(new Paragraph({ children: [new TextRun({ text: t.codebook.counts(c.codings, c.documents), italics: true, color: '868E96' })] }));
    for (const [label, text] of [
      [t.codebook.definition, c.definition],
      [t.codebook.inclusion, c.inclusion],
      [t.codebook.exclusion, c.exclusion],
    ] as const) {
      if (text.trim()) children.push(new Paragraph({ children: [new TextRun({ text: `${label}. `, bold: true }), ...runs(text.trim())] }));
    }
    if (c.example.trim()) {
      children.push(new Paragraph({ children: [new TextRun({ text: `${t.codebook.example}.`, bold: true })] }));
      children.push(new Paragraph({ style: 'Quote', children: runs(c.example.trim()) }));
    }
    if (c.history.length > 0) {
      children.push(new Paragraph({ children: [new TextRun({ text: `${t.codebook.history}.`, bold: true })] }));
      for (const h of c.history) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: historyLine(h), size: 20 })] }));
    }
  }
  return packDocx(children, model.title);
}

export const CODEBOOK_MIME: Readonly<Record<CodebookFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
};

export async function writeCodebook(model: CodebookModel, format: CodebookFormat, out: Output): Promise<void> {
  out.write(format === 'csv' ? codebookCsv(model) : format === 'md' ? codebookMarkdown(model) : await codebookDocx(model));
}
