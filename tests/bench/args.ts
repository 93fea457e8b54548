import { parseArgs } from 'node:util';

export interface BenchArgs {
  /** Sample scale, few repetitions: the CI smoke test. */
  readonly quick: boolean;
  /** Corpus sizes (fractions of programme scale) for the growth table; empty when not asked. */
  readonly scales: readonly number[];
  readonly peer: boolean;
  readonly json: string | null;
  /** Overrides the number of timed repetitions of each operation. */
  readonly reps: number | null;
  readonly keep: boolean;
}

export const USAGE = `npm run bench -- [options]

  (no option)         programme scale (2,000 documents, 100,000 codings): every DESIGN.md budget row
  --quick             sample scale, few repetitions (CI smoke test)
  --scale 0.25,0.5,1,2  matrix and retrieval at several corpus sizes, with growth
  --peer              the "16 enterprises" workload beside Taguette 1.5.2's figures
  --json FILE         also write every figure as JSON
  --reps N            timed repetitions per operation (warm-up runs come on top)
  --keep              keep the working copy of the project in .bench-cache/work/
`;

export function parseBenchArgs(argv: readonly string[]): BenchArgs | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'string' },
      peer: { type: 'boolean', default: false },
      json: { type: 'string' },
      reps: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const scales = values.scale === undefined ? [] : values.scale.split(',').map((s) => Number(s.trim()));
  if (scales.some((s) => !(s > 0 && s <= 8))) throw new Error(`--scale takes fractions of programme scale between 0 and 8, e.g. 0.25,0.5,1,2 (got "${values.scale}").`);
  const reps = values.reps === undefined ? null : Number(values.reps);
  if (reps !== null && !(Number.isInteger(reps) && reps >= 1)) throw new Error(`--reps takes a whole number ≥ 1 (got "${values.reps}").`);
  return { quick: values.quick, scales: [...new Set(scales)].sort((a, b) => a - b), peer: values.peer, json: values.json ?? null, reps, keep: values.keep };
}
