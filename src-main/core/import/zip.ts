/**
 * A defensive reader for the zip containers of DOCX, ODT and XLSX. A zip is where hostile input
 * hides best: a kilobyte can declare gigabytes ("zip bomb"), entry names can climb out of a
 * folder ("zip slip"), and declared sizes can lie. So, before any library sees the file:
 *
 * - the entry count and the *declared* sizes are checked against `ImportLimits`;
 * - each wanted entry is inflated while counting the bytes *actually* produced, stopping as soon
 *   as a limit is passed (yauzl's `validateEntrySizes` also fails an entry that yields more or
 *   fewer bytes than it declared);
 * - yauzl rejects absolute and `..` names; entries are only ever kept in memory, never written.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { importError } from './errors';
import { formatBytes } from './limits';
import type { ImportLimits } from './limits';

export interface ZipContents {
  /** Every entry name, in central-directory order. */
  readonly names: readonly string[];
  /** The inflated bytes of the entries that were asked for. */
  readonly files: ReadonlyMap<string, Buffer>;
}

export interface ReadZipOptions {
  /** Which entries to inflate and keep. */
  readonly want: (name: string) => boolean;
  /** Words for the format in messages, e.g. "a Word document (DOCX)". */
  readonly formatName: string;
  readonly limits: ImportLimits;
}

export async function readZip(bytes: Uint8Array, fileName: string, options: ReadZipOptions): Promise<ZipContents> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await openZip(buffer, fileName, options.formatName);
  try {
    return await readEntries(zip, fileName, options);
  } finally {
    if (zip.isOpen) zip.close();
  }
}

function openZip(buffer: Buffer, fileName: string, formatName: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) reject(damaged(fileName, formatName, error));
      else resolve(zip);
    });
  });
}

function damaged(fileName: string, formatName: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  if (/invalid relative path|absolute path|invalid characters in fileName/i.test(reason)) {
    return importError(
      fileName,
      `contains a file with an unsafe name (${reason.replace(/^.*?: /, '')}), which no real ${formatName} has. Quire did not open it.`,
      { reason },
    );
  }
  return importError(
    fileName,
    `could not be read as ${formatName}: the file is damaged or incomplete (perhaps the copy or download was cut short). Open it in the program that made it, save it again, and import the new copy.`,
    { reason },
  );
}

function tooBig(fileName: string, formatName: string, limit: number, what: string): Error {
  return importError(
    fileName,
    `unpacks to more than ${formatBytes(limit)}${what}, which is more than Quire accepts for ${formatName}. The file may be damaged or deliberately malformed.`,
    { limit },
  );
}

function readEntries(zip: ZipFile, fileName: string, options: ReadZipOptions): Promise<ZipContents> {
  const { limits, formatName } = options;
  if (zip.entryCount > limits.maxZipEntries) {
    return Promise.reject(
      importError(fileName, `contains ${zip.entryCount} files inside, more than the ${limits.maxZipEntries} Quire accepts for ${formatName}. The file may be damaged or deliberately malformed.`, {
        entries: zip.entryCount,
      }),
    );
  }
  const names: string[] = [];
  const files = new Map<string, Buffer>();
  let declaredTotal = 0;
  let actualTotal = 0;

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(error);
    };

    zip.on('error', (error: unknown) => fail(damaged(fileName, formatName, error)));
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ names, files });
    });
    zip.on('entry', (entry: Entry) => {
      if (settled) return;
      names.push(entry.fileName);
      declaredTotal += entry.uncompressedSize;
      if (declaredTotal > limits.maxZipTotalBytes) return fail(tooBig(fileName, formatName, limits.maxZipTotalBytes, ' in all'));
      if (entry.fileName.endsWith('/') || !options.want(entry.fileName)) return zip.readEntry();
      if (entry.isEncrypted()) {
        return fail(importError(fileName, `is password-protected. Remove the password in the program that made it, save it, and import the new copy.`));
      }
      if (entry.uncompressedSize > limits.maxZipEntryBytes) return fail(tooBig(fileName, formatName, limits.maxZipEntryBytes, ` for one part (${entry.fileName})`));
      zip.openReadStream(entry, (error, stream) => {
        if (settled) return;
        if (error || !stream) return fail(damaged(fileName, formatName, error));
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          actualTotal += chunk.length;
          // Checked on the bytes produced, not the declared size: that is what a bomb lies about.
          if (size > limits.maxZipEntryBytes || actualTotal > limits.maxZipTotalBytes) {
            stream.destroy();
            fail(tooBig(fileName, formatName, size > limits.maxZipEntryBytes ? limits.maxZipEntryBytes : limits.maxZipTotalBytes, ''));
            return;
          }
          chunks.push(chunk);
        });
        stream.on('error', (streamError: unknown) => fail(damaged(fileName, formatName, streamError)));
        stream.on('end', () => {
          if (settled) return;
          files.set(entry.fileName, Buffer.concat(chunks, size));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}
