import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { asidesOf, splitSegments, speakerLabels } from '../../../src-shared/text';

/** Each segment as [kind, speaker, line text]. */
function rows(text: string): Array<[string, string | null, string]> {
  return splitSegments(text).map((s) => [s.kind, s.speaker, text.slice(s.start, s.end)]);
}

/** The asides of the first segment of `line`, as text. */
function asideTexts(line: string): string[] {
  const [segment] = splitSegments(line);
  return (segment?.asides ?? []).map((a) => line.slice(a.start, a.end));
}

describe('splitSegments: stage directions', () => {
  it.each([
    '(смеётся)',
    '(Шум в зале.)',
    '[неразборчиво]',
    '[Pause]',
    '  (Аплодисменты.)  ',
    '[Прим. интервьюера: диктофон выключен по просьбе респондента]',
    '(Входит начальник цеха, разговор прерывается.)',
    '(смеётся [неразборчиво])',
  ])('makes %j a direction', (line) => {
    expect(splitSegments(line)).toEqual([{ start: 0, end: line.length, kind: 'direction', speaker: null, timestamp: null, asides: [] }]);
  });

  it.each([
    ['(смеётся) Ну, вы понимаете.', 'text after the parenthesis'],
    ['(1) план, (2) фонды', 'two parentheses'],
    ['[1] Иванов, с. 12 [2]', 'two brackets'],
    ['()', 'empty brackets'],
    ['[ ]', 'blank brackets'],
    ['(не закрыта', 'an unclosed parenthesis'],
    ['[00:12:31]', 'a bare timestamp'],
  ])('keeps %j out of directions (%s)', (line) => {
    expect(firstKind(line)).not.toBe('direction');
  });

  it('keeps directions apart from the turns of a transcript', () => {
    const text = [
      'И: Как вы узнали о сокращении?',
      '(пауза)',
      'Р: Мастер сказал. [неразборчиво] Потом приказ вывесили.',
      '[Запись прерывается]',
      '[00:25:10] Р: Ну вот.',
    ].join('\n');
    expect(rows(text).map(([kind, speaker]) => [kind, speaker])).toEqual([
      ['turn', 'И'],
      ['direction', null],
      ['turn', 'Р'],
      ['direction', null],
      ['turn', 'Р'],
    ]);
  });

  it('does not count directions against a dash-led dialogue', () => {
    const text = ['— Сколько получаете?', '(молчание)', '(смеётся)', '(пауза)', '— Немного.'].join('\n');
    expect(rows(text).map(([kind]) => kind)).toEqual(['turn', 'direction', 'direction', 'direction', 'turn']);
  });
});

function firstKind(line: string): string | undefined {
  return splitSegments(line)[0]?.kind;
}

describe('splitSegments: minutes of a meeting', () => {
  const minutes = [
    'Протокол собрания трудового коллектива механического цеха, 14 марта 1992 г.',
    'Присутствовали: 212 человек.',
    'Председатель: Товарищи, начинаем. На повестке один вопрос — акционирование.',
    'Директор: Завод должен выбрать вариант льгот до первого апреля.',
    '(Шум в зале.)',
    'Из зала: А что будет с очередью на квартиры?',
    'Голос с места: Правильно!',
    'Начальник цеха Петров: Я за второй вариант (оживление в зале), контрольный пакет будет у коллектива.',
    'Председатель: Прошу тишины. (Звонит в колокольчик.)',
    'Голосовали: за — 180, против — 20, воздержались — 12.',
    'Постановили: принять второй вариант льгот.',
  ].join('\n');

  it('recognises role labels and keeps headers and directions apart', () => {
    expect(rows(minutes).map(([kind, speaker]) => [kind, speaker])).toEqual([
      ['paragraph', null],
      ['paragraph', null],
      ['turn', 'Председатель'],
      ['turn', 'Директор'],
      ['direction', null],
      ['turn', 'Из зала'],
      ['turn', 'Голос с места'],
      ['turn', 'Начальник цеха Петров'],
      ['turn', 'Председатель'],
      ['paragraph', null],
      ['paragraph', null],
    ]);
  });

  it('finds the asides inside turns', () => {
    const segments = splitSegments(minutes);
    expect(segments.map((s) => s.asides.map((a) => minutes.slice(a.start, a.end)))).toEqual([
      [], [], [], [], [], [], [], ['(оживление в зале)'], ['(Звонит в колокольчик.)'], [], [],
    ]);
  });

  it.each([
    ['Chair: The meeting is open.', 'Chair'],
    ['Secretary: Minutes of the last meeting were read.', 'Secretary'],
    ['Voice from the floor: What about the wages?', 'Voice from the floor'],
    ['Председатель профкома Сидорова: Слово имеет директор.', 'Председатель профкома Сидорова'],
    ['Зам. директора по кадрам: Сокращения не будет.', 'Зам. директора по кадрам'],
  ])('treats %j as a turn of %j', (line, speaker) => {
    expect(splitSegments(line)[0]).toMatchObject({ kind: 'turn', speaker });
  });

  it.each([
    'Выступили: тов. Петров, тов. Сидорова.',
    'Голосовали: единогласно.',
    'Против: 3.',
    'Moved: that the plan be adopted.',
    'Resolved: to meet again in April.',
  ])('keeps the minutes header %j a paragraph', (line) => {
    expect(splitSegments(line)[0]).toMatchObject({ kind: 'paragraph', speaker: null });
  });
});

