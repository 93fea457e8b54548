import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CLEANUP_OPTIONS, cleanText, suggestCleanup, type CleanupOption } from '../../../src-shared/text';

const only = (option: CleanupOption) => ({ [option]: true });
const clean = (text: string, option: CleanupOption) => cleanText(text, only(option));

/** Greedy hard wrap at `width` columns, as a typewriter transcript or pdftotext leaves it. */
function wrap(paragraph: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

const PARAGRAPH_1 =
  'В девяносто втором году завод перешёл на сокращённую неделю. Мастера участков получали ' +
  'распоряжения устно, приказов никто не видел. Рабочие механического цеха узнавали о простоях ' +
  'в последний день смены, а зарплату задерживали на два-три месяца.';
const PARAGRAPH_2 =
  'Начальник цеха объяснял это отсутствием заказов и долгами смежников. По его словам, ' +
  'оборудование стояло больше половины рабочего времени, а часть станков была сдана в аренду ' +
  'кооперативу, который делал гаражные ворота.';

describe('cleanText: general', () => {
  it('returns the text unchanged, CRs included, when no step is chosen', () => {
    const text = 'Строка\r\nещё одна\r\n';
    expect(cleanText(text, {})).toEqual({
      text,
      changes: { replaceReplacementChars: 0, removeRunningHeaders: 0, joinHyphenation: 0, unwrapLines: 0, normaliseQuotesAndDashes: 0 },
    });
    expect(cleanText(text, { joinHyphenation: false }).text).toBe(text);
  });

  it('reads CRLF as a line break once a step is chosen', () => {
    expect(clean('произ-\r\nводство', 'joinHyphenation').text).toBe('производство');
  });

  it('reports zero for the steps it skipped', () => {
    const { changes } = cleanText('Текст\uFFFD', { replaceReplacementChars: true });
    expect(changes).toEqual({ replaceReplacementChars: 1, removeRunningHeaders: 0, joinHyphenation: 0, unwrapLines: 0, normaliseQuotesAndDashes: 0 });
  });
});

describe('cleanText: replaceReplacementChars', () => {
  it('replaces each run of U+FFFD by one marker', () => {
    expect(clean('Завод \uFFFD\uFFFD\uFFFDольца», цех \uFFFD5', 'replaceReplacementChars')).toEqual({
      text: 'Завод [?]ольца», цех [?]5',
      changes: expect.objectContaining({ replaceReplacementChars: 2 }),
    });
  });

  it('uses the marker given, and leaves question marks alone', () => {
    expect(cleanText('Что??? \uFFFD', { replaceReplacementChars: true, replacementMarker: '⟨нрзб⟩' }).text).toBe('Что??? ⟨нрзб⟩');
  });
});

describe('cleanText: joinHyphenation', () => {
  it.each([
    ['Рабочие цеха получили произ-\nводственное задание.', 'Рабочие цеха получили производственное задание.'],
    ['сокращённую не-\n  делю', 'сокращённую неделю'],
    ['the manu-\nfacturing plant', 'the manufacturing plant'],
    ['произ\u00AD\nводство', 'производство'],
    ['по-\nлучил зарплату', 'получил зарплату'],
  ])('joins %j', (input, output) => {
    expect(clean(input, 'joinHyphenation')).toMatchObject({ text: output, changes: { joinHyphenation: 1 } });
  });

  it.each([
    ['Пришёл кое-\nкто из мастеров.', 'Пришёл кое-кто из мастеров.'],
    ['Что-\nто там было.', 'Что-то там было.'],
    ['хоть кто-\nнибудь', 'хоть кто-нибудь'],
    ['всё-\nтаки пришёл', 'всё-таки пришёл'],
    ['из-\nза долгов', 'из-за долгов'],
    ['во-\nпервых, заказы', 'во-первых, заказы'],
    ['говорил по-\nрусски', 'говорил по-русски'],
    ['а по-\nмоему, нет', 'а по-моему, нет'],
    ['в 90-\nх годах', 'в 90-х годах'],
    ['a self-\nmanaged brigade', 'a self-managed brigade'],
  ])('keeps the hyphen of a real compound in %j', (input, output) => {
    expect(clean(input, 'joinHyphenation')).toMatchObject({ text: output, changes: { joinHyphenation: 1 } });
  });

  it('follows how the text itself writes the word', () => {
    const compound = 'Северо-западный филиал закрыли. Потом северо-\nзападный склад тоже.';
    expect(clean(compound, 'joinHyphenation').text).toBe('Северо-западный филиал закрыли. Потом северо-западный склад тоже.');
    const solid = 'Он работал полностью один. Цех полно-\nстью стоял.';
    expect(clean(solid, 'joinHyphenation').text).toBe('Он работал полностью один. Цех полностью стоял.');
    const family = 'Социально-политический кризис и социально-\nэкономические последствия.';
    expect(clean(family, 'joinHyphenation').text).toBe('Социально-политический кризис и социально-экономические последствия.');
  });

  it.each([
    ['Петропавловск-\nКамчатский', 'a capital after the hyphen'],
    ['Мы тогда на заво-\nИ: На какой завод?', 'a word broken off before the next turn'],
    ['Мы тогда на заво-\nи: На какой завод?', 'a lower-case role label'],
    ['слово -\nслово', 'a spaced dash at the line end'],
    ['кое-кто пришёл', 'a hyphen inside a line'],
    ['список:\n-\nпункт', 'a hyphen on its own line'],
  ])('leaves %j alone (%s)', (input) => {
    expect(clean(input, 'joinHyphenation')).toMatchObject({ text: input, changes: { joinHyphenation: 0 } });
  });
});

/** Distinct lines of running text (144 of them), as the pages of a report hold them. */
const SUBJECTS = [
  'Завод перешёл на сокращённую неделю',
  'Мастера получали распоряжения устно',
  'Рабочие узнавали о простоях',
  'Зарплату задерживали',
  'Начальник цеха ссылался на отсутствие заказов',
  'Станки сдавали в аренду кооперативу',
  'Кооператив делал гаражные ворота',
  'Профком распределял талоны на сахар',
  'Собрание выбрало второй вариант льгот',
  'Контрольный пакет остался у коллектива',
  'Директор ездил в Москву за кредитом',
  'Долги перед смежниками росли',
];
const TIMES = [
  'в январе', 'весной', 'летом', 'осенью', 'перед праздниками', 'после аварии', 'при старом директоре',
  'в конце квартала', 'каждую смену', 'по словам бригадира', 'как говорили в курилке', 'всю зиму',
];
const sentence = (i: number) => `${SUBJECTS[i % 12]!} ${TIMES[Math.floor(i / 12) % 12]!}.`;

describe('cleanText: removeRunningHeaders with page breaks', () => {
  const pages = [1, 2, 3, 4, 5].map((n) =>
    ['Отчёт о предприятии «Кольца»', '', sentence(2 * n), sentence(2 * n + 1), '', `— ${n} —`, ''].join('\n'),
  );
  const text = pages.join('\f');

  it('removes the header and the page numbers and joins the pages', () => {
    const result = clean(text, 'removeRunningHeaders');
    expect(result.changes.removeRunningHeaders).toBe(10);
    expect(result.text).toBe([1, 2, 3, 4, 5].map((n) => `${sentence(2 * n)}\n${sentence(2 * n + 1)}`).join('\n') + '\n');
  });

  it('recognises the usual page number forms', () => {
    for (const form of ['Стр. #', 'Page # of 12', '- # -', '#', 'с. #', 'Отчёт, стр. #']) {
      const paged = [3, 4, 5].map((n) => `${sentence(n)}\n${form.replace('#', String(n))}\n`).join('\f');
      const result = clean(paged, 'removeRunningHeaders');
      expect(result.text, form).toBe(`${sentence(3)}\n${sentence(4)}\n${sentence(5)}\n`);
    }
  });

  it('keeps a line that is not at a page edge, or on too few pages', () => {
    const page = (n: number) =>
      [sentence(6 * n), sentence(6 * n + 1), sentence(6 * n + 2), 'Итог по цеху', sentence(6 * n + 3), sentence(6 * n + 4), sentence(6 * n + 5)].join('\n');
    const paged = [0, 1, 2, 3, 4, 5].map(page).join('\f');
    expect(clean(paged, 'removeRunningHeaders')).toMatchObject({ text: paged, changes: { removeRunningHeaders: 0 } });
    const rare = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `${n === 2 || n === 5 ? 'Приложение\n' : ''}${sentence(n)}`).join('\f');
    expect(clean(rare, 'removeRunningHeaders').changes.removeRunningHeaders).toBe(0);
  });

  it('keeps edge lines that differ in numbers that do not count pages', () => {
    const paged = [3, 9, 1, 7].map((n, i) => `Цех ${n}\n${sentence(i)}\n`).join('\f');
    expect(clean(paged, 'removeRunningHeaders').changes.removeRunningHeaders).toBe(0);
  });

  it('never removes a speaker turn, however often it starts a page', () => {
    const paged = [1, 2, 3, 4].map((n) => `Р: Да.\nИ: ${sentence(n)}\n`).join('\f');
    expect(clean(paged, 'removeRunningHeaders').changes.removeRunningHeaders).toBe(0);
  });
});

