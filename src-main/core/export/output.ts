/**
 * Where an export's bytes go: a file written in place, or memory for the renderer to download.
 * A file is written under a temporary name beside it and renamed when complete, so an export that
 * fails half-way leaves neither a partial file nor a damaged older one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { QuireError } from '../../../src-shared/contract/errors';

export interface Output {
  /**
   * Writes `chunk`. A writer that fills buffers of its own may hand over the whole `buffer` the
   * chunk is part of, to have it back from `spare` once written.
   */
  write(chunk: string | Uint8Array, buffer?: Buffer): void;
  /** A buffer handed over with a chunk and written since, to fill again; undefined when none is free. */
  spare?(): Buffer | undefined;
}

/** Chunks kept in memory. */
export class MemoryOutput implements Output {
  private readonly chunks: Buffer[] = [];

  /** `spares`: buffers to fill before taking new ones (see `FileOutput.spares`). */
  constructor(private readonly spares: Buffer[] = []) {}

  spare(): Buffer | undefined {
    return this.spares.pop();
  }

  write(chunk: string | Uint8Array): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
  /** The chunks as written, without joining them. */
  parts(): readonly Buffer[] {
    return this.chunks;
  }
}

/** Words a researcher understands for why a file could not be written. */
function cannotWrite(file: string, error: NodeJS.ErrnoException): QuireError {
  const why =
    error.code === 'ENOENT' || error.code === 'ENOTDIR'
      ? 'the folder does not exist'
      : error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS'
        ? 'you are not allowed to write there'
        : error.code === 'EISDIR'
          ? 'it is a folder'
          : error.code === 'ENOSPC'
            ? 'the disk is full'
            : (error.message ?? String(error));
  return new QuireError('file_error', `Cannot write "${file}": ${why}. Choose another place to save the export.`, { path: file, code: error.code ?? null });
}

/** Writes all of `data` at the file's current position, in Node's thread pool. */
async function writeAll(fd: number, data: Uint8Array): Promise<void> {
  for (let at = 0; at < data.byteLength; ) {
    const { bytesWritten } = await writeAsync(fd, data, at, data.byteLength - at);
    if (bytesWritten === 0) throw Object.assign(new Error('nothing could be written'), { code: 'EIO' });
    at += bytesWritten;
  }
}

const fdatasync = (fd: number): Promise<void> => new Promise((resolve, reject) => fs.fdatasync(fd, (error) => (error ? reject(error) : resolve())));

/**
 * Written data is flushed to the disk every so many bytes while the export goes on: the flush
 * before the file is renamed into place (so a crash never leaves a renamed empty file) then waits
 * only for the last few, not for 80 MB.
 */
const SYNC_EVERY = 16 << 20;

const writeAsync = (fd: number, data: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }> =>
  new Promise((resolve, reject) => fs.write(fd, data, offset, length, null, (error, bytesWritten) => (error ? reject(error) : resolve({ bytesWritten }))));

/**
 * Writes through a temporary file beside `file`; `commit` renames it into place, `abort` removes
 * it. Chunks are written in Node's thread pool, one after another, while the export goes on
 * making the next ones: a large export's 80 MB reach the disk meanwhile, not after.
 */
export class FileOutput implements Output {
  private readonly temporary: string;
  private fd: number | null;
  /** The chunks handed over so far, written in order; the first failure stops the rest. */
  private written: Promise<void> = Promise.resolve();
  /** Why writing failed, once it has: the next `write` says so, and the export stops there. */
  private failure: NodeJS.ErrnoException | null = null;
  /**
   * Buffers written and free to fill again. Filling fresh memory costs more than encoding into it
   * (each page is faulted in): a large export reuses a few buffers instead of taking 80 new ones.
   */
  private readonly spares: Buffer[] = [];
  bytes = 0;
  /** Bytes handed over since the last flush to the disk was asked for. */
  private unsynced = 0;

  constructor(readonly file: string) {
    this.temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.partial`);
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw cannotWrite(file, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    try {
      this.fd = fs.openSync(this.temporary, 'wx');
    } catch (error) {
      throw cannotWrite(file, error as NodeJS.ErrnoException);
    }
  }

  write(chunk: string | Uint8Array, buffer?: Buffer): void {
    const fd = this.fd;
    if (fd === null) throw new QuireError('internal', 'The export file was already closed.');
    if (this.failure) throw cannotWrite(this.file, this.failure);
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.bytes += data.byteLength;
    this.unsynced += data.byteLength;
    const sync = this.unsynced >= SYNC_EVERY;
    if (sync) this.unsynced = 0;
    this.written = this.written
      .then(async () => {
        await writeAll(fd, data);
        if (buffer) this.spares.push(buffer);
        if (sync) await fdatasync(fd);
      })
      .catch((error: NodeJS.ErrnoException) => {
        // Kept, not left unhandled (that would stop the process): the next write or the commit reports it.
        this.failure ??= error;
      });
  }

  spare(): Buffer | undefined {
    return this.spares.pop();
  }

  async commit(): Promise<void> {
    try {
      await this.written;
      if (this.failure) throw this.failure;
      const fd = this.fd!;
      fs.fsyncSync(fd);
      this.fd = null;
      fs.closeSync(fd);
      fs.renameSync(this.temporary, this.file);
    } catch (error) {
      await this.abort();
      throw cannotWrite(this.file, error as NodeJS.ErrnoException);
    }
  }

  /** Removes the temporary file, once no write to it is on its way (its descriptor could be another file's by then). */
  async abort(): Promise<void> {
    await this.written;
    const fd = this.fd;
    this.fd = null;
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(this.temporary, { force: true });
  }
}

/** What an export produced: the bytes when kept in memory, or the file written. */
export interface Produced {
  readonly data: Buffer | null;
  readonly path: string | null;
  readonly bytes: number;
}

/**
 * Runs `produce` against a file at `file` (atomically) or, without one, against memory. A failure
 * removes the temporary file and rethrows.
 */
export async function produce(file: string | undefined, write: (out: Output) => Promise<void>): Promise<Produced> {
  if (file === undefined) {
    const memory = new MemoryOutput();
    await write(memory);
    const data = memory.bytes();
    return { data, path: null, bytes: data.byteLength };
  }
  const target = path.resolve(file);
  const out = new FileOutput(target);
  try {
    await write(out);
  } catch (error) {
    await out.abort();
    throw error;
  }
  await out.commit();
  return { data: null, path: target, bytes: out.bytes };
}
