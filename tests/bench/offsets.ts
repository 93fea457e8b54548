/**
 * The peer workload gives offsets in Unicode code points (Python's string indices); Quire stores
 * UTF-16 code units (DESIGN.md). The two differ after every character outside the BMP.
 */

/**
 * A converter from code-point offsets to UTF-16 offsets for one text. Text without astral
 * characters (the usual case, and all of the peer workload) maps to itself without building a
 * table; otherwise a prefix table of the text's size is built once.
 */
export function codePointToUtf16(text: string): (codePoint: number) => number {
  let astral = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        astral++;
        i++;
      }
    }
  }
  const length = text.length - astral;
  const check = (cp: number): void => {
    if (!Number.isInteger(cp) || cp < 0 || cp > length) throw new RangeError(`Code-point offset ${cp} is outside a text of ${length} code points.`);
  };
  if (astral === 0) {
    return (cp) => {
      check(cp);
      return cp;
    };
  }
  const table = new Uint32Array(length + 1);
  let unit = 0;
  for (let cp = 0; cp < length; cp++) {
    table[cp] = unit;
    unit += text.codePointAt(unit)! > 0xffff ? 2 : 1;
  }
  table[length] = unit;
  return (cp) => {
    check(cp);
    return table[cp]!;
  };
}
