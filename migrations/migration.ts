/**
 * A schema step. Migrations are listed statically (see index.ts): scanning a folder at run time
 * breaks once the core is bundled into the desktop app.
 */
export interface Migration {
  /** The `user_version` the file has after this step. */
  readonly version: number;
  readonly name: string;
  /** Statements run in order, all pending migrations inside one transaction. */
  readonly up: readonly string[];
}
