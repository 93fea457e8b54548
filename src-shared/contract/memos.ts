import { z } from 'zod';
import { mutation, query } from './define';
import { Id } from './common';
import { MEMO_TARGETS } from '../model/entities';
import type { Memo } from '../model/entities';

const Body = {
  title: z.string().trim().max(1000),
  /** Lexical editor state (JSON) when written in the editor. */
  content: z.string().max(20_000_000).nullable(),
  text: z.string().max(20_000_000),
};

export const memoMethods = {
  'memos.list': query(z.object({ targetType: z.enum(MEMO_TARGETS).optional(), targetId: Id.optional() })).returns<Memo[]>(),
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
};
