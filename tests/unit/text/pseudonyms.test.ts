import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { pseudonymizer } from '../../../src-shared/text/pseudonyms';
import { inflect } from '../../../src-shared/text/russian-names';

const registry = [
  { realName: 'Иванов', pseudonym: 'Петров', aliases: ['Ivanov', 'Iwanow', 'И. Иванов'] },
  { realName: 'Юра', pseudonym: 'Коля', aliases: ['Юрий'] },
  { realName: 'Кольца', pseudonym: 'Искра', aliases: [] },
  { realName: 'Горский', pseudonym: 'Белый', aliases: [] },
  { realName: 'Мария Сидорова', pseudonym: 'Анна Кузнецова', aliases: ['Сидорова'] },
];
const overlay = pseudonymizer(registry);
const found = (text: string): string[] => overlay.find(text).map((h) => h.text);

describe('pseudonymizer.find', () => {
  it('finds a surname in every case and both genders', () => {
    const text = 'Иванов сказал Иванову, что Ивановым, Иванова, Ивановой, Ивановых и об Иванове.';
    expect(found(text)).toEqual(['Иванов', 'Иванову', 'Ивановым', 'Иванова', 'Ивановой', 'Ивановых', 'Иванове']);
  });

  it('does not take a patronymic, a village or a longer word for the surname', () => {
    expect(found('Пётр Иванович из Ивановки, ивановский завод, Ивановское шоссе')).toEqual([]);
  });

  it('finds first names, enterprise names and adjectival surnames in their case forms', () => {
    expect(found('Юра, Юры, Юре, Юрой, Юрий, Юрию, Юрием')).toHaveLength(7);
    expect(found('на «Кольцах», директор «Колец», «Кольцам» и «Кольца»')).toEqual(['Кольцах', 'Колец', 'Кольцам', 'Кольца']);
    expect(found('Горский, Горского, Горскому, Горская, Горской, Горских')).toHaveLength(6);
  });

  it('is case-insensitive, treats ё as е and finds transliterations and initials', () => {
    const entries = [{ realName: 'Семёнов', pseudonym: 'Орлов', aliases: [] }];
    expect(pseudonymizer(entries).find('СЕМЕНОВ и семеновой').map((h) => h.text)).toEqual(['СЕМЕНОВ', 'семеновой']);
    expect(found('Ivanov, Iwanow and Ivanova; И. Иванов')).toEqual(['Ivanov', 'Iwanow', 'Ivanova', 'И. Иванов']);
    // A dotted capital I (a Turkish keyboard) is read as i, though matching that ignores case would not.
    expect(found('İVANOV')).toEqual(['İVANOV']);
  });

  it('prefers the longest registered form and reports which one matched', () => {
    const [hit] = overlay.find('видел Марию Сидорову вчера');
    expect(hit).toMatchObject({ text: 'Марию Сидорову', form: 'Мария Сидорова', start: 6, end: 20 });
    expect(overlay.find('и Иванов').map((h) => h.form)).toEqual(['Иванов']);
  });

  it('reports offsets into the text as given, also after astral characters', () => {
    const text = '😀 Иванову 😀';
    const [hit] = overlay.find(text);
    expect(text.slice(hit!.start, hit!.end)).toBe('Иванову');
  });
});

describe('pseudonymizer.apply', () => {
  it('carries the case ending over to the pseudonym', () => {
    expect(overlay.apply('Иванов сказал Иванову, что Ивановой нет.')).toBe('Петров сказал Петрову, что Петровой нет.');
    expect(overlay.apply('Юры нет, скажите Юре')).toBe('Коли нет, скажите Коле');
    expect(overlay.apply('Горскому и Горской')).toBe('Белому и Белой');
    expect(overlay.apply('директор «Колец»')).toBe('директор «Искр»');
  });

  it('puts the vowel into a genitive plural before -к- (Втулок, Ложек) but not elsewhere (Искр)', () => {
    const plural = pseudonymizer([{ realName: 'Кольца', pseudonym: 'Втулки', aliases: [] }]);
    expect(plural.apply('директор «Колец»')).toBe('директор «Втулок»');
    expect(inflect('Ложка', 13)).toBe('Ложек');
    expect(inflect('Втулка', 13)).toBe('Втулок');
    expect(inflect('Искра', 13)).toBe('Искр');
    const back = pseudonymizer([{ realName: 'Втулки', pseudonym: 'Кольца', aliases: [] }]);
    expect(back.apply('директор «Втулок», по «Втулкам»')).toBe('директор «Колец», по «Кольцам»');
    expect(inflect('Сочи', 2)).toBe('Сочи');
  });

  it('inflects every word of a pseudonym with more or fewer words', () => {
    const entries = [{ realName: 'Иванов', pseudonym: 'Иван Петров', aliases: [] }];
    expect(pseudonymizer(entries).apply('к Иванову')).toBe('к Ивану Петрову');
    expect(overlay.apply('у Марии Сидоровой')).toBe('у Анны Кузнецовой');
  });

  it('keeps capitals: all upper case, and a lower-case first letter', () => {
    expect(overlay.apply('ИВАНОВУ и иванову')).toBe('ПЕТРОВУ и петрову');
  });

  it('leaves a text without registered names as it is', () => {
    const text = 'Начальник цеха, завод «Маяк», июнь 1993.';
    expect(overlay.apply(text)).toBe(text);
    expect(pseudonymizer([]).apply(text)).toBe(text);
  });
});

const SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попова', 'Соколов', 'Лебедева', 'Новиков', 'Морозов', 'Волков', 'Зайцев', 'Горский', 'Белинский'];
const FIRST = ['Юра', 'Таня', 'Игорь', 'Василий', 'Степан', 'Ольга', 'Кольца', 'Маяк'];
const PSEUDONYMS = ['Орлов', 'Жуков', 'Медведева', 'Ершов', 'Рыбаков', 'Лучинский', 'Коля', 'Мила', 'Фёдор', 'Искра', 'Восход', 'Савелий'];
const FILLER = ['завод', 'цех', 'сказал', 'Ивановка', 'Иванович', 'Смирновский', 'директор', 'зарплата', 'Волга', 'кооператив', 'Степанович'];
const SEPARATORS = [' ', ', ', '. ', '\n', ' — ', ' («', '») '];

/** A registry of single-word names with pseudonyms from a pool no real name shares. */
const registries = fc
  .uniqueArray(fc.constantFrom(...SURNAMES, ...FIRST), { minLength: 1, maxLength: 8 })
  .chain((names) =>
    fc.shuffledSubarray(PSEUDONYMS, { minLength: names.length, maxLength: names.length }).map((pseudonyms) => names.map((realName, i) => ({ realName, pseudonym: pseudonyms[i]!, aliases: [] as string[] }))),
  );

/** A text of filler words and inflected real names, with where each name was planted. */
const texts = (names: readonly string[]) =>
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FILLER), fc.tuple(fc.constantFrom(...names), fc.integer({ min: 0, max: 17 }))), fc.constantFrom(...SEPARATORS)), { maxLength: 30 }).map((parts) => {
    let text = '';
    const planted: { start: number; end: number }[] = [];
    for (const [part, separator] of parts) {
      const word = typeof part === 'string' ? part : inflect(part[0], part[1]);
      if (typeof part !== 'string') planted.push({ start: text.length, end: text.length + word.length });
      text += word + separator;
    }
    return { text, planted };
  });

describe('pseudonymizer properties', () => {
  it('finds every planted form of a real name at its exact offsets, and nothing else', () => {
    fc.assert(
      fc.property(
        registries.chain((entries) => texts(entries.map((e) => e.realName)).map((t) => ({ entries, ...t }))),
        ({ entries, text, planted }) => {
          const hits = pseudonymizer(entries).find(text);
          expect(hits.map(({ start, end }) => ({ start, end }))).toEqual(planted);
          for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.text);
        },
      ),
    );
  });

  it('finds the same places whatever the capitals of the text and whichever of е and ё it writes', () => {
    const variant = (text: string, choices: readonly number[]): string =>
      [...text]
        .map((ch, i) => {
          const choice = choices[i % choices.length]!;
          const swapped = ch === 'е' ? 'ё' : ch === 'ё' ? 'е' : ch === 'Е' ? 'Ё' : ch === 'Ё' ? 'Е' : ch;
          return choice === 0 ? ch : choice === 1 ? ch.toUpperCase() : choice === 2 ? ch.toLowerCase() : swapped;
        })
        .join('');
    fc.assert(
      fc.property(
        registries.chain((entries) => texts(entries.map((e) => e.realName)).map((t) => ({ entries, ...t }))),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 64 }),
        ({ entries, text }, choices) => {
          const p = pseudonymizer(entries);
          const written = variant(text, choices);
          expect(p.find(written).map(({ start, end, form }) => ({ start, end, form }))).toEqual(p.find(text).map(({ start, end, form }) => ({ start, end, form })));
        },
      ),
    );
  });

  it('leaves no findable real name after the overlay', () => {
    fc.assert(
      fc.property(
        registries.chain((entries) => texts(entries.map((e) => e.realName)).map((t) => ({ entries, ...t }))),
        ({ entries, text }) => {
          const p = pseudonymizer(entries);
          expect(p.find(p.apply(text))).toEqual([]);
        },
      ),
    );
  });
});
