/**
 * Bytes of a text-based file → characters, with the encoding Quire chose and how sure it is.
 *
 * Order of evidence: the user's choice; a byte-order mark; a charset the file declares (HTML
 * meta); valid UTF-8; then, for Russian field material from older Windows and DOS machines, the
 * legacy 8-bit encodings. Those cannot be told apart by validity (every byte decodes), so each
 * candidate is decoded and judged by `plausibility`, with jschardet's statistical guess as a
 * smaller second opinion (it alone reaches only ~0.49 confidence and confuses DOS 866).
 */
import { detectAll } from 'jschardet';
import { importError } from './errors';
import type { EncodingInfo } from './types';
import { plausibility } from './plausibility';

/** The legacy encodings Quire considers, in the order offered when nothing else decides. */
export const LEGACY_CANDIDATES = ['windows-1251', 'koi8-r', 'ibm866', 'windows-1252'] as const;

/** jschardet's names for the candidates (it reports 'Windows-1251', 'IBM866', …). */
const JSCHARDET_NAMES: Readonly<Record<string, string>> = {
  'windows-1251': 'windows-1251',
  'koi8-r': 'koi8-r',
  ibm866: 'cp866',
  'windows-1252': 'windows-1252',
};

/** How many bytes are examined to detect an encoding; enough for hundreds of words. */
const SAMPLE_BYTES = 64 * 1024;

/** Encodings where a byte sequence can be invalid, so a wrong choice is detectable. */
const STRICT_ENCODINGS = new Set(['utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'euc-kr', 'gbk', 'gb18030', 'big5']);

const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'koi8-r': 'KOI8-R (Cyrillic)',
  'koi8-u': 'KOI8-U (Ukrainian)',
  ibm866: 'DOS 866 (Cyrillic)',
  'windows-1252': 'Windows-1252 (Western European)',
  'iso-8859-5': 'ISO-8859-5 (Cyrillic)',
  'x-mac-cyrillic': 'Mac Cyrillic',
};

/** A name to show a user, e.g. "Windows-1251 (Cyrillic)" for 'windows-1251'. */
export function encodingDisplayName(name: string): string {
  return DISPLAY_NAMES[name] ?? name.toUpperCase();
}

/**
 * The canonical WHATWG name for a label a user typed ('cp1251', 'KOI8-R', '866', 'utf8'), or a
 * QuireError naming the file and suggesting the usual choices.
 */
export function resolveEncodingLabel(label: string, fileName: string): string {
  const trimmed = label.trim();
  let name: string | null = null;
  try {
    name = new TextDecoder(trimmed).encoding;
  } catch {
    name = null;
  }
  if (!name || trimmed === '') {
    throw importError(
      fileName,
      `cannot be read in the encoding "${label}": Quire does not know that encoding. For Russian texts try windows-1251, koi8-r, ibm866 (DOS) or utf-8.`,
      { encoding: label },
    );
  }
  return name;
}

export interface Decoded {
  readonly text: string;
  readonly encoding: EncodingInfo;
  readonly warnings: readonly string[];
}

export interface DecodeOptions {
  /** An encoding the user chose. */
  readonly override?: string;
  /** An encoding the file itself declares (HTML `<meta charset>`), trusted after a BOM. */
  readonly declared?: string;
}

/**
 * Decodes a text-based file. Throws a QuireError for binary data, or for a user-chosen encoding
 * the bytes are not valid in. An empty input decodes to ''.
 */
export function decodeBytes(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): Decoded {
  if (options.override !== undefined) return decodeWithOverride(bytes, fileName, options.override);

  const bom = detectBom(bytes);
  if (bom) return { text: decodeStrict(bytes.subarray(bom.length), bom.name, fileName), encoding: certain(bom.name), warnings: [] };

  if (options.declared) {
    const declared = declaredEncoding(options.declared);
    if (declared) {
      try {
        return { text: decodeStrict(bytes, declared, fileName), encoding: certain(declared), warnings: [] };
      } catch {
        // The declaration is wrong (a common result of copying HTML between systems): detect.
      }
    }
  }

  const utf16 = guessUtf16(bytes);
  if (utf16) {
    try {
      return { text: decodeStrict(bytes, utf16, fileName), encoding: { name: utf16, detected: true, confidence: 0.9, alternatives: [] }, warnings: [] };
    } catch {
      // Not UTF-16 after all; carry on.
    }
  }

  assertTextLike(bytes, fileName);

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: { name: 'utf-8', detected: true, confidence: 1, alternatives: [] }, warnings: [] };

  return decodeLegacy(bytes);
}

function certain(name: string): EncodingInfo {
  return { name, detected: false, confidence: 1, alternatives: [] };
}

