import { z } from 'zod';
import { mutation, query } from './define';
import { Id } from './common';
import type { HistoryEntry } from '../model/entities';

export interface UndoResult {
  /** The operation that was undone or redone. */
  readonly entry: HistoryEntry;
}

export const historyMethods = {
  /** The activity history, newest first: "what did Irina code since Tuesday?" */
  'history.list': query(
    z.object({
      actorId: Id.optional(),
      since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      until: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      /** A method name (`codings.apply`) or an area prefix (`codings.`). */
      method: z.string().max(100).optional(),
      limit: z.int().min(1).max(10_000).default(100),
    }),
  ).returns<HistoryEntry[]>(),
  'history.undo': mutation(z.object({})).returns<UndoResult>(),
  'history.redo': mutation(z.object({})).returns<UndoResult>(),
};
