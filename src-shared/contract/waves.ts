import { z } from 'zod';
import { mutation, query } from './define';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Write a wave’s dates as 1992-04-01.' });

/**
 * A wave of fieldwork: a named range of days (both included), e.g. "Wave 1", 1992-04-01 to
 * 1992-12-31. The team defines them once; the Compare matrix can then split its columns by wave,
 * a document counting for the wave its date starts in.
 */
export const WaveSchema = z.object({
  name: z.string().trim().min(1, { message: 'Give every wave a name.' }).max(200),
  start: Day,
  end: Day,
});
export type Wave = z.infer<typeof WaveSchema>;

export const waveMethods = {
  /** The project's waves, earliest first. */
  'waves.list': query(z.object({})).returns<Wave[]>(),
  /** Replaces the project's waves (one undoable operation). Names must differ, and waves may not overlap. */
  'waves.set': mutation(z.object({ waves: z.array(WaveSchema).max(100) })).returns<Wave[]>(),
};
