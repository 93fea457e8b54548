import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Core } from '../../src-main/core/host';
import type { QuireClient } from '../../src-shared/contract';
import type { ProjectMeta } from './project-meta';
import { timedClient, tallyRows } from './timed-client';
import type { MethodTally } from './timed-client';
import { peakRssMiB } from './timing';

/** Options every preparing script takes: where to write the project and its cache key. */
export function prepareArgs(extra: Record<string, { type: 'string' }>): { out: string; key: string; values: Record<string, string | undefined> } {
  const { values } = parseArgs({ options: { out: { type: 'string' }, key: { type: 'string' }, ...extra }, strict: true });
  const raw = values as Record<string, string | undefined>;
  if (!raw.out || !raw.key) throw new Error('usage: --out FILE --key KEY');
  return { out: raw.out, key: raw.key, values: raw };
}

/**
 * Creates a project and loads it through the contract, timing every step and every method, then
 * closes it (which checkpoints the WAL) and writes the figures beside it.
 */
export async function buildProject(
  out: string,
  key: string,
  label: string,
  generateMs: number,
  characters: number,
  create: { readonly actor: string; readonly name: string; readonly description: string },
  load: (client: QuireClient, step: (name: string) => void) => Promise<void>,
): Promise<void> {
  // No rolling backup: the file is new, and a backup would only cost time and disk.
  const core = new Core();
  const tally = new Map<string, MethodTally>();
  const client = timedClient(core.client(), tally);
  const steps: { step: string; ms: number }[] = [];
  const t0 = performance.now();
  let last = t0;
  const step = (name: string): void => {
    const t = performance.now();
    steps.push({ step: name, ms: Math.round(t - last) });
    console.log(`  ${label}: ${name} (${((t - last) / 1000).toFixed(1)} s)`);
    last = t;
  };
  await client.call('project.create', { path: out, actor: { name: create.actor }, name: create.name, description: create.description });
  await load(client, step);
  const info = await core.client().call('project.info', {});
  await core.dispose();
  const meta: ProjectMeta = {
    key,
    actor: create.actor,
    label,
    generateMs: Math.round(generateMs),
    loadMs: Math.round(performance.now() - t0),
    steps,
    methods: tallyRows(tally),
    counts: info.counts,
    characters,
    peakRssMiB: Math.round(peakRssMiB()),
  };
  fs.writeFileSync(`${out}.json`, JSON.stringify(meta, null, 2));
}
