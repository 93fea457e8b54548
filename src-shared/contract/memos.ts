import { z } from 'zod';
import { mutation, query } from './define';
import { Id } from './common';
import { DOCUMENT_KINDS, MEMO_TARGETS } from '../model/entities';
import type { DocumentSummary, Memo } from '../model/entities';

const Body = {
  title: z.string().trim().max(1000),
  /** Lexical editor state (JSON) when written in the editor. */
  content: z.string().max(20_000_000).nullable(),
  text: z.string().max(20_000_000),
};

export const memoMethods = {
  'memos.list': query(z.object({ targetType: z.enum(MEMO_TARGETS).optional(), targetId: Id.optional() })).returns<Memo[]>(),
  /** One memo, or null when it no longer exists (a tab may outlive its memo after an undo). */
  'memos.get': query(z.object({ id: Id })).returns<Memo | null>(),
  'memos.create': mutation(
    z.object({
      targetType: z.enum(MEMO_TARGETS),
      targetId: Id.nullable().default(null),
      title: Body.title.default(''),
      content: Body.content.default(null),
      text: Body.text.default(''),
    }).refine((m) => (m.targetType === 'project') === (m.targetId === null), {
      message: 'A memo is attached either to the project or to one document, code, case or coding.',
    }),
  ).returns<Memo>(),
  'memos.update': mutation(z.object({ id: Id, ...z.object(Body).partial().shape })).returns<Memo>(),
  'memos.delete': mutation(z.object({ id: Id })).returns<null>(),
  /**
   * Turns a field note or report written in Quire into a document for coding: its text becomes the
   * document's first revision, its labelled lines (date or period, enterprise) fill the metadata,
   * and the memo gives way to the document. One undoable operation.
   */
  'memos.toDocument': mutation(z.object({ id: Id, kind: z.enum(DOCUMENT_KINDS) })).returns<DocumentSummary>(),
};
