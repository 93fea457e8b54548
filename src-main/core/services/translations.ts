/**
 * Translations of coded excerpts (papers are in English, the material mostly Russian): one per
 * coding and language, kept with the coding and logged like any other work.
 */
import { summary } from '../../../src-shared/model/summaries';
import type BetterSqlite3 from 'better-sqlite3';
import type { ExcerptTranslation, TranslationStatus } from '../../../src-shared/contract/translations';
import { QuireError } from '../../../src-shared/contract/errors';
import { uuidv7 } from '../../../src-shared/model/ids';
import type { SomeHandlers } from '../context';
import type { ExcerptTranslationRow } from '../db/schema';
import { statement } from '../db/statements';
import { now } from './map';

function toTranslation(r: ExcerptTranslationRow): ExcerptTranslation {
  return {
    id: r.id,
    codingId: r.coding_id,
    language: r.language,
    text: r.text,
    translator: r.translator,
    date: r.translated_on,
    status: r.status as TranslationStatus,
    updatedAt: r.updated_at,
  };
}

/** The translations of codings, by coding id, languages in alphabetical order. */
export function translationsOf(raw: BetterSqlite3.Database, codingIds: readonly string[]): Map<string, ExcerptTranslation[]> {
  // One query for the lot: an export asks for a thousand codings at a time, few with a translation.
  const rows = statement(raw, 'SELECT * FROM excerpt_translations WHERE coding_id IN (SELECT value FROM json_each(?)) ORDER BY coding_id, language').all(
    JSON.stringify([...new Set(codingIds)]),
  ) as ExcerptTranslationRow[];
  const found = new Map<string, ExcerptTranslation[]>();
  for (const row of rows) {
    const list = found.get(row.coding_id);
    if (list) list.push(toTranslation(row));
    else found.set(row.coding_id, [toTranslation(row)]);
  }
  return found;
}

const existing = (raw: BetterSqlite3.Database, codingId: string, language: string): ExcerptTranslationRow | undefined =>
  statement(raw, 'SELECT * FROM excerpt_translations WHERE coding_id = ? AND language = ?').get(codingId, language) as ExcerptTranslationRow | undefined;

export const translationHandlers: SomeHandlers<'translations.list' | 'translations.set' | 'translations.remove'> = {
  'translations.list': async (ctx, { codingIds }) => [...translationsOf(ctx.raw, codingIds).values()].flat(),

  'translations.set': async (ctx, { codingId, language, text, translator, date, status }) => {
    ctx.write.read('codings', codingId);
    const at = now();
    const fields = { text, translator, translated_on: date, status, updated_at: at };
    const before = existing(ctx.raw, codingId, language);
    const row = before
      ? ctx.write.update('excerpt_translations', before.id, fields)
      : ctx.write.insert('excerpt_translations', { id: uuidv7(), coding_id: codingId, language, ...fields, created_at: at, created_by: ctx.actor.id });
    ctx.describe(summary(before ? 'translations.change' : 'translations.add', { language, text: text.slice(0, 60) }));
    return toTranslation(row);
  },

  'translations.remove': async (ctx, { codingId, language }) => {
    const row = existing(ctx.raw, codingId, language);
    if (!row) throw new QuireError('not_found', `This excerpt has no translation into "${language}" (it may have been removed already).`, { codingId, language });
    ctx.write.delete('excerpt_translations', row.id);
    ctx.describe(summary('translations.remove', { language, text: row.text.slice(0, 60) }));
    return null;
  },
};
