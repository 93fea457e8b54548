import { summarize } from './stats';
import type { Summary } from './stats';

export interface Plan {
  /** Untimed runs first, so caches, JIT and SQLite's page cache are warm ("in the core, warm"). */
  readonly warmup: number;
  readonly reps: number;
}

/**
 * Times `run` `plan.reps` times after `plan.warmup` untimed runs. `run` gets the repetition
 * number (warm-ups count from -warmup) so callers can rotate through documents or codes.
 * `between` runs untimed after every run (e.g. closing the project, undoing a write).
 */
export async function measure(plan: Plan, run: (i: number) => unknown, between?: (i: number) => unknown): Promise<Summary> {
  const samples: number[] = [];
  for (let i = -plan.warmup; i < plan.reps; i++) {
    const t0 = performance.now();
    await run(i);
    const ms = performance.now() - t0;
    if (i >= 0) samples.push(ms);
    if (between) await between(i);
  }
  return summarize(samples);
}

/** Wall time of one async step, for one-off steps such as generation and loading. */
export async function timeOnce<T>(step: () => Promise<T> | T): Promise<{ readonly value: T; readonly ms: number }> {
  const t0 = performance.now();
  const value = await step();
  return { value, ms: performance.now() - t0 };
}

const MiB = 1024 * 1024;

/** Resident set size of this process now, in MiB. */
export function rssMiB(): number {
  return process.memoryUsage().rss / MiB;
}

/** The largest resident set size this process has had so far, in MiB. */
export function peakRssMiB(): number {
  // resourceUsage reports maxRSS in kilobytes on every platform Node supports.
  return (process.resourceUsage().maxRSS * 1024) / MiB;
}
