import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { i18n } from 'i18next';
import { createEditor } from 'lexical';
import { areas } from '../../../src-renderer/i18n/areas';
import { EDITOR_NODES } from '../../../src-renderer/components/editor/nodes';
import { outlineToContent } from '../../../src-renderer/components/editor/outline';
import { fieldNote, longDate, quarterlyReport, quarterOf } from '../../../src-renderer/views/memos/templates';
import { readWrittenFields } from '../../../src-shared/model/written';
import { parseFuzzyDate } from '../../../src-shared/model/dates';

let i18: i18n;
beforeAll(async () => {
  i18 = i18next.createInstance();
  await i18.init({ lng: 'en', resources: { en: { translation: areas.en }, ru: { translation: areas.ru } }, interpolation: { escapeValue: false } });
});
const t = (key: string, options?: Record<string, string | number>): string => i18.t(key, options);

/** The content must load in an editor with the memo nodes, as it will in the app. */
function loads(content: string): string[] {
  const editor = createEditor({ nodes: [...EDITOR_NODES], onError: (e) => { throw e; } });
  const state = editor.parseEditorState(content);
  return state.read(() => (JSON.parse(content) as { root: { children: { type: string; tag?: string }[] } }).root.children.map((c) => c.tag ?? c.type));
}

describe('templates', () => {
  it('builds a field note with date, place, who was there, what happened and reflections', async () => {
    await i18.changeLanguage('en');
    const note = fieldNote(t, { date: longDate(new Date(1993, 5, 12), 'en'), place: 'Завод «Кольца»' });
    expect(note.title).toBe('Field note, June 12, 1993');
    const { content, text } = outlineToContent(note.blocks);
    expect(loads(content)).toEqual(['h1', 'paragraph', 'paragraph', 'paragraph', 'h2', 'paragraph', 'h2', 'paragraph']);
    expect(text).toBe('Field note\nDate: June 12, 1993\nPlace: Завод «Кольца»\nWho was there: \nWhat happened\n\nReflections');
    // The labels are bold so the metadata lines stand out from what is written after them.
    expect(content).toContain('"format":1,"mode":"normal","style":"","text":"Date: "');
  });

  it('builds a quarterly enterprise report in Russian when the interface is Russian', async () => {
    await i18.changeLanguage('ru');
    const report = quarterlyReport(t, { enterprise: 'АвтоВАЗ', ...quarterOf(new Date(1993, 7, 1)) });
    expect(report.title).toBe('Квартальный отчёт: АвтоВАЗ, 3 кв. 1993');
    const { text } = outlineToContent(report.blocks);
    for (const heading of ['Производство и план', 'Зарплата и занятость', 'Социальная сфера', 'Управление и конфликты', 'Перспективы']) expect(text.split('\n')).toContain(heading);
    await i18.changeLanguage('en');
  });

  it('names quarters from the month', () => {
    expect(quarterOf(new Date(2026, 0, 31))).toEqual({ quarter: 1, year: 2026 });
    expect(quarterOf(new Date(2026, 11, 1))).toEqual({ quarter: 4, year: 2026 });
  });

  it('writes dates in the interface language', () => {
    expect(longDate(new Date(1993, 4, 12), 'ru')).toMatch(/^12 мая 1993/);
  });
});

describe('a note written from a template, made a document', () => {
  it.each(['en', 'ru'])('has its labelled lines read as metadata (%s)', async (language) => {
    await i18.changeLanguage(language);
    const note = outlineToContent(fieldNote(t, { date: longDate(new Date(1993, 5, 12), language), place: 'Кольца' }).blocks).text;
    expect(readWrittenFields(note)).toMatchObject({ date: longDate(new Date(1993, 5, 12), language), place: 'Кольца' });
    expect(parseFuzzyDate(readWrittenFields(note).date!)).toEqual({ start: '1993-06-12', end: '1993-06-12', precision: 'day' });
    const report = outlineToContent(quarterlyReport(t, { enterprise: 'Кольца', quarter: 2, year: 1993 }).blocks).text;
    const fields = readWrittenFields(report);
    expect(fields.enterprise).toBe('Кольца');
    expect(parseFuzzyDate(fields.period!)).toMatchObject({ start: '1993-04-01', precision: 'quarter' });
  });
});
