import os from 'node:os';

/**
 * Progress goes to stderr, so `npm run bench > figures.txt` keeps only the tables while a person
 * watching still sees that a long step is alive.
 */
export function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

/**
 * The 1-minute load average against the number of cores. Figures taken while other work runs
 * on a 2-core machine can be several times slower, so the tables say how busy the machine was.
 */
export function machineLoad(): { readonly load1: number; readonly cores: number; readonly busy: boolean } {
  const cores = os.cpus().length;
  const load1 = os.loadavg()[0] ?? 0;
  return { load1, cores, busy: load1 > cores * 0.5 };
}
