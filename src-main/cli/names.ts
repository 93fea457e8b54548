import { DOCUMENT_KINDS } from '../../src-shared/model/entities';
import type { DocumentKind } from '../../src-shared/model/entities';
import type { CommandContext } from './context';
import { UsageError } from './options';

const lower = (s: string): string => s.trim().toLocaleLowerCase();

/** A document named on the command line by its id or its exact title. */
export function documentNamed<D extends { readonly id: string; readonly title: string }>(documents: readonly D[], wanted: string): D {
  const found = documents.find((d) => d.id === wanted.trim() || d.title === wanted.trim());
  if (!found) throw new UsageError(`there is no document "${wanted.trim()}".`);
  return found;
}

/** Cases named on the command line (`--case NAME`, repeatable) by name or alias, each exactly one. */
export async function casesNamed(ctx: CommandContext, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const cases = await ctx.client.call('cases.list', {});
  return names.map((name) => {
    const found = cases.filter((c) => lower(c.name) === lower(name) || c.aliases.some((a) => lower(a) === lower(name)));
    if (found.length === 0) throw new UsageError(`there is no case called "${name}".`);
    if (found.length > 1) throw new UsageError(`${found.length} cases are called "${name}".`);
    return found[0]!.id;
  });
}

/** `--kind interview,field_note`: document kinds, checked. */
export function kindsNamed(value: string | undefined): DocumentKind[] {
  const kinds = (value ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  for (const k of kinds) if (!(DOCUMENT_KINDS as readonly string[]).includes(k)) throw new UsageError(`--kind is one of ${DOCUMENT_KINDS.join(', ')}.`);
  return kinds as DocumentKind[];
}
