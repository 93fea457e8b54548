import { foldForSearch } from '../../../src-shared/text';
import type { CaseRow, CaseTypeRow } from '../db/schema';
import type { QueryContext } from '../context';

/** Names as people type them: case, ё/е and surrounding spaces do not matter. */
const fold = (name: string): string => foldForSearch(name.trim());

/**
 * Cases called `name` by their name or any alias, optionally of one type: how a speaker label,
 * a file name part or a note's "Enterprise:" line finds its case.
 */
export function casesNamed(ctx: QueryContext, name: string, typeId?: string): string[] {
  return caseNameIndex(ctx, typeId)(name);
}

/**
 * {@link casesNamed} for many names at once (every speaker label of a transcript): the cases are
 * read and their names folded once, not once per name.
 */
export function caseNameIndex(ctx: QueryContext, typeId?: string): (name: string) => string[] {
  const rows = (
    typeId === undefined
      ? ctx.raw.prepare('SELECT id, name, aliases FROM cases').all()
      : ctx.raw.prepare('SELECT id, name, aliases FROM cases WHERE type_id = ?').all(typeId)
  ) as Pick<CaseRow, 'id' | 'name' | 'aliases'>[];
  const index = new Map<string, string[]>();
  for (const c of rows) {
    for (const key of new Set([c.name, ...(JSON.parse(c.aliases) as string[])].map(fold))) {
      const ids = index.get(key);
      if (ids) ids.push(c.id);
      else index.set(key, [c.id]);
    }
  }
  return (name) => {
    const wanted = fold(name);
    return wanted === '' ? [] : [...(index.get(wanted) ?? [])];
  };
}

/** The case type called `name` (any case, ё/е folded), if there is one. */
export function caseTypeNamed(ctx: QueryContext, name: string): Pick<CaseTypeRow, 'id' | 'name'> | undefined {
  const wanted = fold(name);
  return (ctx.raw.prepare('SELECT id, name FROM case_types').all() as Pick<CaseTypeRow, 'id' | 'name'>[]).find((t) => fold(t.name) === wanted);
}
