/**
 * `--scale 0.25,0.5,1,2`: the matrix and retrieval queries on sample projects of several sizes,
 * and how their time grows with size (time ∝ size^k; k ≈ 1 is linear).
 */
import { sampleProject, scaleLabel, workingCopy } from './cache';
import { describeProject } from './describe';
import { fmtMs, table } from './format';
import type { Plans } from './plans';
import { codePageRows, documentRows, matrixRows } from './queries';
import type { ResultRow } from './rows';
import { openSession } from './session';
import { growthExponent } from './stats';

export interface ScalingResult {
  readonly scales: readonly number[];
  readonly operations: readonly { readonly operation: string; readonly medians: readonly (number | null)[]; readonly raw: readonly (number | null)[]; readonly exponent: number | null }[];
}

const opName = (row: ResultRow): string => row.operation.replace(/^[\s…]+/, '… ');

function judge(k: number | null): string {
  if (k === null) return '—';
  if (k < 0.3) return 'flat';
  if (k < 0.85) return 'sublinear';
  if (k <= 1.2) return 'linear';
  return 'SUPERLINEAR';
}

export async function runScaling(scales: readonly number[], plans: Plans): Promise<ScalingResult> {
  const byScale: ResultRow[][] = [];
  for (const scale of scales) {
    console.log(`\n— ${scaleLabel(scale)} —`);
    const project = await sampleProject(scale);
    describeProject(project);
    const copy = workingCopy(project.file);
    const opened = await openSession(copy.file, project.meta.actor, plans, 'open project to first view data');
    try {
      const s = opened.session;
      byScale.push([opened.rows[0]!, ...(await documentRows(s)), ...(await codePageRows(s)), ...(await matrixRows(s, 'enterprise'))]);
    } finally {
      await opened.close();
      copy.dispose();
    }
  }
  const names = byScale[0]!.map(opName);
  const operations = names.map((operation, i) => {
    const medians = byScale.map((rows) => rows[i]?.ours?.median ?? null);
    const raw = byScale.map((rows) => rows[i]?.raw?.median ?? null);
    const first = medians[0];
    const last = medians[medians.length - 1];
    const exponent = scales.length > 1 && first && last ? growthExponent(scales[0]!, first, scales[scales.length - 1]!, last) : null;
    return { operation, medians, raw, exponent };
  });
  console.log(`\nGrowth with corpus size (median; size ×${(scales[scales.length - 1]! / scales[0]!).toFixed(0)} from the first to the last column):\n`);
  console.log(
    table(
      ['operation', ...scales.map((s) => `×${s}`), `growth k (time ∝ size^k)`, 'verdict', 'raw k'],
      operations.map((o) => {
        const rawFirst = o.raw[0];
        const rawLast = o.raw[o.raw.length - 1];
        const rawK = scales.length > 1 && rawFirst && rawLast ? growthExponent(scales[0]!, rawFirst, scales[scales.length - 1]!, rawLast) : null;
        return [o.operation, ...o.medians.map((m) => fmtMs(m)), o.exponent === null ? '—' : o.exponent.toFixed(2), judge(o.exponent), rawK === null ? '—' : rawK.toFixed(2)];
      }),
      [false, ...scales.map(() => true), true, false, true],
    ),
  );
  return { scales, operations };
}