describe('splitSegments: asides', () => {
  it('reports stage directions and notes, not parenthesised prose', () => {
    const line = 'Р: Мастер (смеётся) сказал: [неразборчиво] и ушёл (в 1992 году).';
    expect(asideTexts(line)).toEqual(['(смеётся)', '[неразборчиво]']);
  });

  it('reports offsets in the whole text, brackets included', () => {
    const text = 'И: Как это было?\nР: Тяжело (пауза) было.';
    const [, turn] = splitSegments(text);
    expect(turn?.asides).toEqual([{ start: 27, end: 34 }]);
    expect(text.slice(27, 34)).toBe('(пауза)');
  });

  it.each([
    ['Р: Нам выдали [Прим. интервьюера: имеются в виду ваучеры] по одному.', '[Прим. интервьюера: имеются в виду ваучеры]'],
    ['Р: Директор (Прим. ред.: В. И. Сомов) не пришёл.', '(Прим. ред.: В. И. Сомов)'],
    ['Р: Директор (примечание: бывший парторг) решил.', '(примечание: бывший парторг)'],
    ['Р: Ну и вот (долгая пауза) так.', '(долгая пауза)'],
    ['Р: Нет (Смеётся.) не знаю.', '(Смеётся.)'],
    ['Р: Нет (смеется) не знаю.', '(смеется)'],
    ['Р: Все (все смеются) помнят.', '(все смеются)'],
    ['Р: Потом (неразборчиво, шум в цехе) ушли.', '(неразборчиво, шум в цехе)'],
    ['Р: Потом (нрзб) ушли.', '(нрзб)'],
    ['Р: Тогда (…) всех уволили.', '(…)'],
    ['Р: Тогда (...) всех уволили.', '(...)'],
    ['Р: Тогда (00:13:10) всех уволили.', '(00:13:10)'],
    ['Р: Тогда [...] всех уволили.', '[...]'],
    ['R: We were told (laughs) nothing.', '(laughs)'],
    ['R: We were told (inaudible) nothing.', '(inaudible)'],
    ['R: We were [crosstalk] told.', '[crosstalk]'],
    ['R: The plan (Note: the 1991 plan) failed.', '(Note: the 1991 plan)'],
    ['R: The plan (long pause) failed.', '(long pause)'],
  ])('finds the aside in %j', (line, aside) => {
    expect(asideTexts(line)).toEqual([aside]);
  });

  it.each([
    'Р: Мы тогда (в 1992 году) получили заказ.',
    'Р: Это был ОТК (отдел технического контроля).',
    'Р: Директор (ну, вы понимаете) не хотел.',
    'Р: Зарплата (если это можно назвать зарплатой) шла с опозданием.',
    'R: The director (a former party secretary) decided.',
    'Р: Нотариус (notebook) лежал на столе.',
    'Р: Ну () и всё.',
  ])('finds no aside in %j', (line) => {
    expect(asideTexts(line)).toEqual([]);
  });

  it('does not take a long parenthesis for a stage direction even if it starts like one', () => {
    const line = `Р: Он (шум ${'станков, '.repeat(10)}и всё такое) продолжал.`;
    expect(asideTexts(line)).toEqual([]);
  });

  it('reports the outermost aside when asides nest, and an aside nested in prose', () => {
    expect(asideTexts('Р: Да [Прим.: речь о цехе (старом)] было.')).toEqual(['[Прим.: речь о цехе (старом)]']);
    expect(asideTexts('Р: Да (в цехе (смеётся) было) так.')).toEqual(['(смеётся)']);
  });

  it('pairs brackets of the same kind and ignores strays', () => {
    expect(asideTexts('Р: a) пункт [неразборчиво] и (b')).toEqual(['[неразборчиво]']);
    expect(asideTexts('Р: ( [смех) и всё]')).toEqual([]);
  });

  it('does not count the leading timestamp or a parenthesis in the label as asides', () => {
    expect(asideTexts('[00:12:31] Иванов (мастер): Да.')).toEqual([]);
    expect(splitSegments('[00:12:31] Иванов (мастер): Да.')[0]).toMatchObject({ kind: 'turn', speaker: 'Иванов (мастер)' });
  });

  it('finds asides in paragraphs and dash-led turns too', () => {
    const text = ['— Как дела на заводе?', '— Плохо (вздыхает).', '— А что так?', 'Записано по памяти [Прим.: неточно].'].join('\n');
    const segments = splitSegments(text);
    expect(segments.map((s) => [s.kind, s.asides.map((a) => text.slice(a.start, a.end))])).toEqual([
      ['turn', []],
      ['turn', ['(вздыхает)']],
      ['turn', []],
      ['paragraph', ['[Прим.: неточно]']],
    ]);
  });
});

