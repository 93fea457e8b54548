/**
 * Import failures as `QuireError`s whose message names the file and says, in a researcher's words,
 * what is wrong and what to do. Library errors never escape the import layer: each extractor
 * catches them and calls `unreadable`, so a message from mammoth or pdf.js (in English,
 * about internals) is kept only in `details`.
 */
import { QuireError } from '../../../src-shared/contract/errors';

/** A QuireError about `fileName`: `message` follows the quoted name, e.g. `is empty.` */
export function importError(fileName: string, message: string, details?: Record<string, unknown>): QuireError {
  return new QuireError('invalid_input', `"${fileName}" ${message}`, { fileName, ...details });
}

/**
 * Wraps an unexpected library error for a file that is damaged: a QuireError passes through
 * unchanged; anything else becomes "could not be read … damaged" with the original text in details.
 */
export function unreadable(fileName: string, formatName: string, cause: unknown, hint?: string): QuireError {
  if (cause instanceof QuireError) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return importError(
    fileName,
    `could not be read as ${formatName}: the file seems to be damaged. ${hint ?? 'Open it in the program that made it, save it again, and import the new copy.'}`,
    { reason },
  );
}

/** "1 picture was" / "3 pictures were", for warnings. */
export function plural(n: number, word: string): string {
  return n === 1 ? `1 ${word} was` : `${n} ${word}s were`;
}
