/**
 * Pure helpers over the flat code list: the tree the navigator shows, where a drop or a keyboard
 * move puts a code, and what deleting a code takes with it. No React here, so unit tests can run
 * them in Node.
 */
import type { TreeNodeData } from '@mantine/core';
import type { Code } from '../../../src-shared/model/entities';

export interface TreeOptions {
  readonly filter: string;
  readonly showArchived: boolean;
}

/** What a row of the codebook tree needs besides its label. */
export interface CodeNodeProps {
  readonly color: string;
  readonly codings: number;
  readonly documents: number;
  readonly archived: boolean;
}

/** Where a code goes: under `parentId`, before `beforeId` (null: last), as `codes.move` takes it. */
export interface Placement {
  readonly id: string;
  readonly parentId: string | null;
  readonly beforeId: string | null;
}

export type DropPosition = 'before' | 'after' | 'inside';

export type DropVerdict = { readonly ok: true; readonly placement: Placement } | { readonly ok: false; readonly reason: 'self' | 'descendant' | 'unknown' };

/** Children of each parent in codebook order. The core lists them in order, but we do not rely on it. */
export function childrenByParent(codes: readonly Code[]): Map<string | null, Code[]> {
  const byParent = new Map<string | null, Code[]>();
  for (const c of codes) {
    const list = byParent.get(c.parentId);
    if (list) list.push(c);
    else byParent.set(c.parentId, [c]);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.order - b.order);
  return byParent;
}

/**
 * The codebook as a tree. A code stays when it matches the filter (and is not a hidden archived
 * code) or when one of its descendants stays, so a match is always shown with its ancestors.
 */
export function codeTree(codes: readonly Code[], { filter, showArchived }: TreeOptions): TreeNodeData[] {
  const needle = filter.trim().toLocaleLowerCase();
  const byParent = childrenByParent(codes);
  const build = (parent: string | null): TreeNodeData[] =>
    (byParent.get(parent) ?? []).flatMap((c) => {
      const children = build(c.id);
      const visible = (showArchived || !c.archived) && (!needle || c.name.toLocaleLowerCase().includes(needle));
      if (!visible && children.length === 0) return [];
      const nodeProps: CodeNodeProps = { color: c.color, codings: c.codingCount, documents: c.documentCount, archived: c.archived };
      return [{ value: c.id, label: c.name, nodeProps: { ...nodeProps }, children }];
    });
  return build(null);
}

/** Every code below `id`, at any depth. */
export function descendantIds(codes: readonly Code[], id: string): Set<string> {
  const byParent = childrenByParent(codes);
  const out = new Set<string>();
  const walk = (at: string): void => {
    for (const child of byParent.get(at) ?? []) {
      out.add(child.id);
      walk(child.id);
    }
  };
  walk(id);
  return out;
}

/** What deleting a code takes with it: its sub-codes at any depth and all their codings. */
export function deletionScope(codes: readonly Code[], id: string): { readonly subCodes: number; readonly codings: number } {
  const below = descendantIds(codes, id);
  let codings = 0;
  for (const c of codes) if (c.id === id || below.has(c.id)) codings += c.codingCount;
  return { subCodes: below.size, codings };
}

/** Whether `parentId` is a place the code may go: not itself and not inside its own subtree. */
export function canNestUnder(codes: readonly Code[], id: string, parentId: string | null): boolean {
  return parentId === null || (parentId !== id && !descendantIds(codes, id).has(parentId));
}

/** Where dropping `dragged` on `target` at `position` puts it, or why it cannot go there. */
export function validateDrop(codes: readonly Code[], dragged: string, target: string, position: DropPosition): DropVerdict {
  const targetCode = codes.find((c) => c.id === target);
  if (!targetCode || !codes.some((c) => c.id === dragged)) return { ok: false, reason: 'unknown' };
  if (dragged === target) return { ok: false, reason: 'self' };
  const parentId = position === 'inside' ? target : targetCode.parentId;
  if (!canNestUnder(codes, dragged, parentId)) return { ok: false, reason: 'descendant' };
  if (position === 'inside') return { ok: true, placement: { id: dragged, parentId, beforeId: null } };
  if (position === 'before') return { ok: true, placement: { id: dragged, parentId, beforeId: target } };
  // After the target: before whichever sibling follows it, the dragged code itself left out.
  const siblings = (childrenByParent(codes).get(parentId) ?? []).filter((c) => c.id !== dragged);
  const next = siblings[siblings.findIndex((c) => c.id === target) + 1];
  return { ok: true, placement: { id: dragged, parentId, beforeId: next?.id ?? null } };
}

/** One step up or down among its siblings, or null at the end of the list. */
export function stepMove(codes: readonly Code[], id: string, direction: 'up' | 'down'): Placement | null {
  const code = codes.find((c) => c.id === id);
  if (!code) return null;
  const siblings = childrenByParent(codes).get(code.parentId) ?? [];
  const index = siblings.findIndex((c) => c.id === id);
  if (direction === 'up') {
    const previous = siblings[index - 1];
    return previous ? { id, parentId: code.parentId, beforeId: previous.id } : null;
  }
  if (index === siblings.length - 1) return null;
  return { id, parentId: code.parentId, beforeId: siblings[index + 2]?.id ?? null };
}

/** Names from the top of the codebook down to the code's parent. */
export function ancestry(codes: readonly Code[], id: string): string[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path: string[] = [];
  const seen = new Set<string>();
  for (let at = byId.get(id)?.parentId ?? null; at && !seen.has(at); at = byId.get(at)?.parentId ?? null) {
    seen.add(at);
    path.unshift(byId.get(at)?.name ?? '');
  }
  return path;
}

/**
 * Choices for a code picker, each labelled with its path so two codes of the same name can be told
 * apart; `exclude` leaves out codes that may not be chosen.
 */
export function codeOptions(codes: readonly Code[], exclude: ReadonlySet<string> = new Set()): { value: string; label: string }[] {
  return codes
    .filter((c) => !exclude.has(c.id))
    .map((c) => ({ value: c.id, label: [...ancestry(codes, c.id), c.name].join(' › ') }));
}
