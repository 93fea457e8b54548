/** Extracts as Markdown: a heading per group, each excerpt a block quote followed by its citation. */
import type { ExtractExcerpt } from '../../../src-shared/model/extracts';
import { shownTexts } from '../../../src-shared/model/extracts';
import { EXPORT_TEXTS } from './texts';
import type { ExtractsWriter, WriterFactory } from './writer';
import { lines } from './writer';

/** Characters Markdown would read as formatting, escaped so a quote prints as said. */
export const markdownText = (s: string): string => s.replace(/[\\`*_[\]<>#|~]/g, '\\$&');

const quoteBlock = (text: string): string =>
  lines(text)
    .map((l) => (l.trim() === '' ? '>' : `> ${markdownText(l)}`))
    .join('\n');

export const markdownWriter: WriterFactory = (out, head, show): ExtractsWriter => {
  const t = EXPORT_TEXTS[head.language];
  out.write(`# ${markdownText(head.title)}\n\n${t.exported} ${head.exportedAt.slice(0, 10)} · ${t.excerpts(head.total)}\n\n`);
  const excerpt = (e: ExtractExcerpt): string => {
    const shown = shownTexts(e, show);
    const parts: string[] = [];
    if (show.context && e.contextBefore) parts.push(`*…${markdownText(e.contextBefore.trim())}*`);
    if (shown.original !== null) parts.push(quoteBlock(shown.original));
    if (shown.translation !== null) parts.push(quoteBlock(shown.translation));
    if (shown.missing) parts.push(`*${t.noTranslation(show.translationLanguage)}*`);
    if (show.context && e.contextAfter) parts.push(`*${markdownText(e.contextAfter.trim())}…*`);
    const meta = [markdownText(e.citation), e.quoteId ? `\`${e.quoteId.replace(/`/g, '')}\`` : null, show.coder && e.coder ? `${t.coder}: ${markdownText(e.coder)}` : null];
    parts.push(meta.filter((m) => m !== null).join(' · '));
    if (show.memo && e.memo.trim()) parts.push(`**${t.memo}:** ${lines(e.memo.trim()).map(markdownText).join('  \n')}`);
    return `${parts.join('\n\n')}\n\n`;
  };
  return {
    group(heading) {
      if (heading !== null) out.write(`## ${markdownText(heading)}\n\n`);
    },
    excerpts(batch) {
      if (batch.length > 0) out.write(batch.map(excerpt).join(''));
    },
    finish: async () => undefined,
  };
};
