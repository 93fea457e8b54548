import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { readSummary, SUMMARY_TEXTS, summary, summarySlots, summaryText } from '../../../src-shared/model/summaries';
import type { Summary, SummaryKey } from '../../../src-shared/model/summaries';
import { en } from '../../../src-renderer/i18n/en';
import { ru } from '../../../src-renderer/i18n/ru';
import { areas } from '../../../src-renderer/i18n/areas';
import { summaries } from '../../../src-renderer/i18n/summaries';
import { operationSummary, summaryIn } from '../../../src-renderer/i18n/summary-text';

type Tree = { readonly [key: string]: string | Tree };

/** Every key of the catalogue, plural forms folded into one. */
function keysOf(tree: Tree, prefix = ''): string[] {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = `${prefix}${k.replace(/_(one|few|many|other)$/, '')}`;
    if (typeof v === 'string') out.add(key);
    else for (const inner of keysOf(v, `${key}.`)) out.add(inner);
  }
  return [...out];
}

/** Every template of a key, Russian plural forms included. */
function templatesOf(tree: Tree, key: string): string[] {
  const path = key.split('.');
  const last = path.pop()!;
  let node: Tree = tree;
  for (const part of path) node = node[part] as Tree;
  return Object.entries(node)
    .filter(([k, v]) => typeof v === 'string' && (k === last || k.startsWith(`${last}_`)))
    .map(([, v]) => v as string);
}

