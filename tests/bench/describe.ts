import fs from 'node:fs';
import os from 'node:os';
import type { CachedProject } from './cache';
import type { MemoryFigures } from './programme';
import type { JsonReport } from './json';

export function machine(): JsonReport['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.versions.node,
    platform: `${os.platform()} ${os.release()}`,
  };
}

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** What was measured on, and what building it cost (the cache makes later runs skip that). */
export function describeProject(project: CachedProject): void {
  const { meta } = project;
  const size = fs.statSync(project.file).size / 2 ** 20;
  const counts = Object.entries(meta.counts)
    .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
    .join(', ');
  console.log(`Project: ${meta.label} — ${counts}, ${meta.characters.toLocaleString('en-US')} characters, file ${size.toFixed(1)} MiB`);
  console.log(
    `  ${project.built ? 'built in this run' : 'reused from .bench-cache'}: generation ${s(meta.generateMs)}, loading through the contract ${s(meta.loadMs)} (peak RSS of the loader ${meta.peakRssMiB} MiB)`,
  );
  const top = meta.methods.slice(0, 4).map((m) => `${m.method} ${s(m.ms)} (${m.calls.toLocaleString('en-US')} calls)`);
  console.log(`  loading time by method: ${top.join(', ')}`);
}

export function printMemory(m: MemoryFigures): void {
  console.log(
    `\nMemory (RSS of the bench process): ${m.afterOpenMiB.toFixed(0)} MiB after opening; ${m.afterHeaviestQueryMiB.toFixed(0)} MiB after the heaviest query (${m.heaviestQuery}); peak ${m.peakMiB.toFixed(0)} MiB.`,
  );
}
