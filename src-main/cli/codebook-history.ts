/**
 * `quire export codebook-history PROJECT [--code NAME] --format csv|md --out FILE`: every change
 * of the codebook (or of one code) with who, when and why, for a methods appendix or a spreadsheet.
 */
import { CODE_HISTORY_FORMATS } from '../../src-shared/contract/codebook-history';
import type { CommandContext } from './context';
import { common, oneOf, open } from './export';
import { codeNamed } from './names';
import { UsageError } from './options';

export async function exportCodebookHistory(ctx: CommandContext): Promise<void> {
  const format = oneOf(ctx.options.format, CODE_HISTORY_FORMATS, 'format');
  const { out, language } = common(ctx);
  const names = ctx.options.code ?? [];
  if (names.length > 1) throw new UsageError('name one code (--code NAME), or none for the whole codebook.');
  await open(ctx);
  const code = names[0] === undefined ? undefined : codeNamed(await ctx.client.call('codes.list', {}), names[0]);
  const file = await ctx.client.call('export.codebookHistory', { format, language, path: out, ...(code ? { codeId: code.id } : {}) });
  ctx.say(`Wrote ${file.items} ${file.items === 1 ? 'change' : 'changes'}${code ? ` of "${code.name}"` : ''} to ${file.path}`);
}
