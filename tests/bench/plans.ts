import type { Plan } from './timing';

/** How hard each kind of operation is exercised: cheap ones get more repetitions. */
export type PlanKind = 'query' | 'open' | 'report' | 'heavy' | 'write' | 'import';

const FULL: Record<PlanKind, Plan> = {
  query: { warmup: 3, reps: 20 },
  open: { warmup: 1, reps: 7 },
  report: { warmup: 2, reps: 10 },
  heavy: { warmup: 1, reps: 5 },
  write: { warmup: 3, reps: 30 },
  import: { warmup: 1, reps: 7 },
};

const QUICK: Record<PlanKind, Plan> = {
  query: { warmup: 1, reps: 5 },
  open: { warmup: 1, reps: 3 },
  report: { warmup: 1, reps: 3 },
  heavy: { warmup: 1, reps: 2 },
  write: { warmup: 1, reps: 5 },
  import: { warmup: 1, reps: 3 },
};

export type Plans = (kind: PlanKind) => Plan;

export function plans(quick: boolean, reps: number | null): Plans {
  const table = quick ? QUICK : FULL;
  return (kind) => (reps === null ? table[kind] : { ...table[kind], reps });
}
