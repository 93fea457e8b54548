import type { Attribute, Case, DocumentSummary } from '../../../src-shared/model/entities';
import type { DocumentFilters } from '../../stores/ui';

export interface DocumentGroup {
  readonly key: string;
  /** Null for documents that are not linked to any case. */
  readonly caseId: string | null;
  readonly label: string;
  readonly children: readonly DocumentGroup[];
  readonly documents: readonly DocumentSummary[];
}

const ROLE_ATTRIBUTE = /^(role|роль)/i;

/** The values of the informant-role attribute on the cases a document is linked to. */
function rolesOf(document: DocumentSummary, cases: ReadonlyMap<string, Case>, roleAttributes: readonly string[]): string[] {
  return document.caseIds.flatMap((id) => roleAttributes.map((a) => cases.get(id)?.attributes[a]).filter((v): v is string => typeof v === 'string'));
}

/** Every informant role that occurs, for the filter's choices. */
export function informantRoles(cases: readonly Case[], attributes: readonly Attribute[]): string[] {
  const roleAttributes = attributes.filter((a) => ROLE_ATTRIBUTE.test(a.name)).map((a) => a.id);
  const roles = new Set(cases.flatMap((c) => roleAttributes.map((a) => c.attributes[a]).filter((v): v is string => typeof v === 'string')));
  return [...roles].sort((a, b) => a.localeCompare(b));
}

export function matchesFilters(
  document: DocumentSummary,
  filters: DocumentFilters,
  cases: ReadonlyMap<string, Case>,
  roleAttributes: readonly string[],
): boolean {
  if (filters.kind && document.kind !== filters.kind) return false;
  if (filters.language && document.language !== filters.language) return false;
  if (filters.text && !document.title.toLocaleLowerCase().includes(filters.text.toLocaleLowerCase())) return false;
  if (filters.from && (!document.date || document.date.end < filters.from)) return false;
  if (filters.to && (!document.date || document.date.start > `${filters.to}\uffff`)) return false;
  if (filters.role && !rolesOf(document, cases, roleAttributes).includes(filters.role)) return false;
  return true;
}

/** The chain of cases from the top of the tree down to `caseId`. */
function chainOf(caseId: string, cases: ReadonlyMap<string, Case>): Case[] {
  const chain: Case[] = [];
  for (let at = cases.get(caseId); at; at = at.parentId ? cases.get(at.parentId) : undefined) chain.unshift(at);
  return chain;
}

const byDate = (a: DocumentSummary, b: DocumentSummary): number =>
  (a.date?.start ?? '9999').localeCompare(b.date?.start ?? '9999') || a.title.localeCompare(b.title);

/**
 * Documents grouped the way the team thinks of them — region › enterprise › kind — taken from
 * the first two levels of the case tree above the cases each document is linked to.
 */
export function groupDocuments(
  documents: readonly DocumentSummary[],
  casesList: readonly Case[],
  attributes: readonly Attribute[],
  filters: DocumentFilters,
  kindLabel: (kind: string) => string,
  ungroupedLabel: string,
): DocumentGroup[] {
  const cases = new Map(casesList.map((c) => [c.id, c]));
  const roleAttributes = attributes.filter((a) => ROLE_ATTRIBUTE.test(a.name)).map((a) => a.id);
  type Node = { caseId: string | null; label: string; children: Map<string, Node>; documents: DocumentSummary[] };
  const root: Node = { caseId: null, label: '', children: new Map(), documents: [] };
  const child = (parent: Node, key: string, caseId: string | null, label: string): Node => {
    let node = parent.children.get(key);
    if (!node) {
      node = { caseId, label, children: new Map(), documents: [] };
      parent.children.set(key, node);
    }
    return node;
  };
  for (const document of documents) {
    if (!matchesFilters(document, filters, cases, roleAttributes)) continue;
    const chain = document.caseIds.map((id) => chainOf(id, cases)).sort((a, b) => b.length - a.length)[0] ?? [];
    let node = root;
    if (chain.length === 0) node = child(root, 'none', null, ungroupedLabel);
    for (const c of chain.slice(0, 2)) node = child(node, c.id, c.id, c.name);
    child(node, `kind:${document.kind}`, null, kindLabel(document.kind)).documents.push(document);
  }
  const freeze = (node: Node, path: string): DocumentGroup[] =>
    [...node.children.entries()]
      .sort(([ka, a], [kb, b]) => (ka === 'none' ? 1 : kb === 'none' ? -1 : a.label.localeCompare(b.label, 'ru')))
      .map(([key, n]) => ({
        key: `${path}/${key}`,
        caseId: n.caseId,
        label: n.label,
        children: freeze(n, `${path}/${key}`),
        documents: [...n.documents].sort(byDate),
      }));
  return freeze(root, '');
}

export function countDocuments(group: DocumentGroup): number {
  return group.documents.length + group.children.reduce((n, c) => n + countDocuments(c), 0);
}
