/** Extracts as one HTML page: every text escaped, context in grey, a heading per group. */
import type { ExtractExcerpt } from '../../../src-shared/model/extracts';
import { shownTexts } from '../../../src-shared/model/extracts';
import { escapeHtml } from '../../../src-shared/text/escape';
import { EXPORT_TEXTS } from './texts';
import type { ExtractsWriter, WriterFactory } from './writer';
import { lines } from './writer';

const STYLE = `body{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.5;color:#212529}
blockquote{margin:0 0 .3em 1.5em;padding-left:1em;border-left:3px solid #adb5bd}
.context{color:#868e96;font-size:.9em;margin:0 0 .3em 1.5em}.cite{margin:0 0 .3em 1.5em}
.meta{color:#495057;font-size:.9em;margin:0 0 .3em 1.5em}.memo{margin:0 0 1.5em 1.5em;font-size:.9em}
.translation{font-style:italic}.missing{color:#868e96;font-style:italic}`;

/** Text with its line breaks kept. */
const html = (s: string): string => lines(s).map(escapeHtml).join('<br>');

export const htmlWriter: WriterFactory = (out, head, show): ExtractsWriter => {
  const t = EXPORT_TEXTS[head.language];
  out.write(
    `<!doctype html>\n<html lang="${head.language}"><head><meta charset="utf-8"><title>${escapeHtml(head.title)}</title><style>${STYLE}</style></head><body>\n` +
      `<h1>${escapeHtml(head.title)}</h1>\n<p class="meta">${t.exported} ${escapeHtml(head.exportedAt.slice(0, 10))} · ${t.excerpts(head.total)}</p>\n`,
  );
  const excerpt = (e: ExtractExcerpt): string => {
    const shown = shownTexts(e, show);
    const parts: string[] = ['<section class="excerpt">'];
    if (show.context && e.contextBefore) parts.push(`<p class="context">…${html(e.contextBefore.trim())}</p>`);
    if (shown.original !== null) parts.push(`<blockquote>${html(shown.original)}</blockquote>`);
    if (shown.translation !== null) parts.push(`<blockquote class="translation" lang="${escapeHtml(show.translationLanguage)}">${html(shown.translation)}</blockquote>`);
    if (shown.missing) parts.push(`<p class="missing">${escapeHtml(t.noTranslation(show.translationLanguage))}</p>`);
    if (show.context && e.contextAfter) parts.push(`<p class="context">${html(e.contextAfter.trim())}…</p>`);
    parts.push(`<p class="cite">${escapeHtml(e.citation)}${e.quoteId ? ` <code>${escapeHtml(e.quoteId)}</code>` : ''}</p>`);
    if (show.coder && e.coder) parts.push(`<p class="meta">${t.coder}: ${escapeHtml(e.coder)}</p>`);
    if (show.memo && e.memo.trim()) parts.push(`<p class="memo"><strong>${t.memo}:</strong> ${html(e.memo.trim())}</p>`);
    parts.push('</section>\n');
    return parts.join('\n');
  };
  return {
    group(heading) {
      if (heading !== null) out.write(`<h2>${escapeHtml(heading)}</h2>\n`);
    },
    excerpts(batch) {
      if (batch.length > 0) out.write(batch.map(excerpt).join(''));
    },
    finish: async () => {
      out.write('</body></html>\n');
    },
  };
};
