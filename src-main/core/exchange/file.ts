import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import { QuireError } from '../../../src-shared/contract/errors';
import { APPLICATION_ID, schemaVersion } from '../db/migrate';
import { migrations } from '../../../migrations';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './bundle';
import type { Bundle, BundleHeader, BundleOperation, Incoming } from './bundle';
import { collectOperations, knownOperationIds } from './collect';
import { projectIdOf, projectNameOf, replicaIdOf } from './identity';

const LATEST_SCHEMA = migrations[migrations.length - 1]!.version;

interface Trailer {
  readonly end: true;
  readonly operations: number;
  readonly sha256: string;
}

/**
 * A bundle file: gzip'd JSON lines — the header, one line per operation, and a trailer with the
 * count and a SHA-256 of the lines before it, so a truncated or altered file is caught.
 */
export function encodeBundle(bundle: Bundle): Buffer {
  const lines = [JSON.stringify(bundle.header), ...bundle.operations.map((op) => JSON.stringify(op))];
  const hash = crypto.createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  const trailer: Trailer = { end: true, operations: bundle.operations.length, sha256: hash.digest('hex') };
  return zlib.gzipSync(`${lines.join('\n')}\n${JSON.stringify(trailer)}\n`);
}

const damaged = (why: string): QuireError =>
  new QuireError('corrupt_project', `This exchange file is damaged or incomplete (${why}). Ask your colleague to export it again; nothing was merged.`);

/** Reads and checks a bundle file; throws a clear error (and merges nothing) when it is not sound. */
function decodeBundle(data: Buffer): Bundle {
  let text: string;
  try {
    text = zlib.gunzipSync(data).toString('utf8');
  } catch {
    throw damaged('it could not be unpacked — perhaps it was cut short while copying');
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let header: BundleHeader;
  let trailer: Trailer;
  try {
    header = JSON.parse(lines[0] ?? '') as BundleHeader;
    trailer = JSON.parse(lines[lines.length - 1] ?? '') as Trailer;
  } catch {
    throw damaged('its contents are not readable');
  }
  if (header.format !== BUNDLE_FORMAT) throw new QuireError('invalid_input', 'This file is not a Quire exchange file or project copy.');
  if (header.version > BUNDLE_VERSION) {
    throw new QuireError('newer_version', 'This exchange file was made by a newer version of Quire. Update Quire, then merge it again; nothing was merged.', { version: header.version });
  }
  if (trailer.end !== true) throw damaged('its end is missing');
  const body = lines.slice(0, -1);
  const hash = crypto.createHash('sha256');
  for (const line of body) hash.update(`${line}\n`);
  if (hash.digest('hex') !== trailer.sha256 || body.length - 1 !== trailer.operations) throw damaged('its checksum does not match');
  const operations = body.slice(1).map((line) => JSON.parse(line) as BundleOperation);
  return { header, operations };
}

/** A bundle of a copy's work since `sinceSeq` of its log (everything when 0), for one colleague's copy or anyone. */
export function bundleOf(raw: BetterSqlite3.Database, sinceSeq: number, replicaName: string, forReplica: string | null = null): Bundle {
  // A colleague's copy holds everything up to where it is known to have got to.
  const knownUpTo = forReplica === null ? 0 : sinceSeq;
  return { header: headerOf(raw, replicaName), operations: collectOperations(raw, sinceSeq, forReplica, new Set(), knownUpTo) };
}

function headerOf(raw: BetterSqlite3.Database, replicaName: string): BundleHeader {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    projectId: projectIdOf(raw),
    projectName: projectNameOf(raw),
    replicaId: replicaIdOf(raw),
    replicaName,
    createdAt: new Date().toISOString(),
    schemaVersion: schemaVersion(raw),
    knows: knownOperationIds(raw),
  };
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** Opens a colleague's whole project copy (a `.quire` file): its operations are read when asked for. */
function openCopy(file: string, cleanUp: () => void = () => {}): Incoming {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch {
    cleanUp();
    throw damaged('the project copy could not be opened');
  }
  const close = (): void => {
    db.close();
    cleanUp();
  };
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw new QuireError('invalid_input', 'This file is a database but not a Quire project; nothing was merged.');
    if (schemaVersion(db) > LATEST_SCHEMA) {
      throw new QuireError('newer_version', 'This project copy was saved by a newer version of Quire. Update Quire, then merge it again; nothing was merged.');
    }
    const owner = (db.prepare('SELECT m.name FROM operations o JOIN members m ON m.id = o.actor_id ORDER BY o.seq DESC LIMIT 1').pluck().get() as string | undefined) ?? '';
    const header = headerOf(db, owner);
    return { header, operations: (alreadyHere) => collectOperations(db, 0, null, alreadyHere), close };
  } catch (error) {
    close();
    if (error instanceof QuireError) throw error;
    throw damaged('the project copy could not be read');
  }
}

const inMemory = (bundle: Bundle): Incoming => ({ header: bundle.header, operations: () => bundle.operations, close: () => {} });

/**
 * A colleague's work from a file's bytes: a bundle, or a whole project copy. The browser edition
 * uploads the bytes; a copy is then read from a temporary file that is removed at once.
 */
export function readIncoming(data: Buffer): Incoming {
  if (data.subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC)) return inMemory(decodeBundle(data));
  if (data.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-merge-'));
    const file = path.join(folder, 'copy.quire');
    fs.writeFileSync(file, data);
    return openCopy(file, () => fs.rmSync(folder, { recursive: true, force: true }));
  }
  throw new QuireError('invalid_input', 'This file is not a Quire exchange file or project copy. Choose a .quirebundle or .quire file your colleague sent; nothing was merged.');
}

/** Reads a colleague's file from disk (the command line and the desktop app). */
export function readIncomingFile(file: string): Incoming {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    throw new QuireError('file_error', `Could not read "${file}": check the file name and that it is not open elsewhere.`, { path: file });
  }
  // A copy is read where it is; a bundle is small enough to read whole.
  if (head.equals(SQLITE_HEADER)) return openCopy(file);
  return readIncoming(fs.readFileSync(file));
}
