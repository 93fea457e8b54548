import { z } from 'zod';
import { FuzzyDateSchema, parseFuzzyDate } from '../model/dates';

export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
  message: 'This is not a valid record id.',
});
export const Name = z.string().trim().min(1, { message: 'A name cannot be empty.' }).max(500);
export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'A colour is written like #3a7bd5.' });
export const Offset = z.int().min(0);
export const Empty = z.object({}).strict();

/**
 * A date as written by a person ("June 1993", "1993-06", "autumn 1992", "12.06.93") or as an
 * explicit range with a precision.
 */
export const DateInput = z.union([FuzzyDateSchema, z.string()]).transform((value, ctx) => {
  if (typeof value !== 'string') return value;
  const parsed = parseFuzzyDate(value);
  if (!parsed) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a date Quire understands: write 1993-06-14, 1993-06, 1993, "autumn 1992" or 1992-03..1992-05.`,
    });
    return z.NEVER;
  }
  return parsed;
});

export const AttributeValueInput = z.union([z.string().max(10_000), z.number(), z.boolean()]);
