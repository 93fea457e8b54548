import { createHash } from 'node:crypto';
import { QuireError } from '../../../src-shared/contract/errors';
import { uuidv7 } from '../../../src-shared/model/ids';
import type { ProjectFile } from '../db/open';
import type { ExtractedDocument } from './types';

/** All files staged at once may hold this much; a bigger batch is imported in parts. */
const STAGING_LIMIT_BYTES = 1024 * 1024 * 1024;

export interface StagedFile {
  readonly id: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  /** The last reading, by encoding asked for: previews and the commit reuse it. */
  readonly readings: Map<string, Promise<ExtractedDocument>>;
}

/**
 * Files handed to the core for import and not yet imported. Held per open project (a closed
 * project drops them with it) and only in memory: until the commit nothing touches the file.
 */
export class Staging {
  private readonly files = new Map<string, StagedFile>();

  add(fileName: string, bytes: Uint8Array): StagedFile {
    const held = [...this.files.values()].reduce((sum, f) => sum + f.bytes.length, 0);
    if (held + bytes.length > STAGING_LIMIT_BYTES) {
      throw new QuireError('invalid_input', `"${fileName}" does not fit in this import: the files chosen so far already hold over 1 GB. Import them first, then the rest.`, { fileName });
    }
    const file: StagedFile = { id: uuidv7(), fileName, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), readings: new Map() };
    this.files.set(file.id, file);
    return file;
  }

  get(id: string): StagedFile {
    const file = this.files.get(id);
    if (!file) throw new QuireError('not_found', 'This file is no longer waiting to be imported: it was imported already, or the import was cancelled. Choose it again.', { id });
    return file;
  }

  drop(ids: readonly string[]): void {
    for (const id of ids) this.files.delete(id);
  }
}

const byProject = new WeakMap<ProjectFile, Staging>();

/** The staging area of an open project. */
export function stagingOf(file: ProjectFile): Staging {
  let staging = byProject.get(file);
  if (!staging) byProject.set(file, (staging = new Staging()));
  return staging;
}
