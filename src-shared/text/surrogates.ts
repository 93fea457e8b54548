/**
 * Offsets are UTF-16 code units (DESIGN.md), so any cut the text code makes must avoid the middle
 * of a surrogate pair: half a character cannot be stored as UTF-8 or shown.
 */

/** True when `offset` falls between a high surrogate and the low surrogate that follows it. */
export function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