describe('asidesOf', () => {
  it('recomputes the asides of a stored segment from the text', () => {
    const text = 'Заметка.\nР: Мы (смеётся) работали [неразборчиво].\n(пауза)';
    for (const s of splitSegments(text)) {
      const stored = { start: s.start, end: s.end, kind: s.kind, speaker: s.speaker, timestamp: s.timestamp };
      expect(asidesOf(text, stored)).toEqual(s.asides);
    }
  });
});

describe('speakerLabels', () => {
  it('lists distinct labels in order of first appearance with their turns', () => {
    const text = [
      'Интервью с мастером участка, 1993.',
      'И: Сколько лет на заводе?',
      'Р: Двадцать два.',
      'И: А до того?',
      '(пауза)',
      'Р: Армия.',
      'Начальник цеха: Я добавлю.',
      'И: Пожалуйста.',
    ].join('\n');
    expect(speakerLabels(splitSegments(text))).toEqual([
      { label: 'И', turns: 3 },
      { label: 'Р', turns: 2 },
      { label: 'Начальник цеха', turns: 1 },
    ]);
  });

  it('does not count dash-led turns, and is empty for field notes', () => {
    expect(speakerLabels(splitSegments('— Да?\n— Нет.\n— Ну ладно.'))).toEqual([]);
    expect(speakerLabels([])).toEqual([]);
  });

  it('works on stored segments, which have no asides', () => {
    expect(speakerLabels([{ speaker: 'Р' }, { speaker: null }, { speaker: 'Р' }])).toEqual([{ label: 'Р', turns: 2 }]);
  });
});

describe('splitSegments: properties of directions and asides', () => {
  const unit = fc.constantFrom(
    'a', 'Б', ' ', ' ', '\n', '\n', ':', ': ', '(', ')', '[', ']', '(смеётся)', '[неразборчиво]', '(пауза',
    'Прим.: ', 'И: ', 'Р: ', 'Председатель: ', '[00:12:31] ', '— ', '😀', '\ud83d',
  );
  const text = fc.oneof(fc.string({ unit, maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

  it('keeps segments ordered and in bounds, and asides inside their segment, ordered and apart', () => {
    fc.assert(
      fc.property(text, (t) => {
        let previousEnd = -1;
        for (const s of splitSegments(t)) {
          expect(s.start).toBeGreaterThan(previousEnd);
          expect(s.end).toBeLessThanOrEqual(t.length);
          if (s.kind === 'direction') {
            expect(s.asides).toEqual([]);
            expect(s.speaker).toBeNull();
            expect(t.slice(s.start, s.end).trim()).toMatch(/[)\]]$/);
          }
          let asideEnd = s.start;
          for (const a of s.asides) {
            expect(a.start).toBeGreaterThanOrEqual(asideEnd);
            expect(a.end).toBeGreaterThan(a.start + 1);
            expect(a.end).toBeLessThanOrEqual(s.end);
            expect(t[a.start]).toMatch(/[([]/);
            expect(t[a.end - 1]).toBe(t[a.start] === '(' ? ')' : ']');
            asideEnd = a.end;
          }
          previousEnd = s.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with asidesOf', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const s of splitSegments(t)) expect(asidesOf(t, s)).toEqual(s.asides);
      }),
      { numRuns: 200 },
    );
  });

  it('stays linear on long lines of unbalanced brackets', () => {
    const line = `Р: ${'(['.repeat(50_000)}${')'.repeat(50_000)}`;
    const started = Date.now();
    const [segment] = splitSegments(line);
    expect(segment?.kind).toBe('turn');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
