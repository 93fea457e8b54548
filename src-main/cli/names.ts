import { DOCUMENT_KINDS } from '../../src-shared/model/entities';
import type { Code, DocumentKind } from '../../src-shared/model/entities';
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

/** A code by its name, or by its path when names repeat ("Informal relations › Type 2" or "…/Type 2"). */
export function codeNamed(codes: readonly Code[], wanted: string): Code {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (c: Code): string => (c.parentId && byId.has(c.parentId) ? `${path(byId.get(c.parentId)!)} › ${c.name}` : c.name);
  const target = lower(wanted.replace(/\s*[/>›]\s*/g, ' › '));
  const byName = codes.filter((c) => lower(c.name) === target);
  if (byName.length === 1) return byName[0]!;
  const byPath = codes.filter((c) => lower(path(c)) === target);
  if (byPath.length === 1) return byPath[0]!;
  if (byName.length > 1) throw new UsageError(`${byName.length} codes are called "${wanted}": name one by its path, e.g. "${path(byName[0]!)}".`);
  throw new UsageError(`there is no code called "${wanted}".`);
}

/** Team members named on the command line (`--coder NAME`, repeatable) by name or initials. */
export async function membersNamed(ctx: CommandContext, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const members = await ctx.client.call('members.list', { includeArchived: true });
  return names.map((name) => {
    const found = members.find((m) => lower(m.name) === lower(name) || lower(m.initials) === lower(name));
    if (!found) throw new UsageError(`there is no team member called "${name}".`);
    return found.id;
  });
}
