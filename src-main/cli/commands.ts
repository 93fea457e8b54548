import path from 'node:path';
import { serve } from './serve';
import { MATRIX_MEASURES, MATRIX_PERIODS } from '../../src-shared/contract';
import type { MatrixMeasure, MatrixPeriod } from '../../src-shared/contract';
import { importFiles, rereadDocument } from './import';
import { documentNamed, membersNamed } from './names';
import { importCases } from './cases';
import { decodeText } from '../core/import/decode';
import type { CommandContext } from './context';
import type { Table } from './format';
import { UsageError } from './options';
import { reportCooccurrence, retrieve } from './retrieve';
import { search } from './search';
import { addPseudonym, checkLeaks, listPseudonyms, removePseudonym } from './pseudonyms';
import { exportCodebook, exportExtracts } from './export';
import { meetingAgenda } from './meetings';
import { agreement } from './agreement';
import { exportCodebookHistory } from './codebook-history';
import { exportBundle, listConflicts, mergeFile } from './exchange';

/** A command that resolves to a number sets the exit code (e.g. 1 when some files were skipped). */
type Command = (ctx: CommandContext) => Promise<unknown>;

const projectOf = (ctx: CommandContext): string => {
  if (!ctx.project) throw new UsageError('say which project file to use.');
  return ctx.project;
};
const open = (ctx: CommandContext) => ctx.client.call('project.open', { path: projectOf(ctx), actor: { name: ctx.actor } });

async function codeByName(ctx: CommandContext, name: string, create: boolean): Promise<string> {
  const codes = await ctx.client.call('codes.list', {});
  const wanted = name.trim().toLocaleLowerCase();
  const matches = codes.filter((c) => c.name.toLocaleLowerCase() === wanted);
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length > 1) throw new UsageError(`${matches.length} codes are called "${name}": rename one first.`);
  if (!create) throw new UsageError(`there is no code called "${name}" (add --create to create it).`);
  return (await ctx.client.call('codes.create', { name })).id;
}

