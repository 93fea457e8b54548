import { QuireError } from '../../../src-shared/contract/errors';

/**
 * Bytes of a text file → a string, for UTF-8 and UTF-16 files (with or without a byte-order
 * mark). A file in another encoding is refused with a message rather than imported as mojibake.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) {
    throw new QuireError('invalid_input', `"${fileName}" does not look like a text file (it contains binary data). Is it a Word or PDF file?`, { fileName });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new QuireError(
      'invalid_input',
      `"${fileName}" is not in UTF-8 (it may be in an old Cyrillic encoding such as Windows-1251 or DOS 866). Save it as UTF-8 and import it again.`,
      { fileName },
    );
  }
}
