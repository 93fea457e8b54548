import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { QuireError } from '../../../src-shared/contract/errors';
import { migrations as allMigrations } from '../../../migrations';
import type { Migration } from '../../../migrations';
import { acquireLock } from './lock';
import { backupProject, newestBackupAgeHours } from './backup';
import { APPLICATION_ID, migrate, schemaVersion } from './migrate';
import { refreshSegments } from './derived';
import { refreshSearchIndex, startSearchIndex } from './search-index';
import type { SearchIndexState } from './search-index';
import type { Database } from './schema';

/** An open project file: the raw handle for the mutation path, kysely for queries. */
export interface ProjectFile {
  readonly path: string;
  readonly raw: BetterSqlite3.Database;
  readonly db: Kysely<Database>;
  readonly schemaVersion: number;
  /** `building` when the full-text index is left to build in the background (`searchIndexSteps`). */
  readonly searchIndex: SearchIndexState;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly create: boolean;
  /** Shown to a second opener: who holds the file. */
  readonly actorName: string;
  /** Take a rolling backup on open when the newest is older than this. */
  readonly backupIntervalHours?: number;
  /**
   * Leave building a missing or outdated full-text index to the caller, step by step, instead of
   * building it before the project opens (a minute on a large project: the app opens at once and
   * shows the progress; the command line waits for it).
   */
  readonly searchIndexInBackground?: boolean;
  /** For tests of the migrator: the schema steps to apply. */
  readonly migrations?: readonly Migration[];
}

const SQLITE_HEADER = 'SQLite format 3\0';

function checkHeader(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = fs.readSync(fd, buffer, 0, 16, 0);
    if (read === 0) return; // an empty file becomes a new project
    if (read < 16 || buffer.toString('latin1') !== SQLITE_HEADER) {
      throw new QuireError('not_a_project', `"${file}" is not a Quire project: it is not a project database at all (perhaps a document that should be imported instead).`, { path: file });
    }
  } finally {
    fs.closeSync(fd);
  }
}

function describeSqliteError(file: string, error: unknown): QuireError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new QuireError('corrupt_project', `The project "${file}" is damaged and cannot be read. Restore the newest copy from the "${file}.backups" folder.`, { path: file, sqlite: code });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR') {
    return new QuireError('file_error', `Quire could not write to "${file}" (${code}): check that the disk is not full and the folder is writable.`, { path: file, sqlite: code });
  }
  return error instanceof QuireError ? error : new QuireError('internal', String((error as Error).message ?? error), { path: file });
}

/**
 * Opens (or creates) a project file: takes the lock, checks that it is a Quire project of a
 * version this build understands, backs it up, migrates it, and hands out the handles.
 */
export async function openProjectFile(file: string, options: OpenOptions): Promise<ProjectFile> {
  const steps = options.migrations ?? allMigrations;
  const latest = steps[steps.length - 1]?.version ?? 0;
  const exists = fs.existsSync(file);
  if (options.create && exists && fs.statSync(file).size > 0) {
    throw new QuireError('conflict', `"${file}" already exists: choose another name, or open it instead.`, { path: file });
  }
  if (!options.create && !exists) {
    throw new QuireError('not_found', `There is no project at "${file}".`, { path: file });
  }
  if (exists) checkHeader(file);

  const lock = acquireLock(file, options.actorName);
  if (!lock.ok) {
    const { holder } = lock;
    throw new QuireError(
      'project_locked',
      `"${file}" is already open by ${holder.actor} on ${holder.host} (since ${holder.since}). Close it there first, or work on a copy.`,
      { path: file, holder },
    );
  }

  let raw: BetterSqlite3.Database | null = null;
  try {
    raw = new BetterSqlite3(file);
    raw.pragma('busy_timeout = 5000');
    const appId = raw.pragma('application_id', { simple: true }) as number;
    const version = schemaVersion(raw);
    if (exists && version > 0 && appId !== APPLICATION_ID) {
      throw new QuireError('not_a_project', `"${file}" is a database made by another program, not a Quire project.`, { path: file });
    }
    if (exists && version === 0 && raw.prepare("SELECT count(*) AS n FROM sqlite_schema").pluck().get() !== 0) {
      throw new QuireError('not_a_project', `"${file}" is a database made by another program, not a Quire project.`, { path: file });
    }
    if (version > latest) {
      throw new QuireError('newer_version', `"${file}" was saved by a newer version of Quire (schema ${version}; this one knows up to ${latest}). Update Quire to open it.`, { path: file, version, latest });
    }
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    // 64 MiB of page cache (better-sqlite3's default is 16): at programme scale the indexes one
    // report reads (codings by code, by document, cases, documents) come to about 16 MB, so with
    // the default each call read most of them from the disk cache again (the informants matrix
    // lost a fifth of its time so). Pages are cached only as they are read.
    raw.pragma('cache_size = -65536');
    if (version > 0 && version < latest) await backupProject(raw, file, `before-schema-${latest}`);
    const reached = migrate(raw, steps);
    const resegmented = reached >= 2 && refreshSegments(raw);
    // Full-text search: built once for older projects.
    let searchIndex: SearchIndexState = 'ready';
    if (reached >= 5) {
      if (options.searchIndexInBackground) searchIndex = startSearchIndex(raw, resegmented);
      else refreshSearchIndex(raw, resegmented);
    }
    const handle = raw;
    // The rolling backup runs while the researcher works (SQLite's online backup copies page by
    // page between other statements), so a large project still opens at once.
    const rolling =
      version > 0 && newestBackupAgeHours(file, 'open') >= (options.backupIntervalHours ?? 12)
        ? backupProject(handle, file, 'open').then(
            () => undefined,
            () => undefined, // a failed backup must not take the project down; the next open tries again
          )
        : Promise.resolve();
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
    let closed = false;
    return {
      path: file,
      raw: handle,
      db,
      schemaVersion: reached,
      searchIndex,
      close: async () => {
        if (closed) return;
        closed = true;
        await rolling;
        await db.destroy(); // closes the better-sqlite3 handle, which checkpoints the WAL
        lock.release();
      },
    };
  } catch (error) {
    raw?.close();
    lock.release();
    throw describeSqliteError(file, error);
  }
}