describe('cleanText: removeRunningHeaders without page breaks', () => {
  const body = (page: number) => Array.from({ length: 12 }, (_, i) => sentence(page * 12 + i)).join('\n');

  it('removes page numbers that recur at regular intervals and count up', () => {
    const text = [1, 2, 3, 4].map((n) => `${body(n)}\n\n— ${n} —\n`).join('\n');
    const result = clean(text, 'removeRunningHeaders');
    expect(result.changes.removeRunningHeaders).toBe(4);
    expect(result.text).not.toMatch(/— \d —/);
    expect(result.text).toBe([1, 2, 3, 4].map(body).join('\n') + '\n');
  });

  it('removes a running header repeated on every page', () => {
    const text = [1, 2, 3, 4].map((n) => `Интервью с мастером, завод «Кольца», 1993\n${body(n)}`).join('\n');
    const result = clean(text, 'removeRunningHeaders');
    expect(result.changes.removeRunningHeaders).toBe(4);
    expect(result.text).not.toContain('Интервью с мастером');
  });

  it('keeps numbers that do not count pages, and a numbered list', () => {
    const list = '1\nПлан\n2\nФонды\n3\nКадры\n4\nЗарплата';
    expect(clean(list, 'removeRunningHeaders').changes.removeRunningHeaders).toBe(0);
    const sameNumber = [1, 2, 3, 4].map((n) => `${body(n)}\n7`).join('\n');
    expect(clean(sameNumber, 'removeRunningHeaders').changes.removeRunningHeaders).toBe(0);
  });

  it('keeps recurring lines that are close together or irregular', () => {
    const close = Array.from({ length: 6 }, () => 'Отчёт о предприятии\nстрока\nстрока').join('\n');
    expect(clean(close, 'removeRunningHeaders').changes.removeRunningHeaders).toBe(0);
    const irregular = ['Заметка', body(1), 'Заметка', body(2), body(3), body(4), body(5), body(6), 'Заметка'].join('\n');
    expect(clean(irregular, 'removeRunningHeaders').changes.removeRunningHeaders).toBe(0);
  });

  it('never removes a recurring speaker turn', () => {
    const text = [1, 2, 3, 4].map((n) => `Р: Да.\n${body(n)}`).join('\n');
    expect(clean(text, 'removeRunningHeaders').changes.removeRunningHeaders).toBe(0);
  });
});

