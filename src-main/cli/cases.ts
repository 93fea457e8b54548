import path from 'node:path';
import { QuireError } from '../../src-shared/contract';
import { columnRoles, mappingOptionsFor, suggestMapping } from '../../src-shared/model/column-mapping';
import { foldForSearch } from '../../src-shared/text';
import type { CommandContext } from './context';
import { UsageError } from './options';

/**
 * `quire cases import PROJECT FILE.csv|.xlsx --type "Informant" [--sheet NAME] [--encoding E]
 * [--preview]`: a case list read with the mapping Quire guesses from its headers (printed, so
 * it can be checked), imported as one undoable operation. Prints the counts; exits 1 when rows
 * were left out for problems, listing them with their row numbers. `--preview` shows what each
 * row would do and changes nothing.
 */
export async function importCases(ctx: CommandContext): Promise<number> {
  const file = ctx.operands[0];
  if (!file || ctx.operands.length > 1) throw new UsageError('name one case list: quire cases import PROJECT FILE.csv|.xlsx --type "Informant"');
  const typeName = ctx.options.type?.trim();
  if (!typeName) throw new UsageError('say which cases the list holds: --type "Informant" (a case type of the project).');
  let bytes: Uint8Array;
  try {
    bytes = ctx.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read "${file}": ${code === 'ENOENT' ? 'there is no such file' : (error as Error).message}.`);
  }

  await ctx.client.call('project.open', { path: ctx.project!, actor: { name: ctx.actor } });
  const types = await ctx.client.call('caseTypes.list', {});
  const type = types.find((t) => foldForSearch(t.name) === foldForSearch(typeName));
  if (!type) throw new UsageError(`there is no case type "${typeName}"; the project has: ${types.map((t) => t.name).join(', ') || 'none yet'}.`);

  const staged = await ctx.client.call('imports.stage', { fileName: path.basename(file), data: Buffer.from(bytes).toString('base64') });
  if (!staged.ok) throw new QuireError('invalid_input', staged.reason);
  if (staged.format !== 'table') throw new UsageError(`"${path.basename(file)}" is not a spreadsheet: case lists are read from CSV or .xlsx files.`);
  const { sheet, encoding } = ctx.options;
  const where = { stagedId: staged.stagedId, ...(sheet ? { sheet } : {}), ...(encoding ? { encoding } : {}) };
  const table = await ctx.client.call('imports.table', where);
  for (const warning of table.warnings) ctx.say(warning);

  const attributes = (await ctx.client.call('attributes.list', {})).filter((a) => a.target === 'case' && (a.caseTypeId === null || a.caseTypeId === type.id));
  const mapping = suggestMapping(table.headers, attributes, mappingOptionsFor(type, types));
  const roles = columnRoles(mapping, table.headers.length, (id) => attributes.find((a) => a.id === id)?.name ?? id);
  ctx.say(`Columns of ${table.sheet ? `the sheet "${table.sheet}"` : path.basename(file)}, as ${type.name} cases:`);
  for (const [i, header] of table.headers.entries()) ctx.say(`  ${header} → ${roles[i] ?? 'ignored'}`);

  const input = { ...where, typeId: type.id, mapping };
  if (ctx.options.preview) {
    const preview = await ctx.client.call('cases.previewTable', input);
    ctx.print({
      headers: ['row', 'outcome', 'name', 'details'],
      rows: preview.rows.map((r) => [r.row, r.outcome, r.name, [...(r.changes.length > 0 ? [`changes ${r.changes.join(', ')}`] : []), ...r.messages].join(' ')]),
      numeric: [0],
    });
    return preview.counts.problem > 0 ? 1 : 0;
  }

  const report = await ctx.client.call('cases.importTable', input);
  for (const s of report.skips) ctx.say(`row ${s.row}: skipped: ${s.message}`);
  for (const p of report.problems) ctx.say(`row ${p.row}: ${p.message}`);
  if (report.problemRows > 0) ctx.say(`${report.problemRows} row(s) were left out: correct them in the file and import it again (the other rows are matched, not repeated).`);
  ctx.print({
    headers: ['created', 'updated', 'unchanged', 'skipped', 'problems'],
    rows: [[report.created, report.updated, report.unchanged, report.skipped, report.problemRows]],
    numeric: [0, 1, 2, 3, 4],
  });
  return report.problemRows > 0 ? 1 : 0;
}
