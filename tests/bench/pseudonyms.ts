/**
 * The leak check (pseudonyms.checkText) of a paper-sized export against a registry of 300 people:
 * every case form of every name, beside a plain substring search for the names as registered
 * (what a search-and-replace by hand would find, without any inflected form).
 */
import { progress } from './log';
import type { ResultRow } from './rows';
import { measured } from './rows';
import type { Session } from './session';
import { measure } from './timing';

const ENTRIES = 300;
const TEXT_CHARS = 1_000_000;
const STEMS = ['Иван', 'Смирн', 'Кузнец', 'Поп', 'Сокол', 'Лебед', 'Новик', 'Мороз', 'Волк', 'Павл', 'Голуб', 'Виноград', 'Богдан', 'Ворон', 'Федот'];
const LETTERS = 'абвгдежзиклмнопрстуфхцчшэюя';

/** 300 distinct invented surnames (Иванов, Смирнев, …, Ивангов…), each with a transliteration as alias. */
function registry(): { realName: string; pseudonym: string; aliases: string[] }[] {
  return Array.from({ length: ENTRIES }, (_, i) => {
    const infix = i < STEMS.length ? '' : LETTERS[Math.floor(i / STEMS.length) % LETTERS.length]!;
    const name = `${STEMS[i % STEMS.length]}${infix}${['ов', 'ев', 'ин'][i % 3]}`;
    return { realName: name, pseudonym: `Псевдоним${LETTERS[i % LETTERS.length]}${LETTERS[Math.floor(i / LETTERS.length)]}`, aliases: [`Alias${i}ov`] };
  });
}

export async function leakCheckRows(s: Session): Promise<ResultRow[]> {
  progress('pseudonyms.checkText');
  const entries = registry();
  // The working copy is thrown away after the bench; the sample's own entries stay as they are.
  for (const e of entries) await s.client.call('pseudonyms.add', e);
  const names = (await s.client.call('pseudonyms.list', {})).flatMap((e) => [e.realName, ...e.aliases]);
  let text = '';
  for (const t of s.raw.db.prepare('SELECT text FROM revisions').pluck().iterate() as IterableIterator<string>) {
    text += `${t}\n`;
    if (text.length >= TEXT_CHARS) break;
  }
  text = text.slice(0, TEXT_CHARS);
  const found = await s.client.call('pseudonyms.checkText', { text });
  return [
    measured(
      'leak check of a 1 MB export, 300 registered names',
      `pseudonyms.checkText; ${names.length} names and aliases, every case form; ${found.hits.length} hits`,
      null,
      await measure(s.plans('query'), () => s.client.call('pseudonyms.checkText', { text })),
      await measure(s.plans('query'), () => names.reduce((n, name) => n + (text.includes(name) ? 1 : 0), 0)),
      'raw: a plain substring search for each name as registered, no inflected forms',
    ),
  ];
}
