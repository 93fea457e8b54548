/**
 * Where an export's bytes go: a file written in place, or memory for the renderer to download.
 * A file is written under a temporary name beside it and renamed when complete, so an export that
 * fails half-way leaves neither a partial file nor a damaged older one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { QuireError } from '../../../src-shared/contract/errors';

export interface Output {
  write(chunk: string | Uint8Array): void;
}

/** Chunks kept in memory. */
export class MemoryOutput implements Output {
  private readonly chunks: Buffer[] = [];
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

/** Writes through a temporary file beside `file`; `commit` renames it into place, `abort` removes it. */
export class FileOutput implements Output {
  private readonly temporary: string;
  private fd: number | null;
  bytes = 0;

  constructor(readonly file: string) {
    this.temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.partial`);
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw cannotWrite(file, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
    try {
      this.fd = fs.openSync(this.temporary, 'wx');
    } catch (error) {
      throw cannotWrite(file, error as NodeJS.ErrnoException);
    }
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === null) throw new QuireError('internal', 'The export file was already closed.');
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    try {
      let at = 0;
      while (at < data.byteLength) at += fs.writeSync(this.fd, data, at, data.byteLength - at);
      this.bytes += data.byteLength;
    } catch (error) {
      throw cannotWrite(this.file, error as NodeJS.ErrnoException);
    }
  }

  commit(): void {
    try {
      fs.fsyncSync(this.fd!);
      fs.closeSync(this.fd!);
      this.fd = null;
      fs.renameSync(this.temporary, this.file);
    } catch (error) {
      this.abort();
      throw cannotWrite(this.file, error as NodeJS.ErrnoException);
    }
  }

  abort(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
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
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
  return { data: null, path: target, bytes: out.bytes };
}
