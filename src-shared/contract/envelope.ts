import type { ErrorPayload } from './errors';
import type { Presentation } from './meetings';

/** The one envelope every transport carries. */
export type CallResult<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: ErrorPayload };

/**
 * Pushed by the core after every committed mutation, during long operations, and when someone
 * presenting a meeting moves (`presentation` null: the presentation ended).
 */
export type CoreEvent =
  | {
      readonly type: 'changed';
      readonly method: string;
      readonly operationId: string | null;
      /** Table names touched, so views refresh only what they show. */
      readonly tables: readonly string[];
    }
  | { readonly type: 'progress'; readonly task: string; readonly done: number; readonly total: number }
  | { readonly type: 'presenting'; readonly meetingId: string; readonly presentation: Presentation | null };