describe('cleanText: unwrapLines', () => {
  it('joins hard-wrapped paragraphs and keeps the blank line between them', () => {
    const text = `${wrap(PARAGRAPH_1, 70)}\n\n${wrap(PARAGRAPH_2, 70)}`;
    const result = clean(text, 'unwrapLines');
    expect(result.text).toBe(`${PARAGRAPH_1}\n\n${PARAGRAPH_2}`);
    expect(result.changes.unwrapLines).toBe(text.split('\n').length - 3);
  });

  it('does not join speaker turns, directions, timestamps or list items onto the line before', () => {
    const answer =
      'Р: Мастер участка тогда сказал, что заказов больше не будет и что всем надо писать ' +
      'заявления на отпуск за свой счёт, а кто не напишет, того переведут в грузчики.';
    const text = [
      wrap(answer, 64),
      'И: А вы написали заявление тогда, в девяносто втором?',
      '(пауза)',
      '[00:13:02] Р: Написал, куда деваться было, все писали.',
      '1. Сокращённая неделя с января девяносто третьего года.',
      '2. Задержки зарплаты.',
    ].join('\n');
    const result = clean(text, 'unwrapLines');
    expect(result.text.split('\n')).toEqual([
      answer,
      'И: А вы написали заявление тогда, в девяносто втором?',
      '(пауза)',
      '[00:13:02] Р: Написал, куда деваться было, все писали.',
      '1. Сокращённая неделя с января девяносто третьего года.',
      '2. Задержки зарплаты.',
    ]);
  });

  it('does not join a short line, nor an indented first line of a new paragraph', () => {
    const text = [
      'Завод «Кольца», механический цех.',
      'Записано 12 июня 1993 года.',
      '',
      wrap(PARAGRAPH_1, 72),
      `    ${wrap(PARAGRAPH_2, 68)}`,
    ].join('\n');
    const result = clean(text, 'unwrapLines');
    expect(result.text.split('\n')).toEqual([
      'Завод «Кольца», механический цех.',
      'Записано 12 июня 1993 года.',
      '',
      PARAGRAPH_1,
      `    ${PARAGRAPH_2}`,
    ]);
  });

  it('leaves text with one paragraph per line alone', () => {
    const text = [PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_1].join('\n');
    expect(clean(text, 'unwrapLines')).toMatchObject({ text, changes: { unwrapLines: 0 } });
  });
});