function decodeWithOverride(bytes: Uint8Array, fileName: string, label: string): Decoded {
  const name = resolveEncodingLabel(label, fileName);
  const bom = detectBom(bytes);
  const body = bom && bom.name === name ? bytes.subarray(bom.length) : bytes;
  const text = decodeStrict(body, name, fileName, true);
  const encoding: EncodingInfo = { name, detected: false, confidence: 1, alternatives: [] };
  // A legacy 8-bit choice cannot fail, but it can be visibly wrong: say so when Quire sees better.
  if (STRICT_ENCODINGS.has(name) || !/[^\p{ASCII}]/u.test(text)) return { text, encoding, warnings: [] };
  if (tryDecode(bytes, 'utf-8') !== null) {
    return { text, encoding, warnings: [`This file is valid UTF-8, but it was read as ${encodingDisplayName(name)} as you asked. Check the text before coding it.`] };
  }
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const best = rankLegacy(sample)[0];
  const chosen = plausibility(new TextDecoder(name).decode(sample)).score;
  const warnings =
    best && best.name !== name && best.score - chosen > 0.3
      ? [`The text read as ${encodingDisplayName(name)} looks garbled; it reads better as ${encodingDisplayName(best.name)}. Check the text before coding it.`]
      : [];
  return { text, encoding, warnings };
}

/** Decodes with `fatal` for encodings where invalid bytes mean the wrong choice. */
function decodeStrict(bytes: Uint8Array, name: string, fileName: string, chosenByUser = false): string {
  const fatal = STRICT_ENCODINGS.has(name);
  try {
    return new TextDecoder(name, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    throw importError(
      fileName,
      chosenByUser
        ? `is not in ${encodingDisplayName(name)}: some of its bytes are not valid in that encoding. Choose another encoding, or let Quire detect it.`
        : `claims to be in ${encodingDisplayName(name)}, but some of its bytes are not valid in that encoding. Save it again as UTF-8 and import the new copy.`,
      { encoding: name },
    );
  }
}

function tryDecode(bytes: Uint8Array, name: string): string | null {
  try {
    return new TextDecoder(name, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The byte-order mark at the start of `bytes`, if any. */
export function detectBom(bytes: Uint8Array): { name: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { name: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { name: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { name: 'utf-16be', length: 2 };
  return null;
}

/** A label from a file's own declaration, or null when it names nothing TextDecoder knows. */
function declaredEncoding(label: string): string | null {
  try {
    const name = new TextDecoder(label.trim()).encoding;
    // A page saved as UTF-16 cannot declare it in ASCII meta; such a declaration is a copy error.
    return name === 'utf-16le' || name === 'utf-16be' ? null : name;
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a byte-order mark: in Latin or Cyrillic text every other byte is (nearly)
 * constant, and for ASCII it is zero. Windows writes a BOM, but some exporters do not.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.02) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.02) return 'utf-16be';
  return null;
}

/**
 * Refuses binary data: more than 1% NUL or other control bytes in the sample. (A stray NUL from
 * an old converter is tolerated; `normalizeText` removes it.)
 */
function assertTextLike(bytes: Uint8Array, fileName: string): void {
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1a && b !== 0x1b) controls++;
  }
  if (controls > 0 && controls >= n * 0.01) {
    throw importError(
      fileName,
      'does not look like a text file: it contains binary data. Is it a Word, PDF or other document saved under the wrong name?',
    );
  }
}

interface Ranked {
  readonly name: string;
  readonly score: number;
  readonly evidence: number;
}

/** The legacy candidates for `sample`, most plausible first. */
function rankLegacy(sample: Uint8Array): Ranked[] {
  const jsConfidence = chardetOpinion(sample);
  const ranked = LEGACY_CANDIDATES.map((name, order) => {
    const own = plausibility(new TextDecoder(name).decode(sample));
    // Our own judgement leads; jschardet breaks near-ties; the candidate order breaks exact ties.
    const score = 0.9 * own.score + 0.1 * (jsConfidence.get(name) ?? 0) - order * 1e-6;
    return { name, score, evidence: own.evidence };
  });
  return ranked.sort((a, b) => b.score - a.score);
}

/** jschardet's confidence for each candidate, scaled so its favourite is 1. */
function chardetOpinion(sample: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  try {
    const results = detectAll(sample, { detectEncodings: Object.values(JSCHARDET_NAMES), minimumThreshold: 0 });
    const top = Math.max(0, ...results.map((r) => r.confidence));
    if (top <= 0) return out;
    for (const r of results) {
      if (!r.encoding) continue;
      const name = canonical(r.encoding);
      if (name && !out.has(name)) out.set(name, r.confidence / top);
    }
  } catch {
    // jschardet is a second opinion only; without it the plausibility score decides.
  }
  return out;
}

function canonical(label: string): string | null {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** Legacy detection: decode the whole file with the most plausible candidate. */
function decodeLegacy(bytes: Uint8Array): Decoded {
  const ranked = rankLegacy(bytes.subarray(0, SAMPLE_BYTES));
  const best = ranked[0]!;
  const second = ranked[1];
  // Sure when there is enough evidence and a clear margin; a six-letter file is a guess.
  const enough = Math.min(1, best.evidence / 8);
  const margin = Math.min(1, 0.4 + 2 * (best.score - (second?.score ?? 0)));
  const confidence = Math.round(Math.max(0, Math.min(1, best.score)) * enough * margin * 100) / 100;
  const warnings =
    confidence < 0.5
      ? [
          `Quire guessed that this file is in ${encodingDisplayName(best.name)}, but it is not sure. If the text looks garbled, choose another encoding (${ranked
            .slice(1, 3)
            .map((r) => encodingDisplayName(r.name))
            .join(' or ')}).`,
        ]
      : [];
  return {
    text: new TextDecoder(best.name).decode(bytes),
    encoding: { name: best.name, detected: true, confidence, alternatives: ranked.slice(1).map((r) => r.name) },
    warnings,
  };
}
