/**
 * `quire export extracts` (coded excerpts with citations as DOCX, Markdown, HTML, CSV or Excel)
 * and `quire export codebook` (the methods appendix). The core writes the file in place,
 * atomically, so a failed export leaves nothing behind. A registered real name left in the file
 * refuses the export, unless `--allow-leaks` keeps it and prints the hits.
 */
import { CODEBOOK_FORMATS, EXTRACT_FORMATS, EXTRACT_GROUPINGS, EXTRACT_SORTS, TRANSLATION_CHOICES } from '../../src-shared/model/extracts';
import type { CodebookFormat, ExtractFormat, ExtractGrouping, ExtractSort, TranslationChoice } from '../../src-shared/model/extracts';
import type { CommandContext } from './context';
import { UsageError } from './options';
import { printLeaks } from './pseudonyms';
import { queryFromOptions } from './retrieve';

/** An option that takes one of a few words, with a message listing them. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback?: T): T {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`say which ${option}: --${option} ${allowed.join('|')}`);
  }
  const found = allowed.find((a) => a === value.trim().toLowerCase());
  if (!found) throw new UsageError(`--${option} is one of ${allowed.join(', ')} (not "${value}").`);
  return found;
}

export function common(ctx: CommandContext): { out: string; language: 'en' | 'ru' } {
  const out = ctx.options.out;
  if (!out) throw new UsageError('say where to write the file: --out FILE');
  const language = ctx.options.language ?? ctx.options.cite ?? 'en';
  if (language !== 'en' && language !== 'ru') throw new UsageError('--language is en or ru (citations and the file’s own labels).');
  return { out, language };
}

export const open = (ctx: CommandContext) => {
  if (!ctx.project) throw new UsageError('say which project file to use.');
  return ctx.client.call('project.open', { path: ctx.project, actor: { name: ctx.actor } });
};

export async function exportExtracts(ctx: CommandContext): Promise<void> {
  const o = ctx.options;
  const format: ExtractFormat = oneOf(o.format, EXTRACT_FORMATS, 'format');
  const grouping: ExtractGrouping = oneOf(o.group, EXTRACT_GROUPINGS, 'group', 'code');
  const sort: ExtractSort = oneOf(o.sort, EXTRACT_SORTS, 'sort', 'document');
  const translation: TranslationChoice = oneOf(o.translation, TRANSLATION_CHOICES, 'translation', 'original');
  const { out, language } = common(ctx);
  await open(ctx);
  const query = o.code?.length || o.saved || !o.draft ? await queryFromOptions(ctx) : undefined;
  const file = await ctx.client.call('export.extracts', {
    ...(query ? { query } : {}),
    ...(o.draft ? { draft: o.draft } : {}),
    format,
    grouping,
    sort,
    context: o.context ?? false,
    coder: !(o['no-coder'] ?? false),
    memo: !(o['no-memo'] ?? false),
    translation,
    ...(o['translation-language'] ? { translationLanguage: o['translation-language'] } : {}),
    language,
    path: out,
    allowLeaks: o['allow-leaks'] ?? false,
  });
  ctx.say(`Wrote ${file.items} ${file.items === 1 ? 'excerpt' : 'excerpts'} to ${file.path}`);
  if (file.leaks && !file.leaks.clean) printLeaks(ctx, file.leaks, file.path!);
}

export async function exportCodebook(ctx: CommandContext): Promise<void> {
  const format: CodebookFormat = oneOf(ctx.options.format, CODEBOOK_FORMATS, 'format');
  const { out, language } = common(ctx);
  await open(ctx);
  const file = await ctx.client.call('export.codebook', { format, language, includeArchived: ctx.options['include-archived'] ?? false, path: out, allowLeaks: ctx.options['allow-leaks'] ?? false });
  ctx.say(`Wrote ${file.items} ${file.items === 1 ? 'code' : 'codes'} to ${file.path}`);
  if (file.leaks && !file.leaks.clean) printLeaks(ctx, file.leaks, file.path!);
}