describe('cleanText: normaliseQuotesAndDashes', () => {
  it.each([
    ['Завод "Кольца" стоял.', 'Завод «Кольца» стоял.', 2],
    ['Он сказал: "Завод "Кольца" закрыт".', 'Он сказал: «Завод „Кольца“ закрыт».', 4],
    ['The plant "Koltsa" was idle.', 'The plant “Koltsa” was idle.', 2],
    ['Директор - бывший парторг.', 'Директор — бывший парторг.', 1],
    ['Директор -- бывший парторг.', 'Директор — бывший парторг.', 1],
    ['Директор--бывший парторг.', 'Директор—бывший парторг.', 1],
    ['Директор – бывший парторг.', 'Директор — бывший парторг.', 1],
    ['The director - a former party boss.', 'The director — a former party boss.', 1],
  ])('turns %j into %j', (input, output, count) => {
    expect(clean(input, 'normaliseQuotesAndDashes')).toMatchObject({ text: output, changes: { normaliseQuotesAndDashes: count } });
  });

  it.each([
    ['с 1992 - 1995 гг.', 'a range of years'],
    ['- первый пункт', 'a list item'],
    ['— Реплика', 'an em dash already'],
    ['The director – a former party boss.', 'a spaced en dash in English'],
    ['Он сказал "да, и ушёл.', 'an unpaired quote'],
    ['Уже «Кольца» и „цех“.', 'typographic quotes'],
    ['-------', 'a rule'],
    ['кое-кто', 'a hyphen'],
  ])('leaves %j alone (%s)', (input) => {
    expect(clean(input, 'normaliseQuotesAndDashes')).toMatchObject({ text: input, changes: { normaliseQuotesAndDashes: 0 } });
  });
});

describe('cleanText: steps together', () => {
  it('cleans a scanned report: headers, hyphenation, wrapping and dashes', () => {
    const page1 = `Отчёт о предприятии "Кольца"\n\n${wrap('Рабочие механического цеха получили произ- водственное задание только в марте - и то не полностью.', 40)}\n\n- 1 -\n`;
    const page2 = `Отчёт о предприятии "Кольца"\n\n${wrap('Начальник цеха объяснял это долгами смежников и отсутствием сырья на складе.', 40)}\n\n- 2 -\n`;
    const page3 = `Отчёт о предприятии "Кольца"\n\n${wrap('а в мае цех остановился совсем, и рабочих отправили в отпуск без содержания.', 40)}\n\n- 3 -\n`;
    const text = `${page1}\f${page2}\f${page3}`.replace('произ- ', 'произ-\n');
    const suggested = suggestCleanup(text);
    expect(suggested).toEqual({
      replaceReplacementChars: false, removeRunningHeaders: true, joinHyphenation: true, unwrapLines: true, normaliseQuotesAndDashes: true,
    });
    const result = cleanText(text, suggested);
    expect(result.text).toBe(
      'Рабочие механического цеха получили производственное задание только в марте — и то не полностью.\n' +
        'Начальник цеха объяснял это долгами смежников и отсутствием сырья на складе. ' +
        'а в мае цех остановился совсем, и рабочих отправили в отпуск без содержания.\n',
    );
    expect(result.changes).toMatchObject({ removeRunningHeaders: 6, joinHyphenation: 1, normaliseQuotesAndDashes: 1 });
  });
});

