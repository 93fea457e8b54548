import { uuidv7 } from '../../../src-shared/model/ids';
import { summaryText } from '../../../src-shared/model/summaries';
import type { Summary } from '../../../src-shared/model/summaries';
import type { MutationContext, QueryContext } from '../context';
import { Writer } from './writer';
import { compactInput } from './compact';

export interface MutationOutcome<R> {
  readonly result: R;
  /** Null when nothing changed (e.g. applying a coding that already exists). */
  readonly operationId: string | null;
  readonly tables: readonly string[];
}

const kindOf = (method: string): 'do' | 'undo' | 'redo' =>
  method === 'history.undo' ? 'undo' : method === 'history.redo' ? 'redo' : 'do';

/**
 * The one mutation path. Runs `body` in one IMMEDIATE transaction as one operation of the change
 * log: either everything it wrote lands together with its before/after images, or nothing does.
 * A new operation ends the redo stack.
 */
export async function runMutation<R>(
  ctx: QueryContext,
  method: string,
  input: unknown,
  body: (m: MutationContext) => Promise<R>,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<MutationOutcome<R>> {
  const { raw } = ctx;
  const kind = kindOf(method);
  raw.exec('BEGIN IMMEDIATE');
  try {
    const id = uuidv7();
    const seq = Number(
      raw
        .prepare(
          "INSERT INTO operations (id, actor_id, at, method, input, summary, kind, state) VALUES (?, ?, ?, ?, ?, '', ?, 'done')",
        )
        .run(id, ctx.actor.id, new Date().toISOString(), method, JSON.stringify(compactInput(input) ?? null), kind).lastInsertRowid,
    );
    const write = new Writer(raw, seq);
    // Set by the body through `describe` (a closure TypeScript cannot follow, hence the type here).
    let summary = null as Summary | null;
    const result = await body({ ...ctx, write, operationSeq: seq, describe: (s) => (summary = s), progress: onProgress });
    if (write.changeCount === 0) {
      raw.exec('ROLLBACK');
      return { result, operationId: null, tables: [] };
    }
    // New work ends what could be redone; bookkeeping the handler marked final (a member joining,
    // marking things read) is not work and leaves it.
    const bookkeeping = (raw.prepare('SELECT final FROM operations WHERE seq = ?').get(seq) as { final: number }).final === 1;
    if (kind === 'do' && !bookkeeping) raw.prepare("UPDATE operations SET final = 1 WHERE state = 'undone' AND final = 0").run();
    // The English text for every reader of the log (CLI, older copies); the key and values for
    // showing it in the reader's language.
    raw
      .prepare('UPDATE operations SET summary = ?, summary_key = ?, summary_values = ? WHERE seq = ?')
      .run(summary ? summaryText(summary) : '', summary?.key ?? null, summary ? JSON.stringify(summary.values) : null, seq);
    raw.exec('COMMIT');
    return { result, operationId: id, tables: write.tables };
  } catch (error) {
    if (raw.inTransaction) raw.exec('ROLLBACK');
    throw error;
  }
}