function positiveInt(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${option} takes a whole number above 0.`);
  return n;
}

const infoTable = (info: Awaited<ReturnType<typeof open>>): Table => ({
  headers: ['property', 'value'],
  rows: [
    ['project', info.name],
    ['file', info.path],
    ['schema', info.schemaVersion],
    ['you are', info.actor.name],
    ['documents', info.counts.documents],
    ['codes', info.counts.codes],
    ['codings', info.counts.codings],
    ['cases', info.counts.cases],
    ['team members', info.counts.members],
    ['memos', info.counts.memos],
  ],
});

const info: Command = async (ctx) => ctx.print(infoTable(await open(ctx)));

export const commands: Readonly<Record<string, Command>> = {
  new: async (ctx) => {
    const created = await ctx.client.call('project.create', {
      path: projectOf(ctx),
      actor: { name: ctx.actor },
      ...(ctx.options.name ? { name: ctx.options.name } : {}),
    });
    ctx.say(`Created ${created.path}`);
  },

  open: info,
  info,

  demo: async (ctx) => {
    const scaleOption = ctx.options.scale ?? 'sample';
    const scale = scaleOption === 'sample' || scaleOption === 'programme' ? scaleOption : Number(scaleOption);
    if (typeof scale === 'number' && !(scale > 0)) throw new UsageError('--scale is sample, programme, or a number such as 0.25.');
    // Loaded on demand: the generator is large and only this command needs it.
    const { generateSample } = await import('../../fixtures/sample');
    const { loadSample } = await import('../../fixtures/sample/load');
    const sample = generateSample({ scale });
    await ctx.client.call('project.create', { path: projectOf(ctx), actor: { name: sample.members[0]?.name ?? ctx.actor }, name: sample.name, description: sample.description });
    await loadSample(ctx.client, sample, (step) => ctx.say(step));
    ctx.print(infoTable(await ctx.client.call('project.info', {})));
  },

  import: (ctx) => importFiles(ctx),
  reread: (ctx) => rereadDocument(ctx),

  'cases import': (ctx) => importCases(ctx),

  'codebook import': async (ctx) => {
    const file = ctx.operands[0];
    if (!file) throw new UsageError('name the CSV file: quire codebook import PROJECT FILE.csv');
    await open(ctx);
    const result = await ctx.client.call('codebook.importCsv', { csv: decodeText(ctx.readFile(file), path.basename(file)) });
    ctx.print({ headers: ['created', 'updated'], rows: [[result.created, result.updated]], numeric: [0, 1] });
  },

  'codebook export': async (ctx) => {
    await open(ctx);
    const csv = await ctx.client.call('codebook.exportCsv', {});
    const file = ctx.operands[0];
    // A byte-order mark lets Excel read Cyrillic in a UTF-8 CSV.
    if (file) {
      ctx.writeFile(file, `\uFEFF${csv}`);
      ctx.say(`Wrote ${file}`);
    } else process.stdout.write(csv);
  },

  code: async (ctx) => {
    const { pattern } = ctx.options;
    if ((ctx.options.code?.length ?? 0) > 1) throw new UsageError('--code names one code here.');
    const code = ctx.options.code?.[0];
    if (!pattern || !code) throw new UsageError('say what to look for and which code to apply: --pattern TEXT --code NAME');
    const mode = ctx.options.mode ?? 'phrase';
    if (!['word', 'phrase', 'regex'].includes(mode)) throw new UsageError('--mode is word, phrase or regex.');
    const extent = ctx.options.extent ?? 'match';
    if (!['match', 'segment'].includes(extent)) throw new UsageError('--extent is match or segment.');
    await open(ctx);
    let documentIds: string[] | undefined;
    if (ctx.options.documents) {
      const all = await ctx.client.call('documents.list', {});
      documentIds = ctx.options.documents.split(',').map((wanted) => documentNamed(all, wanted).id);
    }
    const query = {
      pattern,
      mode: mode as 'word' | 'phrase' | 'regex',
      caseSensitive: ctx.options['case-sensitive'] ?? false,
      extent: extent as 'match' | 'segment',
      ...(ctx.options.speaker ? { speakers: ctx.options.speaker } : {}),
      ...(documentIds ? { documentIds } : {}),
    };
    if (ctx.options.preview) {
      const codes = await ctx.client.call('codes.list', {});
      const existing = codes.find((c) => c.name.toLocaleLowerCase() === code.toLocaleLowerCase());
      const preview = await ctx.client.call('autocode.preview', { ...query, ...(existing ? { codeId: existing.id } : {}) });
      ctx.print({ headers: ['matches', 'documents', 'new codings'], rows: [[preview.matches, preview.documents, preview.newCodings]], numeric: [0, 1, 2] });
      return;
    }
    const codeId = await codeByName(ctx, code, ctx.options.create ?? false);
    const result = await ctx.client.call('autocode.apply', { ...query, codeId });
    ctx.print({ headers: ['matches', 'new codings'], rows: [[result.matches, result.created]], numeric: [0, 1] });
  },

  retrieve: (ctx) => retrieve(ctx),
  search: (ctx) => search(ctx),
  'report cooccurrence': (ctx) => reportCooccurrence(ctx),

  'report frequencies': async (ctx) => {
    await open(ctx);
    const rows = await ctx.client.call('reports.frequencies', {});
    const indent = ctx.format === 'table';
    ctx.print({
      headers: ['code', 'codings', 'documents'],
      rows: rows.map((r) => [indent ? `${'  '.repeat(r.depth)}${r.name}` : r.path, r.codings, r.documents]),
      numeric: [1, 2],
    });
  },

  'report matrix': async (ctx) => {
    if ((ctx.options.rows ?? 'codes') !== 'codes') throw new UsageError('--rows takes only "codes" for now.');
    const cols = ctx.options.cols;
    if (!cols) throw new UsageError('say what the columns are: --cols enterprise (a case type) or --cols region (an attribute).');
    const measure = ctx.options.measure ?? 'codings';
    if (!(MATRIX_MEASURES as readonly string[]).includes(measure)) throw new UsageError(`--measure is one of ${MATRIX_MEASURES.join(', ')}.`);
    const period = ctx.options.by;
    if (period !== undefined && !(MATRIX_PERIODS as readonly string[]).includes(period)) throw new UsageError(`--by is one of ${MATRIX_PERIODS.join(', ')}.`);
    const out = ctx.options.out;
    const format = out === undefined ? null : /\.xlsx$/i.test(out) ? 'xlsx' : /\.csv$/i.test(out) ? 'csv' : null;
    if (out !== undefined && format === null) throw new UsageError('--out names a .csv or .xlsx file.');
    const delimiter = ctx.options.delimiter ?? ',';
    if (delimiter !== ',' && delimiter !== ';') throw new UsageError('--delimiter is , or ; (semicolons and decimal commas, for Excel set to Russian).');
    await open(ctx);
    const input = { columns: cols, measure: measure as MatrixMeasure, ...(period ? { period: period as MatrixPeriod } : {}), coderIds: await membersNamed(ctx, ctx.options.coder ?? []) };
    if (out !== undefined && format !== null) {
      const language = ctx.options.language === 'ru' ? 'ru' : 'en';
      const file = await ctx.client.call('reports.matrixExport', { ...input, format, delimiter, language });
      ctx.writeFile(out, Buffer.from(file.data, 'base64'));
      ctx.say(`Wrote ${out}`);
      return;
    }
    const matrix = await ctx.client.call('reports.matrix', input);
    const indent = ctx.format === 'table';
    ctx.print({
      headers: ['code', ...matrix.columns.map((c) => c.label), 'total'],
      rows: matrix.rows.map((r) => [indent ? `${'  '.repeat(r.depth)}${r.name}` : r.path, ...r.cells, r.total]),
      numeric: matrix.columns.map((_, i) => i + 1).concat(matrix.columns.length + 1),
    });
  },

  history: async (ctx) => {
    await open(ctx);
    let actorId: string | undefined;
    if (ctx.options.actor) {
      const wanted = ctx.options.actor.toLocaleLowerCase();
      const member = (await ctx.client.call('members.list', { includeArchived: true })).find((m) => m.name.toLocaleLowerCase() === wanted || m.initials.toLocaleLowerCase() === wanted);
      if (!member) throw new UsageError(`there is no team member called "${ctx.options.actor}".`);
      actorId = member.id;
    }
    const limit = positiveInt(ctx.options.limit, 'limit');
    const entries = await ctx.client.call('history.list', {
      ...(actorId ? { actorId } : {}),
      ...(ctx.options.since ? { since: ctx.options.since } : {}),
      ...(ctx.options.method ? { method: ctx.options.method } : {}),
      ...(limit ? { limit } : {}),
    });
    ctx.print({
      headers: ['when', 'who', 'what', 'state', 'changes'],
      rows: entries.map((e) => [e.at.replace('T', ' ').slice(0, 19), e.actorName, e.summary, e.kind === 'do' ? e.state : e.kind, e.changeCount]),
      numeric: [4],
    });
  },

  undo: async (ctx) => {
    await open(ctx);
    const { entry } = await ctx.client.call('history.undo', {});
    ctx.say(`Undone: ${entry.summary}`);
  },

  serve,

  redo: async (ctx) => {
    await open(ctx);
    const { entry } = await ctx.client.call('history.redo', {});
    ctx.say(`Redone: ${entry.summary}`);
  },

  'pseudonym add': (ctx) => addPseudonym(ctx),
  'pseudonym list': (ctx) => listPseudonyms(ctx),
  'pseudonym remove': (ctx) => removePseudonym(ctx),
  'check-leaks': (ctx) => checkLeaks(ctx),
  'export extracts': (ctx) => exportExtracts(ctx),
  'export codebook': (ctx) => exportCodebook(ctx),
  'meeting agenda': (ctx) => meetingAgenda(ctx),
  agreement: (ctx) => agreement(ctx),
  'export codebook-history': (ctx) => exportCodebookHistory(ctx),
  'bundle export': (ctx) => exportBundle(ctx),
  'bundle import': (ctx) => mergeFile(ctx),
  merge: (ctx) => mergeFile(ctx),
  conflicts: (ctx) => listConflicts(ctx),
};
