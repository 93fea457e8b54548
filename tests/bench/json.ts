import type { ProjectMeta } from './project-meta';
import type { ResultRow } from './rows';
import { ratio, verdict } from './rows';
import type { Summary } from './stats';
import type { MemoryFigures } from './programme';
import type { PeerResult } from './peer';
import type { ScalingResult } from './scaling';

/** The `--json FILE` document: the same figures as the tables, for tracking over time. */
export interface JsonReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  mode: string;
  project?: { file: string; built: boolean; meta: ProjectMeta; sizeMiB: number };
  rows?: JsonRow[];
  extra?: JsonRow[];
  memory?: MemoryFigures;
  peer?: PeerResult;
  scaling?: ScalingResult;
  totalSeconds?: number;
  /** 1-minute load average when the bench started and ended. */
  load?: { before: number; after: number };
}

export interface JsonRow {
  operation: string;
  detail: string | null;
  budgetMs: number | null;
  ours: Summary | null;
  raw: Summary | null;
  ratio: number | null;
  peerMs: number | null;
  verdict: string;
  note: string | null;
}

export function rowJson(row: ResultRow): JsonRow {
  return {
    operation: row.operation.replace(/^[\s…]+/, ''),
    detail: row.detail ?? null,
    budgetMs: row.budgetMs,
    ours: row.ours,
    raw: row.raw,
    ratio: ratio(row),
    peerMs: row.peerMs ?? null,
    verdict: verdict(row),
    note: row.note ?? null,
  };
}
