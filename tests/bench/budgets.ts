import { contract } from '../../src-shared/contract';

/**
 * The budget table of DESIGN.md ("Performance budgets"), at programme scale, in the core, warm.
 * Rows the core cannot do yet name the issue that will build them; `methods` are the contract
 * method names (or prefixes) that would do it, so the bench notices when one lands and asks for a
 * measurement instead of claiming it is missing.
 */
export interface PendingRow {
  readonly operation: string;
  readonly budgetMs: number;
  readonly issue: number;
  readonly methods: readonly string[];
}

export const BUDGET_MS = {
  openFirstView: 500,
  openDocument: 20,
  applyRemove: 5,
  codeFirstPage: 50,
  matrix: 100,
  longitudinal: 300,
  cooccurrence: 1000,
  search: 50,
  import200k: 300,
  exportDocx: 3000,
  exportAllCsv: 2000,
  merge: 5000,
} as const;

export const PENDING: readonly PendingRow[] = [];

/** Contract methods matching a pending row's names or prefixes (empty while nothing is built). */
export function landedMethods(row: Pick<PendingRow, 'methods'>): string[] {
  return Object.keys(contract).filter((name) => row.methods.some((m) => (m.endsWith('.') ? name.startsWith(m) : name === m)));
}
