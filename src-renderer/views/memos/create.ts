import type { Memo, MemoTarget } from '../../../src-shared/model/entities';
import { call } from '../../api/client';
import { attempt } from '../../stores/notices';
import { useData } from '../../stores/data';
import { targetKey, useUi } from '../../stores/ui';
import { i18next } from '../../i18n';
import { outlineToContent } from '../../components/editor/outline';
import { fieldNote, longDate, quarterlyReport, quarterOf } from './templates';
import type { Written } from './templates';
import { useMemoTitles } from './titles';

export interface MemoTargetRef {
  readonly targetType: MemoTarget;
  readonly targetId: string | null;
}

const PROJECT: MemoTargetRef = { targetType: 'project', targetId: null };

/** Creates a memo, from a template when given one: one undoable operation. */
export async function createMemo(target: MemoTargetRef, written?: Written): Promise<Memo> {
  const body = written ? { title: written.title, ...outlineToContent(written.blocks) } : { title: '', content: null, text: '' };
  const memo = await call('memos.create', { ...target, ...body });
  useMemoTitles.getState().note([memo]);
  return memo;
}

/** The case open in the active tab, if any: notes and reports written "on" an enterprise attach to it. */
function activeCase(): { id: string; name: string } | null {
  const { tabs, active } = useUi.getState();
  const tab = tabs.find((t) => targetKey(t) === active);
  if (tab?.kind !== 'case') return null;
  const found = useData.getState().cases.find((c) => c.id === tab.id);
  return found ? { id: found.id, name: found.name } : null;
}

async function createAndOpen(make: (onCase: { id: string; name: string } | null) => Written): Promise<void> {
  await attempt(async () => {
    const onCase = activeCase();
    const memo = await createMemo(onCase ? { targetType: 'case', targetId: onCase.id } : PROJECT, make(onCase));
    useUi.getState().open({ kind: 'memo', id: memo.id });
  });
}

const t = (key: string, options?: Record<string, string | number>): string => i18next.t(key, options);

export function newFieldNote(now = new Date()): Promise<void> {
  return createAndOpen((onCase) => fieldNote(t, { date: longDate(now, i18next.language), place: onCase?.name ?? '' }));
}

export function newQuarterlyReport(now = new Date()): Promise<void> {
  return createAndOpen((onCase) => quarterlyReport(t, { enterprise: onCase?.name ?? '', ...quarterOf(now) }));
}
