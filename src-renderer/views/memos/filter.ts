import type { Memo, MemoTarget } from '../../../src-shared/model/entities';

export interface MemoFilter {
  readonly targetType: MemoTarget | null;
  readonly authorId: string | null;
  readonly text: string;
}

/** The memos list's filter: by what they are attached to, who wrote them, and words in them. */
export function filterMemos(memos: readonly Memo[], { targetType, authorId, text }: MemoFilter): Memo[] {
  const needle = text.trim().toLocaleLowerCase().replaceAll('ё', 'е');
  return memos.filter(
    (m) =>
      (targetType === null || m.targetType === targetType) &&
      (authorId === null || m.authorId === authorId) &&
      (needle === '' || `${m.title}\n${m.text}`.toLocaleLowerCase().replaceAll('ё', 'е').includes(needle)),
  );
}
