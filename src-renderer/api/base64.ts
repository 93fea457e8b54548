/** Files cross the contract as base64 (JSON carries no bytes): uploads for import, originals for download. */

/**
 * Bytes per base64 piece: a multiple of 3, so pieces encode without padding and join into one
 * valid string; small enough that `String.fromCharCode(...piece)` stays far below the engine's
 * argument limit (a 200 MB file in one call would overflow the stack).
 */
export const BASE64_CHUNK = 3 * 8192;

/** The bytes of a file as base64, built piece by piece so a large file never overflows the stack. */
export function toBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; at += BASE64_CHUNK) {
    pieces.push(btoa(String.fromCharCode(...bytes.subarray(at, at + BASE64_CHUNK))));
  }
  return pieces.join('');
}

/** The bytes of base64 text (an original file, for download). */
export function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