const namesIn = (template: string): string[] => [...template.matchAll(/\{\{\s*([A-Za-z]+)/g)].map((m) => m[1]!).sort();
const KEYS = keysOf(SUMMARY_TEXTS as Tree);

/** Values for every slot of a key: distinct words and numbers, so each can be found in the sentence. */
const sampleValues = (key: string, count: number): Summary['values'] =>
  Object.fromEntries(summarySlots(key)!.map(({ name, number }, i) => [name, name === 'count' ? count : number ? 700 + i : `${name}-value`]));

async function translator(lng: 'en' | 'ru'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { en: { translation: { ...en, ...areas.en } }, ru: { translation: { ...ru, ...areas.ru } } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('the catalogue of operation summaries', () => {
  it('has every key in English and Russian, each Russian template with the same values as the English', () => {
    expect(keysOf(summaries.ru as Tree).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      const names = [...new Set(templatesOf(SUMMARY_TEXTS as Tree, key).flatMap(namesIn))].sort();
      for (const template of templatesOf(summaries.ru as Tree, key)) expect([...new Set(namesIn(template))].sort(), `${key}: ${template}`).toEqual(names);
    }
  });

  it('renders every key in English and Russian with every value in it and nothing left unfilled', async () => {
    const [tEn, tRu] = [await translator('en'), await translator('ru')];
    for (const key of KEYS) {
      for (const count of [0, 1, 3, 5, 21, 112]) {
        const s: Summary = { key: key as SummaryKey, values: sampleValues(key, count) };
        const english = summaryText(s);
        // The interface's English is the stored English (counts under 1000 are written the same).
        expect(summaryIn(tEn, s), key).toBe(english);
        const russian = summaryIn(tRu, s);
        // The core's Russian (for exports) is the interface's.
        expect(summaryText(s, 'ru'), key).toBe(russian);
        for (const text of [english, russian]) {
          expect(text, key).not.toMatch(/\{\{|\}\}|summaries\./);
          for (const [name, value] of Object.entries(s.values)) expect(text, `${key} ${name}`).toContain(String(value));
        }
        if (!key.startsWith('terms.') && key !== 'meetings.name') expect(russian, key).toMatch(/[а-яё]/i);
      }
    }
  });

  it('keeps the English sentences as they were stored before', () => {
    expect(summaryText(summary('codings.apply', { quote: 'мастер нас ценил', code: 'Paternalism' }))).toBe('Coded "мастер нас ценил" as Paternalism');
    expect(summaryText(summary('autocode.code', { count: 1, pattern: 'директор', code: 'Paternalism' }))).toBe('Auto-coded 1 passages matching "директор" as Paternalism');
    expect(summaryText(summary('quoteBank.mark', { count: 1, draft: 'Chapter 3' }))).toBe('Marked 1 quote as used in "Chapter 3"');
    expect(summaryText(summary('quoteBank.mark', { count: 4, draft: 'Chapter 3' }))).toBe('Marked 4 quotes as used in "Chapter 3"');
    expect(summaryText(summary('retrieval.remove', { count: 1200 }))).toBe('Removed 1200 codings');
    expect(summaryText(summary('citations.set', { language: summary('terms.language.ru'), kind: summary('terms.kind.field_note') }))).toBe(
      'Changed the Russian citation template for field note',
    );
    const meeting = summary('meetings.teamName', { team: 'Samara', date: '2026-11-20' });
    expect(summaryText(summary('meetings.decide.flag', { meeting }))).toBe('Flagged an item for a paper at the meeting Samara meeting (2026-11-20)');
  });

  it('says it in Russian with Russian plurals, grouped digits and nested summaries', async () => {
    const t = await translator('ru');
    expect(summaryIn(t, summary('codings.apply', { quote: 'мастер нас ценил', code: 'Патернализм' }))).toBe('Фрагмент «мастер нас ценил» закодирован кодом «Патернализм»');
    expect(summaryIn(t, summary('retrieval.remove', { count: 1 }))).toBe('Удалена 1 кодировка');
    expect(summaryIn(t, summary('retrieval.remove', { count: 3 }))).toBe('Удалены 3 кодировки');
    expect(summaryIn(t, summary('retrieval.remove', { count: 25000 }))).toMatch(/^Удалено 25\s000 кодировок$/u);
    expect(summaryText(summary('retrieval.remove', { count: 25000 }), 'ru')).toBe(summaryIn(t, summary('retrieval.remove', { count: 25000 })));
    const meeting = summary('meetings.name', { title: 'Разбор кодов', date: '2026-11-20' });
    expect(summaryIn(t, summary('history.undo', { summary: summary('meetings.create', { meeting }) }))).toBe('Отменено: Запланирована встреча «Разбор кодов» (2026-11-20)');
    expect(summaryIn(t, summary('citations.reset', { language: summary('terms.language.en'), kind: summary('terms.kind.interview') }))).toBe(
      'Восстановлен стандартный английский шаблон ссылки для материалов вида «интервью»',
    );
  });

  it('shows an operation without a key by its stored English', async () => {
    const t = await translator('ru');
    expect(operationSummary(t, { summary: 'Created the code "Trust"', described: null })).toBe('Created the code "Trust"');
    expect(operationSummary(t, { summary: 'Created the code "Trust"', described: summary('codes.create', { name: 'Trust' }) })).toBe('Создан код «Trust»');
  });

  it('lets a call site pass only the values its key needs, of the right kinds (checked by the compiler)', () => {
    const made = [
      summary('codes.split', { count: 2, from: 'Paternalism', to: 'Trust' }),
      summary('codings.comment'),
      summary('meetings.create', { meeting: summary('meetings.name', { title: 'Разбор', date: '2026-11-20' }) }),
      // @ts-expect-error a value the sentence needs is missing
      summary('codes.split', { count: 2, from: 'Paternalism' }),
      // @ts-expect-error a value the sentence does not have
      summary('codes.create', { name: 'Trust', colour: 'red' }),
      // @ts-expect-error a count is a number
      summary('codes.split', { count: '2', from: 'Paternalism', to: 'Trust' }),
      // @ts-expect-error so is a value written {{name, number}}
      summary('codes.import', { created: 'three', updated: 1 }),
      // @ts-expect-error no such kind of summary
      summary('codes.teleport', { name: 'Trust' }),
    ];
    expect(made).toHaveLength(8);
  });

  it('reads back only a stored summary this version knows, with every value its template needs', () => {
    expect(readSummary('codes.create', '{"name":"Trust"}')).toEqual({ key: 'codes.create', values: { name: 'Trust' } });
    expect(readSummary('history.undo', '{"summary":{"key":"codes.create","values":{"name":"Trust"}}}')?.values.summary).toEqual({ key: 'codes.create', values: { name: 'Trust' } });
    expect(readSummary(null, null)).toBeNull();
    expect(readSummary('codes.teleport', '{"name":"Trust"}')).toBeNull(); // a newer version's key
    expect(readSummary('codes.create', '{}')).toBeNull();
    expect(readSummary('codes.split', '{"count":"3","from":"a","to":"b"}')).toBeNull();
    expect(readSummary('codes.import', '{"created":"3","updated":1}')).toBeNull();
    expect(readSummary('history.undo', '{"summary":{"key":"codes.teleport","values":{}}}')).toBeNull();
    expect(readSummary('codes.create', 'not json')).toBeNull();
    expect(readSummary('codes', '{}')).toBeNull();
  });
});
