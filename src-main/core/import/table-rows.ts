/**
 * Shapes raw rows (from CSV or a worksheet) into a case list: the first non-empty row is the
 * header, blank header cells get "Column N", short rows are padded, and rows longer than the
 * header widen it (with a warning), so every row has exactly one cell per header.
 */
export interface ShapedTable {
  readonly headers: string[];
  readonly rows: string[][];
  readonly warnings: string[];
}

export function shapeTable(raw: readonly (readonly string[])[]): ShapedTable {
  const nonEmpty = raw.filter((row) => row.some((cell) => cell.trim() !== ''));
  const warnings: string[] = [];
  const [head, ...body] = nonEmpty;
  if (!head) return { headers: [], rows: [], warnings };
  const width = Math.max(head.length, ...body.map((r) => r.length));
  if (width > head.length) {
    warnings.push(`Some rows have more cells than the header row; the extra columns were named "Column ${head.length + 1}" and so on.`);
  }
  const headers = Array.from({ length: width }, (_, i) => {
    const name = (head[i] ?? '').trim();
    return name === '' ? `Column ${i + 1}` : name;
  });
  const rows = body.map((row) => Array.from({ length: width }, (_, i) => (row[i] ?? '').trim()));
  return { headers, rows, warnings };
}
