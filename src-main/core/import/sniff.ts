/**
 * Recognises a file by its first bytes ("magic numbers"), so a PDF renamed to .txt is still read
 * as a PDF, and a photo or a recording gets a message saying what it looks like instead of
 * being imported as mojibake.
 */

export type Sniffed =
  | { readonly kind: 'pdf' }
  | { readonly kind: 'zip' }
  | { readonly kind: 'rtf' }
  /** An OLE2 compound file: Word 97–2003 .doc, old .xls, or a password-protected .docx/.xlsx. */
  | { readonly kind: 'ole' }
  /** Anything Quire cannot read, with words for the message ("an image (PNG)"). */
  | { readonly kind: 'binary'; readonly what: string }
  /** Nothing recognised: text or an unknown format, decided later. */
  | { readonly kind: 'unknown' };

interface Signature {
  readonly offset: number;
  readonly bytes: readonly number[];
  readonly what: string;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Formats researchers are likely to pick by mistake: images, scans, recordings, archives. */
const BINARY_SIGNATURES: readonly Signature[] = [
  { offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47], what: 'an image (PNG)' },
  { offset: 0, bytes: [0xff, 0xd8, 0xff], what: 'an image (JPEG)' },
  { offset: 0, bytes: ascii('GIF8'), what: 'an image (GIF)' },
  { offset: 0, bytes: ascii('BM'), what: 'an image (BMP)' },
  { offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00], what: 'an image (TIFF)' },
  { offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'an image (TIFF)' },
  { offset: 8, bytes: ascii('WEBP'), what: 'an image (WebP)' },
  { offset: 4, bytes: ascii('ftypheic'), what: 'an image (HEIC)' },
  { offset: 4, bytes: ascii('ftypmif1'), what: 'an image (HEIF)' },
  { offset: 8, bytes: ascii('WAVE'), what: 'an audio recording (WAV)' },
  { offset: 0, bytes: ascii('ID3'), what: 'an audio recording (MP3)' },
  { offset: 0, bytes: [0xff, 0xfb], what: 'an audio recording (MP3)' },
  { offset: 0, bytes: [0xff, 0xf3], what: 'an audio recording (MP3)' },
  { offset: 0, bytes: ascii('OggS'), what: 'an audio or video recording (Ogg)' },
  { offset: 0, bytes: ascii('fLaC'), what: 'an audio recording (FLAC)' },
  { offset: 4, bytes: ascii('ftypM4A'), what: 'an audio recording (M4A)' },
  { offset: 4, bytes: ascii('ftyp'), what: 'a video or audio recording (MP4/MOV)' },
  { offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3], what: 'a video (MKV/WebM)' },
  { offset: 8, bytes: ascii('AVI '), what: 'a video (AVI)' },
  { offset: 0, bytes: [0x1f, 0x8b], what: 'a compressed archive (gzip)' },
  { offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a compressed archive (7z)' },
  { offset: 0, bytes: ascii('Rar!'), what: 'a compressed archive (RAR)' },
  { offset: 0, bytes: ascii('BZh'), what: 'a compressed archive (bzip2)' },
  { offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'a compressed archive (xz)' },
  { offset: 0, bytes: ascii('SQLite format 3\0'), what: 'a database file (SQLite)' },
  { offset: 0, bytes: ascii('MZ'), what: 'a program (Windows .exe)' },
  { offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
  { offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a program (macOS)' },
  { offset: 0, bytes: ascii('wOFF'), what: 'a font' },
  { offset: 0, bytes: ascii('%!PS'), what: 'a PostScript file' },
];

function startsWith(bytes: Uint8Array, offset: number, sig: readonly number[]): boolean {
  if (bytes.length < offset + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[offset + i] !== sig[i]) return false;
  return true;
}

/** Classifies `bytes` by signature; `unknown` for anything that may be text. */
export function sniff(bytes: Uint8Array): Sniffed {
  // pdf.js accepts a PDF header anywhere in the first kilobyte, and so do PDF viewers.
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return { kind: 'pdf' };
  if (startsWith(bytes, 0, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, 0, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(bytes, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  if (startsWith(bytes, skipBom(bytes), ascii('{\\rtf'))) return { kind: 'rtf' };
  for (const sig of BINARY_SIGNATURES) {
    if (!startsWith(bytes, sig.offset, sig.bytes)) continue;
    // A printable signature such as "BM" or "MZ" may just be how a text file begins
    // ("MZ: hello"); believe it only when control bytes follow.
    if (sig.bytes.every(isPrintableAscii) && !hasControlBytes(bytes, 512)) continue;
    return { kind: 'binary', what: sig.what };
  }
  return { kind: 'unknown' };
}

function isPrintableAscii(b: number): boolean {
  return b >= 0x20 && b < 0x7f;
}

/** Whether the first `limit` bytes hold a NUL or another control byte that text files do not use. */
export function hasControlBytes(bytes: Uint8Array, limit = bytes.length): boolean {
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1a && b !== 0x1b) return true;
  }
  return false;
}

function skipBom(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** The first index of an ASCII `needle` within the first `limit` bytes, or -1. */
export function indexOfAscii(bytes: Uint8Array, needle: string, limit = bytes.length): number {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
