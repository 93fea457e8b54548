import { Core } from '../../src-main/core/host';
import type { QuireClient } from '../../src-shared/contract';
import type { Code, DocumentSummary } from '../../src-shared/model/entities';
import type { Plans } from './plans';
import { RawBaseline, openRaw, rawFirstView } from './raw';
import { RawWrites } from './raw-writes';
import type { ResultRow } from './rows';
import { progress } from './log';
import { measured } from './rows';
import { BUDGET_MS } from './budgets';
import { measure, rssMiB, timeOnce } from './timing';

/** An open project under test: the core through its contract, and a raw connection beside it. */
export interface Session {
  readonly core: Core;
  readonly client: QuireClient;
  readonly file: string;
  readonly plans: Plans;
  readonly raw: RawBaseline;
  /** The writing baselines, on the same raw connection. */
  readonly rawWrites: RawWrites;
  readonly documents: readonly DocumentSummary[];
  readonly codes: readonly Code[];
  readonly actorId: string;
  /** Resident set size right after opening the project and showing its first view, MiB. */
  readonly rssAfterOpenMiB: number;
}

export interface OpenedSession {
  readonly session: Session;
  readonly rows: readonly ResultRow[];
  readonly close: () => Promise<void>;
}

/**
 * Opens a project the way a face does (project.open, then the document list and the codebook for
 * the first view) and times that, cold-of-the-day once (a rolling backup is taken when the newest
 * is over 12 hours old, as on a fresh copy) and then warm, beside the raw baseline.
 */
export async function openSession(file: string, actorName: string, plans: Plans, label: string): Promise<OpenedSession> {
  const core = new Core();
  const client = core.client();
  const firstView = async (): Promise<{ documents: DocumentSummary[]; codes: Code[]; actorId: string }> => {
    const info = await client.call('project.open', { path: file, actor: { name: actorName } });
    const documents = await client.call('documents.list', {});
    const codes = await client.call('codes.list', {});
    return { documents, codes, actorId: info.actor.id };
  };
  const close = async (): Promise<void> => {
    await client.call('project.close', {});
  };

  progress('opening the project (first open backs it up)');
  const first = await timeOnce(firstView);
  await close();
  const ours = await measure(plans('open'), firstView, close);
  const raw = await measure(plans('open'), () => rawFirstView(file));
  const { documents, codes, actorId } = await firstView();
  const rssAfterOpenMiB = rssMiB();

  const rows: ResultRow[] = [
    measured(label, `project.open + documents.list + codes.list; ${documents.length.toLocaleString('en-US')} documents, ${codes.length} codes`, BUDGET_MS.openFirstView, ours, raw),
    measured('  … first open of the day', 'the same, once, on a fresh copy: includes the rolling backup of the whole file', null, { n: 1, median: first.ms, p95: first.ms, min: first.ms, max: first.ms }, null),
  ];
  const db = openRaw(file);
  const session: Session = { core, client, file, plans, raw: new RawBaseline(db, actorId), rawWrites: new RawWrites(db, actorId), documents, codes, actorId, rssAfterOpenMiB };
  return {
    session,
    rows,
    close: async () => {
      session.raw.db.close();
      await core.dispose();
    },
  };
}
