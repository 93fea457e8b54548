/**
 * Bytes of a text file → a string, for callers that cannot show the user what Quire detected
 * (the command line's .txt/.md import and codebook CSV import). UTF-8 and UTF-16 (with or without
 * a byte-order mark) are read as before; files in an old Cyrillic encoding (Windows-1251, KOI8-R,
 * DOS 866) are now read too, but only when the detection is sure: a wrong guess would be imported
 * silently as mojibake, so an unsure one is refused with a message naming the likely encoding.
 * Callers that can show the detected encoding use `decodeBytes` or `extractDocument` instead.
 */
import { importError } from './errors';
import { decodeBytes, encodingDisplayName } from './encoding';

export interface DecodeTextOptions {
  /** An encoding the user named (e.g. 'windows-1251'); skips detection. */
  readonly encoding?: string;
  /** The least detection confidence accepted for a legacy encoding (default 0.5). */
  readonly minConfidence?: number;
}

export function decodeText(bytes: Uint8Array, fileName: string, options: DecodeTextOptions = {}): string {
  if (bytes.length === 0) return '';
  const decoded = decodeBytes(bytes, fileName, options.encoding === undefined ? {} : { override: options.encoding });
  const { encoding } = decoded;
  if (encoding.detected && encoding.confidence < (options.minConfidence ?? 0.5)) {
    throw importError(
      fileName,
      `is not in UTF-8, and Quire cannot tell for sure which old encoding it uses (perhaps ${encodingDisplayName(encoding.name)}, or ${encoding.alternatives
        .slice(0, 2)
        .map(encodingDisplayName)
        .join(' or ')}). Save it as UTF-8 and import it again, or name its encoding.`,
      { encoding: encoding.name, confidence: encoding.confidence, alternatives: encoding.alternatives },
    );
  }
  return decoded.text;
}
