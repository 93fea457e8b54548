/**
 * The mapping as the dialog edits it: one use per column. Converts to and from the contract's
 * mapping, and keeps each use that can only have one column (the name, an attribute…) on one.
 */
import type { CaseImportMapping } from '../../../../src-shared/model/column-mapping';
import type { AttributeType } from '../../../../src-shared/model/entities';

export type ColumnUse = 'ignore' | 'name' | 'aliases' | 'parent' | 'description' | `attribute:${string}` | `new:${AttributeType}`;

/** One use per column, from a (suggested) mapping. */
export function usesFromMapping(mapping: CaseImportMapping, columns: number): ColumnUse[] {
  const uses: ColumnUse[] = Array.from({ length: columns }, () => 'ignore');
  const put = (column: number | undefined, use: ColumnUse): void => {
    if (column !== undefined && column < columns) uses[column] = use;
  };
  for (const [id, column] of Object.entries(mapping.attributes)) put(column, `attribute:${id}`);
  for (const a of mapping.createAttributes ?? []) put(a.column, `new:${a.valueType}`);
  put(mapping.description, 'description');
  put(mapping.parent, 'parent');
  put(mapping.aliases, 'aliases');
  put(mapping.name, 'name');
  return uses;
}

/** The mapping these uses make (new attributes named by their headers), or null while no column holds the names. */
export function mappingFromUses(uses: readonly ColumnUse[], headers: readonly string[]): CaseImportMapping | null {
  const first = (use: ColumnUse): number | undefined => {
    const at = uses.indexOf(use);
    return at < 0 ? undefined : at;
  };
  const name = first('name');
  if (name === undefined) return null;
  const attributes: Record<string, number> = {};
  const createAttributes: { column: number; name: string; valueType: AttributeType }[] = [];
  uses.forEach((use, column) => {
    if (use.startsWith('attribute:')) attributes[use.slice('attribute:'.length)] = column;
    if (use.startsWith('new:')) createAttributes.push({ column, name: headers[column] ?? `Column ${column + 1}`, valueType: use.slice('new:'.length) as AttributeType });
  });
  return { name, aliases: first('aliases'), parent: first('parent'), description: first('description'), attributes, createAttributes };
}

/** Gives a column a use; a use only one column may have leaves the column that had it. */
export function setUse(uses: readonly ColumnUse[], column: number, use: ColumnUse): ColumnUse[] {
  const single = use !== 'ignore' && !use.startsWith('new:');
  return uses.map((u, i) => (i === column ? use : single && u === use ? 'ignore' : u));
}
