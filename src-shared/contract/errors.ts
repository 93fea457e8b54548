/**
 * Typed errors that cross every transport. Messages are written for a researcher, not a
 * programmer: they say what was wrong and what to do, and `details` carries the machine part.
 */

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'no_project',
  'not_found',
  'conflict',
  'project_locked',
  'not_a_project',
  'newer_version',
  'corrupt_project',
  'file_error',
  'nothing_to_undo',
  'nothing_to_redo',
  'invalid_pattern',
  'internal',
  /** The full-text index is still being built after an upgrade: search again in a moment. */
  'index_building',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Thrown by the core, carried across the transport as an {@link ErrorPayload}, and rebuilt by clients. */
export class QuireError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, details?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = 'QuireError';
    this.code = code;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromPayload(payload: ErrorPayload): QuireError {
    return new QuireError(payload.code, payload.message, payload.details);
  }
}

/** Shorthand for the commonest error: a record the user named does not exist (any more). */
export function notFound(what: string, id: string): QuireError {
  return new QuireError('not_found', `${what} was not found in this project (it may have been deleted).`, { id });
}
