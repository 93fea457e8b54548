import { z } from 'zod';
import { mutation, query } from './define';
import { Id } from './common';

/** What to look for, where, and how much of the text around a hit becomes the coding. */
export const AutocodeQuery = z.object({
  pattern: z.string().min(1, { message: 'Say what to look for.' }).max(10_000),
  mode: z.enum(['word', 'phrase', 'regex']).default('phrase'),
  caseSensitive: z.boolean().default(false),
  /** `match`: only the matched words; `segment`: the whole speaker turn or paragraph it falls in. */
  extent: z.enum(['match', 'segment']).default('match'),
  /** Only in speaker turns whose label is one of these (e.g. the informant's, not the interviewer's). */
  speakers: z.array(z.string()).optional(),
  documentIds: z.array(Id).optional(),
});
export type AutocodeQuery = z.infer<typeof AutocodeQuery>;

export interface AutocodePreview {
  readonly matches: number;
  readonly documents: number;
  /** Codings the operation would add (a match already coded with that code is not counted). */
  readonly newCodings: number;
  readonly samples: readonly { readonly documentId: string; readonly title: string; readonly start: number; readonly end: number; readonly text: string }[];
}

export const autocodeMethods = {
  'autocode.preview': query(AutocodeQuery.extend({ codeId: Id.optional() })).returns<AutocodePreview>(),
  'autocode.apply': mutation(AutocodeQuery.extend({ codeId: Id })).returns<{ readonly created: number; readonly matches: number }>(),
};
