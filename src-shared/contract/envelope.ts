import type { ErrorPayload } from './errors';

/** The one envelope every transport carries. */
export type CallResult<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: ErrorPayload };

/** Pushed by the core after every committed mutation and during long operations. */
export type CoreEvent =
  | {
      readonly type: 'changed';
      readonly method: string;
      readonly operationId: string | null;
      /** Table names touched, so views refresh only what they show. */
      readonly tables: readonly string[];
    }
  | { readonly type: 'progress'; readonly task: string; readonly done: number; readonly total: number };

