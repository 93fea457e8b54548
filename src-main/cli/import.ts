import path from 'node:path';
import type { CleanupChoice, ImportFailure } from '../../src-shared/contract/imports';
import { DOCUMENT_KINDS } from '../../src-shared/model/entities';
import type { DocumentKind } from '../../src-shared/model/entities';
import { CLEANUP_OPTIONS } from '../../src-shared/text';
import type { CleanupOption } from '../../src-shared/text';
import type { CommandContext } from './context';
import { UsageError } from './options';
import { casesNamed, documentNamed } from './names';

/** `--clean auto` (what each text seems to need), `none`, or a list of clean-up steps. */
function cleanupOf(value: string | undefined): CleanupChoice | undefined {
  if (value === undefined || value === 'auto') return undefined;
  if (value === 'none') return {};
  const steps = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = steps.filter((s) => !(CLEANUP_OPTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new UsageError(`--clean takes auto, none, or some of ${CLEANUP_OPTIONS.join(', ')} (not ${unknown.join(', ')}).`);
  return Object.fromEntries(steps.map((s) => [s as CleanupOption, true]));
}

function readBytes(ctx: CommandContext, file: string): Uint8Array {
  try {
    return ctx.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read "${file}": ${code === 'ENOENT' ? 'there is no such file' : (error as Error).message}.`);
  }
}

/**
 * `quire import`: files and folders, read in any supported format, given details from options, a
 * filename pattern or a manifest, imported as one undoable operation; then a report of what was
 * imported, how it was read, and what was skipped and why. Exit code 1 when anything was skipped.
 */
export async function importFiles(ctx: CommandContext): Promise<number> {
  if (ctx.operands.length === 0) throw new UsageError('name the files or folders to import: quire import PROJECT FILE…');
  const { kind, title, language, date, manifest, encoding, pattern } = ctx.options;
  if (kind !== undefined && !(DOCUMENT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind is one of ${DOCUMENT_KINDS.join(', ')}.`);
  const cleanup = cleanupOf(ctx.options.clean);
  const manifestPath = manifest ? path.resolve(manifest) : null;
  const files = ctx.operands.flatMap((operand) => ctx.filesIn(operand) ?? [operand]).filter((f) => path.resolve(f) !== manifestPath);
  if (title && files.length > 1) throw new UsageError('--title names one document: import the files one at a time.');
  const contents = files.map((file) => ({ file, bytes: readBytes(ctx, file) }));

  await ctx.client.call('project.open', { path: ctx.project!, actor: { name: ctx.actor } });
  const caseIds = await casesNamed(ctx, ctx.options.case ?? []);

  const skipped: ImportFailure[] = [];
  const staged: string[] = [];
  for (const [index, { file, bytes }] of contents.entries()) {
    ctx.say(`Reading ${index + 1}/${contents.length}: ${path.basename(file)}`);
    const result = await ctx.client.call('imports.stage', { fileName: path.basename(file), data: Buffer.from(bytes).toString('base64'), ...(encoding ? { encoding } : {}) });
    if (!result.ok) skipped.push({ fileName: result.fileName, reason: result.reason });
    else if (result.format !== 'table') staged.push(result.stagedId);
    else {
      // A folder of interviews often holds the informant list too: it is left for `cases import`.
      await ctx.client.call('imports.discard', { stagedIds: [result.stagedId] });
      skipped.push({ fileName: result.fileName, reason: 'is a spreadsheet: spreadsheets are read as case lists (quire cases import) or as a manifest (--manifest FILE), not as documents.' });
    }
  }
  let manifestId: string | undefined;
  if (manifestPath) {
    const read = await ctx.client.call('imports.stage', { fileName: path.basename(manifestPath), data: Buffer.from(readBytes(ctx, manifestPath)).toString('base64') });
    if (!read.ok) throw new UsageError(`cannot read the manifest: ${read.reason}`);
    manifestId = read.stagedId;
  }

  const rows: (string | number)[][] = [];
  if (staged.length > 0) {
    const defaults = { ...(kind ? { kind: kind as DocumentKind } : {}), ...(language ? { language } : {}) };
    const suggestions = await ctx.client.call('imports.suggest', { stagedIds: staged, ...(pattern ? { pattern } : {}), ...(manifestId ? { manifestId } : {}), defaults });
    for (const s of suggestions) for (const problem of s.problems) ctx.say(`${s.fileName}: ${problem}`);
    const report = await ctx.client.call('imports.commit', {
      allOrNothing: ctx.options['all-or-nothing'] ?? false,
      items: suggestions.map((s) => ({
        ...s,
        title: title ?? s.title,
        date: date ?? s.date,
        caseIds: [...new Set([...s.caseIds, ...caseIds])],
        ...(encoding ? { encoding } : {}),
        ...(cleanup ? { cleanup } : {}),
      })),
    });
    skipped.push(...report.skipped);
    for (const d of report.imported) {
      for (const warning of d.warnings) ctx.say(`${d.fileName}: ${warning}`);
      rows.push([d.fileName, 'imported', d.title, d.format, d.encoding ?? '', d.turns, d.length, d.documentId, '']);
    }
  }
  for (const s of skipped) rows.push([s.fileName, 'skipped', '', '', '', '', '', '', s.reason]);
  ctx.print({ headers: ['file', 'status', 'title', 'format', 'encoding', 'turns', 'characters', 'id', 'reason'], rows, numeric: [5, 6] });
  return skipped.length > 0 ? 1 : 0;
}

/** `quire reread PROJECT DOCUMENT [--encoding E] [--clean …]`: the original file read again as a new revision. */
export async function rereadDocument(ctx: CommandContext): Promise<void> {
  const wanted = ctx.operands[0];
  if (!wanted) throw new UsageError('name the document (id or title): quire reread PROJECT DOCUMENT');
  await ctx.client.call('project.open', { path: ctx.project!, actor: { name: ctx.actor } });
  const document = documentNamed(await ctx.client.call('documents.list', {}), wanted);
  const cleanup = cleanupOf(ctx.options.clean ?? 'none');
  const result = await ctx.client.call('documents.reread', { documentId: document.id, ...(ctx.options.encoding ? { encoding: ctx.options.encoding } : {}), ...(cleanup ? { cleanup } : {}) });
  const { intact, moved, needsReview } = result.codings;
  ctx.print({ headers: ['document', 'revision', 'codings intact', 'moved', 'need review'], rows: [[result.document.title, result.document.revisionNumber, intact, moved, needsReview]], numeric: [1, 2, 3, 4] });
}
