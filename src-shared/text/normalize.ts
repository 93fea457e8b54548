/**
 * The canonical text form of a document revision (DESIGN.md, "Text is canonical"), and the folded
 * copy used for search. Every offset in Quire points into text produced by `normalizeText`, so
 * this function must be stable: normalising canonical text again changes nothing.
 */

/**
 * Characters that end a line without being `\n`. Word exports its manual line break as a vertical
 * tab and page breaks as form feeds; deleting them, like other controls, would glue the last word
 * of one line to the first word of the next.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKS = /\r\n?|[\u000b\u000c\u0085\u2028\u2029]/g;

/**
 * The remaining C0 controls (TAB and LF are kept) and DEL. OCR and old converters leave NUL and
 * friends in exported text; none of them can be displayed or coded.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * Returns the canonical form of `raw`: no byte-order marks, `\n` line endings (CRLF, CR, U+2028,
 * U+2029, NEL, vertical tab and form feed all become `\n`), NFC, no control characters except `\n`
 * and `\t`, no trailing spaces or tabs on any line, at most two blank lines in a row (runs of three
 * or more become one), and no blank lines at the start or end.
 *
 * Idempotent: `normalizeText(normalizeText(x)) === normalizeText(x)`.
 */
export function normalizeText(raw: string): string {
  let text = raw
    // Every U+FEFF goes, not only a leading one: files joined by hand carry BOMs in the middle,
    // and one that becomes leading after blank lines are trimmed would break idempotence.
    .replace(/\uFEFF/g, '')
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROL_CHARS, '');
  // NFC comes after removing controls: a control char between a letter and its combining mark
  // would otherwise keep them from composing until a second pass.
  text = text.normalize('NFC');
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{4,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/\n+$/, '');
}

/**
 * Folds `s` for search and matching: lower case, with ё written as е (Russian texts use both
 * spellings of the same word). The result has exactly the length of the input, code unit for code
 * unit, so an offset found in the folded copy is valid in the original text.
 */
export function foldForSearch(s: string): string {
  // U+0130 (İ) is the one character whose default lower case is longer than itself.
  const lower = s.replace(/\u0130/g, 'i').toLowerCase();
  const folded = lower.length === s.length ? lower : foldPerCodePoint(s);
  return folded.replace(/ё/g, 'е');
}

/**
 * The slow path, in case a runtime with newer Unicode data lower-cases some other character to a
 * different length: such characters are kept as they are rather than shifting every later offset.
 */
function foldPerCodePoint(s: string): string {
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}
