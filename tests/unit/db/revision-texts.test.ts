import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { decodeText, revisionText } from '../../../src-main/core/db/revision-texts';

/** Texts as a revision may hold them: the decoder must give back what a text column gives. */
const TEXTS: Record<string, string> = {
  empty: '',
  short: 'И: Как дела?',
  cyrillic: 'Р1: Подсобное хозяйство у нас своё, и мясо оттуда, и молоко. '.repeat(200),
  mixed: 'Interviewer: «Ёлки», naïve café — 第一 '.repeat(100),
  astral: 'Смайлик 😀 и ноты 𝄞 — '.repeat(100),
  // A lone surrogate cannot be UTF-8: SQLite keeps the replacement character V8 wrote for it.
  lone: `Обрыв \ud800 пары ${'текст '.repeat(100)}`,
};

describe('revision texts', () => {
  const raw = new Database(':memory:');
  raw.exec('CREATE TABLE revisions (id TEXT PRIMARY KEY, text TEXT NOT NULL)');
  const insert = raw.prepare('INSERT INTO revisions (id, text) VALUES (?, ?)');
  for (const [id, text] of Object.entries(TEXTS)) insert.run(id, text);
  const asColumn = (id: string): string => raw.prepare('SELECT text FROM revisions WHERE id = ?').pluck().get(id) as string;

  it.each(Object.keys(TEXTS))('reads the %s text as a text column does, offsets and all', (id) => {
    const text = revisionText(raw, id, false)!;
    expect(text).toBe(asColumn(id));
    expect(text.length).toBe(asColumn(id).length);
  });

  it('gives the same text whether it was kept or not, and nothing for an unknown revision', () => {
    expect(revisionText(raw, 'astral')).toBe(revisionText(raw, 'astral', false));
    expect(revisionText(raw, 'astral')).toBe(TEXTS.astral);
    expect(revisionText(raw, 'none')).toBeUndefined();
  });

  it('decodes bytes that are not UTF-8 with replacement characters, as V8 does', () => {
    const broken = Buffer.concat([Buffer.from('Начало '.repeat(60)), Buffer.from([0xd0]), Buffer.from(' конец')]);
    expect(decodeText(broken)).toBe(broken.toString('utf8'));
  });
});
