import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Member } from '../../src-shared/model/entities';
import type { Summary } from '../../src-shared/model/summaries';
import type { InputOf, KindOf, MethodName, ParsedInputOf, ResultOf } from '../../src-shared/contract';
import type { Database } from './db/schema';
import type { ProjectFile } from './db/open';
import type { Writer } from './mutation/writer';

/**
 * What reading the project needs: its database. A worker thread reading for an export (see
 * export/csv-parts.ts) has this and nothing else of the host.
 */
export interface ReadContext {
  readonly db: Kysely<Database>;
  readonly raw: BetterSqlite3.Database;
}

/** What every handler sees: the open project and who is working. */
export interface QueryContext extends ReadContext {
  readonly file: ProjectFile;
  readonly actor: Member;
  /**
   * Calls another contract method inside this one (same transaction when mutating), e.g. the
   * sample loader or a merge that creates codes.
   */
  readonly call: <M extends MethodName>(method: M, input: InputOf<M>) => Promise<ResultOf<M>>;
}

/** What a mutation handler sees in addition: the writer of the one mutation path. */
export interface MutationContext extends QueryContext {
  readonly write: Writer;
  /** This operation's place in the change log. */
  readonly operationSeq: number;
  /**
   * A one-line summary for the undo notice and the activity history ("Coded 12 passages"), as a
   * key of the catalogue and its values: `ctx.describe(summary('codings.applyMany', { count: 12 }))`.
   */
  describe(summary: Summary): void;
  /** Reports progress of a long operation to the faces. */
  progress(done: number, total: number): void;
}

export type Handler<M extends MethodName> = (
  ctx: KindOf<M> extends 'mutation' ? MutationContext : QueryContext,
  input: ParsedInputOf<M>,
) => Promise<ResultOf<M>>;

/**
 * Methods of the host itself (opening projects, this machine's settings, who presents a meeting),
 * not of a service.
 */
export type SessionMethod = Extract<MethodName, `project.${'create' | 'open' | 'close'}` | `app.${string}` | `meetings.${'present' | 'endPresentation' | 'presenting'}`>;
type HandledMethod = Exclude<MethodName, SessionMethod>;

/** Every method the core implements in a service (the session methods live in the host). */
export type Handlers = { readonly [M in HandledMethod]: Handler<M> };
export type SomeHandlers<K extends HandledMethod> = { readonly [M in K]: Handler<M> };
