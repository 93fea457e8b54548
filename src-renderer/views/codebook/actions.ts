/**
 * The codebook's calls to the core, shared by the tree menu and the code page. Each is one undoable
 * operation in the core; failures are shown by `attempt`, so callers need not catch.
 */
import { call } from '../../api/client';
import { i18next } from '../../i18n';
import { attempt, useNotices } from '../../stores/notices';
import { useData } from '../../stores/data';
import { targetKey, useUi } from '../../stores/ui';
import type { Placement } from './tree';

const info = (message: string): void => useNotices.getState().push('info', message);
const nameOf = (id: string): string => useData.getState().codes.find((c) => c.id === id)?.name ?? '';

export const moveCode = (placement: Placement) => attempt(() => call('codes.move', placement));

export const setArchived = (id: string, archived: boolean) => attempt(() => call('codes.archive', { id, archived }));

export const renameCode = (id: string, name: string) => attempt(() => call('codes.update', { id, name }));

export function mergeCode(sourceId: string, targetId: string) {
  const source = nameOf(sourceId);
  return attempt(async () => {
    const target = await call('codes.merge', { sourceId, targetId });
    // The source no longer exists: its tab would show nothing, so the target takes its place.
    const ui = useUi.getState();
    if (ui.tabs.some((t) => targetKey(t) === `code:${sourceId}`)) {
      ui.close(`code:${sourceId}`);
      ui.open({ kind: 'code', id: target.id });
    }
    info(i18next.t('codebook.merged', { source, target: target.name }));
    return target;
  });
}

/** Deletes a code; `cascade` only when its codings or sub-codes were named to the user and confirmed. */
export function deleteCode(id: string, cascade: boolean) {
  const name = nameOf(id);
  return attempt(async () => {
    const result = await call('codes.delete', { id, cascade });
    useUi.getState().close(`code:${id}`);
    info(i18next.t('codebook.deleted', { name }));
    return result;
  });
}

/** Moves some codings of `id` to another code, existing or new (`codes.split`). */
export function splitCodings(id: string, codingIds: readonly string[], into: { codeId: string } | { name: string; parentId: string | null }) {
  return attempt(async () => {
    const target = await call('codes.split', { id, codingIds: [...codingIds], into });
    info(i18next.t('codebook.movedCodings', { count: codingIds.length, name: target.name }));
    return target;
  });
}
