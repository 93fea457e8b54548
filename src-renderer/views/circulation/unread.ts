/** The current member's unread counts from other teams, shared by every badge of the window. */
import { useEffect, useMemo } from 'react';
import type { ReadTarget } from '../../../src-shared/contract/circulation';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { reportError } from '../../stores/notices';

export interface UnreadCounts {
  /** Unread items of a document: the document itself (when new) and its codings. */
  readonly byDocument: ReadonlyMap<string, { readonly document: boolean; readonly codings: number }>;
  readonly byCode: ReadonlyMap<string, number>;
  readonly total: number;
}

const NONE: UnreadCounts = { byDocument: new Map(), byCode: new Map(), total: 0 };

/** Counts only (no items): the same question from every badge, asked once per project version. */
export function useUnreadCounts(): UnreadCounts {
  const unread = useQuery('circulation.unread', { limit: 0 });
  return useMemo(
    () =>
      unread
        ? {
            byDocument: new Map(unread.byDocument.map((d) => [d.documentId, d])),
            byCode: new Map(unread.byCode.map((c) => [c.codeId, c.codings])),
            total: unread.documents + unread.codings,
          }
        : NONE,
    [unread],
  );
}

export function markRead(target: ReadTarget): Promise<number> {
  return call('circulation.markRead', target).then((r) => r.marked);
}

/** Marks a document read once it is open, when it is a new one from another team. */
export function useMarkDocumentRead(documentId: string): void {
  const unread = useUnreadCounts().byDocument.get(documentId)?.document ?? false;
  useEffect(() => {
    if (unread) markRead({ kind: 'document', id: documentId }).catch(reportError);
  }, [unread, documentId]);
}
