import { z } from 'zod';
import { mutation, query } from './define';
import { Id } from './common';

export const TRANSLATION_STATUSES = ['draft', 'checked', 'final'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

/** A translation of a coding's excerpt: one per coding and language. */
export interface ExcerptTranslation {
  readonly id: string;
  readonly codingId: string;
  /** A language tag as people write it: `en`, `de`, `fr`… */
  readonly language: string;
  readonly text: string;
  readonly translator: string | null;
  /** When it was translated (ISO date). */
  readonly date: string | null;
  readonly status: TranslationStatus;
  readonly updatedAt: string;
}

const Language = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { message: 'Write the language as a short code: en, ru, de, fr…' })
  .transform((l) => l.toLowerCase());

export const translationMethods = {
  /** The translations of the given codings' excerpts. */
  'translations.list': query(z.object({ codingIds: z.array(Id).min(1).max(10_000) })).returns<ExcerptTranslation[]>(),
  /** Adds or replaces the translation of a coding's excerpt into a language. */
  'translations.set': mutation(
    z.object({
      codingId: Id,
      language: Language,
      text: z.string().trim().min(1, { message: 'The translation is empty: write it, or remove the translation.' }).max(100_000),
      translator: z.string().trim().max(200).nullable().default(null),
      date: z.iso.date({ message: 'Write the date of the translation as 2024-05-17.' }).nullable().default(null),
      status: z.enum(TRANSLATION_STATUSES).default('draft'),
    }),
  ).returns<ExcerptTranslation>(),
  'translations.remove': mutation(z.object({ codingId: Id, language: Language })).returns<null>(),
};
