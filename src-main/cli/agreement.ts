/**
 * `quire agreement`: inter-coder agreement as in the Agreement view, same figures, rounded the
 * same way (coefficients to three decimals, percentages to one).
 */
import { AGREEMENT_UNITS } from '../../src-shared/contract/agreement';
import type { AgreementFigures, AgreementResult, AgreementUnit, AgreementWarning } from '../../src-shared/contract/agreement';
import { roundCoefficient, roundPercent } from '../../src-shared/stats/agreement';
import type { Figure } from '../../src-shared/stats/agreement';
import type { CommandContext } from './context';
import { codeNamed, documentNamed, membersNamed } from './names';
import { UsageError } from './options';
import { filters } from './retrieve';

const BY = ['code', 'document', 'case', 'pair'] as const;
type By = (typeof BY)[number];

const WARNINGS: Readonly<Record<AgreementWarning, string>> = {
  fewUnits: 'few units',
  rareCode: 'code rarely applied (κ paradox)',
  commonCode: 'code applied almost everywhere (κ paradox)',
  missingCoders: 'a coder did not code some documents',
};

const REASONS: Readonly<Record<NonNullable<Figure['reason']>, string>> = {
  noUnits: 'no units both coders rated',
  noVariation: 'all ratings the same',
};

export async function agreement(ctx: CommandContext): Promise<void> {
  const o = ctx.options;
  if (!ctx.project) throw new UsageError('say which project file to use.');
  const names = (o.coders ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length < 2) throw new UsageError('name at least two coders to compare: --coders OLGA,PAVEL (names or initials).');
  const unit = (o.unit ?? 'paragraph') as AgreementUnit;
  if (!AGREEMENT_UNITS.includes(unit)) throw new UsageError(`--unit is one of ${AGREEMENT_UNITS.join(', ')}.`);
  const by = (o.by ?? 'code') as By;
  if (!BY.includes(by)) throw new UsageError(`--by is one of ${BY.join(', ')}.`);
  await ctx.client.call('project.open', { path: ctx.project, actor: { name: ctx.actor } });
  const coderIds = await membersNamed(ctx, names);
  const codes = await ctx.client.call('codes.list', {});
  const codeIds = (o.codes ?? '').split(',').map((s) => s.trim()).filter(Boolean).map((name) => codeNamed(codes, name).id);
  let documentIds: string[] = [];
  if (o.documents) {
    const all = await ctx.client.call('documents.list', {});
    documentIds = o.documents.split(',').map((wanted) => documentNamed(all, wanted).id);
  }
  const { coderIds: _ignored, ...scope } = await filters(ctx);
  const result = await ctx.client.call('agreement.compute', {
    coderIds,
    codeIds,
    unit,
    documentIds,
    includeSubcodes: o.subcodes ?? false,
    includeUncoded: o['include-uncoded'] ?? false,
    ...scope,
  });
  ctx.print(by === 'pair' ? pairTable(ctx, result) : groupTable(ctx, result, by));
  const uncoded = `${result.uncodedUnits} ${unit === 'characters' ? 'characters' : `${unit} units`} nobody coded with these codes`;
  ctx.say(`${result.documentCount} documents; ${uncoded} ${result.includeUncoded ? 'are included' : 'are left out (--include-uncoded counts them)'}.`);
  if (result.documentsOneCoder > 0) ctx.say(`${result.documentsOneCoder} documents coded by only one of the chosen coders are left out.`);
  if (result.documentsMissingCoders > 0) ctx.say(`${result.documentsMissingCoders} documents were not coded by every chosen coder: their ratings count as missing.`);
  if (result.documentsWithoutTurns > 0) ctx.say(`${result.documentsWithoutTurns} documents have no speaker turns and were counted by paragraph.`);
}

function cell(ctx: CommandContext, f: Figure | null, percent = false): string | number {
  if (f === null || f.value === null) return ctx.format === 'table' ? '—' : '';
  return percent ? roundPercent(f.value) : roundCoefficient(f.value);
}

function notes(f: AgreementFigures): string {
  const parts = f.warnings.map((w) => WARNINGS[w]);
  const reasons = new Set([f.alpha, f.fleiss, f.percent, f.unitizedAlpha].flatMap((x) => (x?.reason ? [REASONS[x.reason]] : [])));
  return [...parts, ...reasons].join('; ');
}

function groupTable(ctx: CommandContext, result: AgreementResult, by: Exclude<By, 'pair'>) {
  const two = result.coders.length === 2;
  const indent = ctx.format === 'table';
  const rows: { label: string; f: AgreementFigures }[] =
    by === 'code'
      ? [...result.codes.map((c) => ({ label: indent ? `${'  '.repeat(c.depth)}${c.name}` : c.path, f: c as AgreementFigures })), { label: 'All codes', f: result.overall }]
      : (by === 'document' ? result.documents : result.cases).map((r) => ({ label: r.label, f: r as AgreementFigures }));
  const unitized = result.unit === 'characters' && by === 'code';
  return {
    headers: [by, 'units', 'pairable', 'agree %', ...(two ? ["Cohen's kappa"] : []), "Fleiss' kappa", "Krippendorff's alpha", ...(unitized ? ['alpha-u'] : []), 'notes'],
    rows: rows.map(({ label, f }) => [
      label,
      f.units,
      f.pairable,
      cell(ctx, f.percent, true),
      ...(two ? [cell(ctx, f.pairs[0]!.kappa)] : []),
      cell(ctx, f.fleiss),
      cell(ctx, f.alpha),
      ...(unitized ? [cell(ctx, f.unitizedAlpha)] : []),
      notes(f),
    ]),
    numeric: two ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5, 6],
  };
}

function pairTable(ctx: CommandContext, result: AgreementResult) {
  const name = new Map(result.coders.map((c) => [c.id, c.name]));
  const indent = ctx.format === 'table';
  const rows = [...result.codes.map((c) => ({ label: indent ? `${'  '.repeat(c.depth)}${c.name}` : c.path, f: c as AgreementFigures })), { label: 'All codes', f: result.overall }];
  return {
    headers: ['code', 'coder A', 'coder B', 'units', 'agree %', "Cohen's kappa", "Krippendorff's alpha"],
    rows: rows.flatMap(({ label, f }) => f.pairs.map((p) => [label, name.get(p.coderIds[0])!, name.get(p.coderIds[1])!, p.units, cell(ctx, p.percent, true), cell(ctx, p.kappa), cell(ctx, p.alpha)])),
    numeric: [3, 4, 5, 6],
  };
}