describe('suggestCleanup', () => {
  it('suggests nothing for a clean transcript', () => {
    const text = 'И: Как вы пришли на завод?\nР: По распределению, в восемьдесят седьмом году.\nИ: А кем начинали?\nР: Мастером участка.';
    expect(suggestCleanup(text)).toEqual({
      replaceReplacementChars: false, removeRunningHeaders: false, joinHyphenation: false, unwrapLines: false, normaliseQuotesAndDashes: false,
    });
  });

  it('suggests each step when its problem is there', () => {
    expect(suggestCleanup('Завод \uFFFD\uFFFDольца')).toMatchObject({ replaceReplacementChars: true });
    expect(suggestCleanup('произ-\nводство')).toMatchObject({ joinHyphenation: true });
    expect(suggestCleanup(`${wrap(PARAGRAPH_1, 60)}\n\n${wrap(PARAGRAPH_2, 60)}`)).toMatchObject({ unwrapLines: true });
    expect(suggestCleanup('Завод "Кольца" - банкрот.')).toMatchObject({ normaliseQuotesAndDashes: true });
    const paged = [1, 2, 3].map((n) => `Текст ${n}.\n— ${n} —\n`).join('\f');
    expect(suggestCleanup(paged)).toMatchObject({ removeRunningHeaders: true });
  });

  it('does not suggest unwrapping for a few long lines that happen to follow each other', () => {
    const text = ['Короткая строка.', PARAGRAPH_1, PARAGRAPH_2, '', 'Ещё одна.', 'И последняя.'].join('\n');
    expect(suggestCleanup(text).unwrapLines).toBe(false);
  });
});

describe('cleanText: properties', () => {
  const unit = fc.constantFrom(
    'а', 'б', 'Б', 'x', 'Y', ' ', ' ', '\n', '\n', '\n\n', '\f', '\r\n', '-', '- ', ' - ', '--', '"', '«', '»', '\u00AD',
    '\uFFFD', '1', '2', '— 3 —', 'Стр. 4', 'И: ', 'Р: ', '(смеётся)', 'кое-', 'произ-\nводство', '😀', '\ud83d',
  );
  const text = fc.oneof(fc.string({ unit, maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 80 }));
  const options = fc.record(Object.fromEntries(CLEANUP_OPTIONS.map((o) => [o, fc.boolean()])) as Record<CleanupOption, fc.Arbitrary<boolean>>);

  it('never throws and reports non-negative whole counts', () => {
    fc.assert(
      fc.property(text, options, (t, o) => {
        const result = cleanText(t, o);
        expect(typeof result.text).toBe('string');
        for (const option of CLEANUP_OPTIONS) {
          const n = result.changes[option];
          expect(Number.isInteger(n) && n >= 0).toBe(true);
          if (!o[option]) expect(n).toBe(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reports no change for each step that left the text as it was', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...CLEANUP_OPTIONS), (t, option) => {
        const input = t.replace(/\r\n?/g, '\n');
        const result = clean(input, option);
        if (result.changes[option] === 0) expect(result.text).toBe(input);
      }),
      { numRuns: 400 },
    );
  });

  it('only ever removes hyphens and line breaks when joining hyphenation, and only spacing when unwrapping', () => {
    const strip = (s: string, chars: RegExp) => s.replace(chars, '');
    fc.assert(
      fc.property(text, (t) => {
        const input = t.replace(/\r\n?/g, '\n');
        expect(strip(clean(input, 'joinHyphenation').text, /[-\u2010\u00AD\s]/g)).toBe(strip(input, /[-\u2010\u00AD\s]/g));
        expect(strip(clean(input, 'unwrapLines').text, /\s/g)).toBe(strip(input, /\s/g));
      }),
      { numRuns: 300 },
    );
  });

  it('only removes whole lines when removing headers, and leaves no U+FFFD when replacing', () => {
    fc.assert(
      fc.property(text, (t) => {
        const input = t.replace(/\r\n?/g, '\n');
        const kept = clean(input, 'removeRunningHeaders').text.split(/[\n\f]/);
        const lines = input.split(/[\n\f]/);
        let at = 0;
        for (const line of kept) {
          while (at < lines.length && lines[at] !== line) at++;
          expect(at).toBeLessThan(lines.length);
          at++;
        }
        expect(clean(input, 'replaceReplacementChars').text).not.toContain('\uFFFD');
      }),
      { numRuns: 300 },
    );
  });
});
