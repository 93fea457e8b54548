import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isSpeakerLabel, segmentAt, splitSegments, type Segment } from '../../../src-shared/text';

/** The lines of `text` as [kind, speaker, timestamp, line text], for readable expectations. */
function describeSegments(text: string): Array<[string, string | null, string | null, string]> {
  return splitSegments(text).map((s) => [s.kind, s.speaker, s.timestamp, text.slice(s.start, s.end)]);
}

function firstSegment(line: string): Segment | undefined {
  return splitSegments(line)[0];
}

describe('splitSegments: paragraphs', () => {
  it('returns nothing for empty text', () => {
    expect(splitSegments('')).toEqual([]);
  });

  it('makes one paragraph per non-empty line with offsets that exclude the newline', () => {
    const text = 'Первый абзац.\n\nВторой абзац.\nТретий.';
    expect(splitSegments(text)).toEqual([
      { start: 0, end: 13, kind: 'paragraph', speaker: null, timestamp: null, asides: [] },
      { start: 15, end: 28, kind: 'paragraph', speaker: null, timestamp: null, asides: [] },
      { start: 29, end: 36, kind: 'paragraph', speaker: null, timestamp: null, asides: [] },
    ]);
  });

  it('counts offsets in UTF-16 code units', () => {
    const text = '😀 smile\nnext';
    expect(splitSegments(text).map((s) => [s.start, s.end])).toEqual([[0, 8], [9, 13]]);
  });

  it('keeps a leading timestamp on a paragraph that has no speaker', () => {
    expect(firstSegment('[00:41:07] Дальше запись обрывается.')).toMatchObject({
      kind: 'paragraph',
      speaker: null,
      timestamp: '00:41:07',
    });
  });

  it('keeps a leading timestamp on a stage direction', () => {
    expect(firstSegment('[00:41:07] (неразборчиво, шум в цехе)')).toMatchObject({
      kind: 'direction',
      speaker: null,
      timestamp: '00:41:07',
    });
  });
});

describe('splitSegments: speaker turns', () => {
  it('recognises И:/Р: turns in a Russian transcript', () => {
    const text = [
      'Интервью на заводе «Красный пролетарий», июнь 1993.',
      'И: Как вы пришли на завод?',
      'Р: По распределению, в восемьдесят седьмом году.',
      'И: А кем начинали?',
      'Р: Мастером участка. Потом: цех, потом — отдел.',
    ].join('\n');
    expect(describeSegments(text)).toEqual([
      ['paragraph', null, null, 'Интервью на заводе «Красный пролетарий», июнь 1993.'],
      ['turn', 'И', null, 'И: Как вы пришли на завод?'],
      ['turn', 'Р', null, 'Р: По распределению, в восемьдесят седьмом году.'],
      ['turn', 'И', null, 'И: А кем начинали?'],
      ['turn', 'Р', null, 'Р: Мастером участка. Потом: цех, потом — отдел.'],
    ]);
  });

  it('reads bracketed and bare timestamps before the label', () => {
    const text = [
      '[00:12:31] И: Сколько человек в цехе?',
      '[12:40] Р: Сейчас человек сорок.',
      '00:13:02 Interviewer: And before?',
      '(01:02:03.5) В: А раньше?',
    ].join('\n');
    expect(describeSegments(text).map(([kind, speaker, timestamp]) => [kind, speaker, timestamp])).toEqual([
      ['turn', 'И', '00:12:31'],
      ['turn', 'Р', '12:40'],
      ['turn', 'Interviewer', '00:13:02'],
      ['turn', 'В', '01:02:03.5'],
    ]);
  });

  it.each([
    ['Interviewer: So how did it start?', 'Interviewer'],
    ['Respondent: With the voucher privatisation.', 'Respondent'],
    ['Respondent 2: I disagree.', 'Respondent 2'],
    ['Q: When?', 'Q'],
    ['A: In 1992.', 'A'],
    ['I: Go on.', 'I'],
    ['R: Well, the director decided.', 'R'],
    ['В: Когда это было?', 'В'],
    ['О: Осенью девяносто второго.', 'О'],
    ['Р2: Я не согласен.', 'Р2'],
    ['Иван Петрович: Мы тогда всё решили сами.', 'Иван Петрович'],
    ['Tsygankov: The plan was never met.', 'Tsygankov'],
    ['Head of OTK: Quality control was a formality.', 'Head of OTK'],
    ['Director: We had no orders.', 'Director'],
    ['Из зала: А зарплата когда?', 'Из зала'],
    ['Реплика: Правильно!', 'Реплика'],
    ['Начальник цеха: Станки стояли.', 'Начальник цеха'],
    ['From the crowd: Shame!', 'From the crowd'],
    ['А.Г. Шведов: Коллеги, к порядку.', 'А.Г. Шведов'],
    ['Шведов А. Г.: Продолжим.', 'Шведов А. Г.'],
    ['тов. Иванов: Возражаю.', 'тов. Иванов'],
    ['Dr. Ivanova: Yes.', 'Dr. Ivanova'],
    ['Интервьюер : Спасибо.', 'Интервьюер'],
  ])('treats %j as a turn of %j', (line, speaker) => {
    expect(firstSegment(line)).toMatchObject({ kind: 'turn', speaker, timestamp: null });
  });

  it.each([
    ['Он сказал так: приходите завтра.', 'a sentence with pronoun and verb'],
    ['Потом директор сказал: денег нет.', 'a sentence with a verb of speech'],
    ['Мы с коллегами из соседнего цеха тогда решили: бастовать.', 'colon after more than five words'],
    ['Начальник отдела технического контроля и приёмки готовой продукции: нет.', 'label longer than 40 characters'],
    ['Дата: 12.06.1993', 'a metadata header'],
    ['Присутствовали: Шведов, Иванов, Петрова.', 'a header in minutes'],
    ['Итак: три вывода.', 'a discourse marker'],
    ['Note: the recorder was switched off here.', 'an English note'],
    ['See also: chapter 3.', 'an English cross-reference'],
    ['Ф.И.О.: Иванов И.И.', 'a form field'],
    ['Время 10:30, начали.', 'a colon without a following space'],
    ['Источник: http://example.org', 'a source line'],
    ['Это было так. Потом: тишина.', 'a sentence end before the colon'],
    ['Ну что, ребята: работаем?', 'a comma in the label'],
    ['потом: всё', 'a lower-case start'],
    ['«Цитата»: текст', 'a quotation mark at the start'],
    ['Директор:без пробела', 'no space after the colon'],
  ])('keeps %j as a paragraph (%s)', (line) => {
    expect(firstSegment(line)).toMatchObject({ kind: 'paragraph', speaker: null });
  });

  it('takes a lower-case parenthesis before the colon as a stage direction, not part of the name', () => {
    const line = 'Директор (показывая прошлогодний коллективный договор): — Вот что мы подписали.';
    const segment = firstSegment(line)!;
    expect(segment).toMatchObject({ kind: 'turn', speaker: 'Директор' });
    expect(segment.asides.map((a) => line.slice(a.start, a.end))).toEqual(['(показывая прошлогодний коллективный договор)']);
    expect(firstSegment('Р (смеётся): Ну, как сказать… (пауза) Всяко бывало.')!.asides).toHaveLength(2);
    expect(firstSegment('Р (смеётся): Ну.')).toMatchObject({ speaker: 'Р' });
    expect(firstSegment('Начальник цеха (обращаясь к залу): Тихо!')).toMatchObject({ speaker: 'Начальник цеха' });
    expect(firstSegment('Interviewer (pointing at the chart): And this?')).toMatchObject({ speaker: 'Interviewer' });
    // A parenthesis that names, numbers or qualifies the speaker stays in the label.
    expect(firstSegment('Участник (P3): Да.')).toMatchObject({ kind: 'turn', speaker: 'Участник (P3)', asides: [] });
    expect(firstSegment('Иванова (старшая): Да.')).toMatchObject({ kind: 'turn', speaker: 'Иванова (старшая)', asides: [] });
    expect(firstSegment('Мастер (глядя на график): Вот.')).toMatchObject({ speaker: 'Мастер' });
    expect(firstSegment('Р (улыбаясь): Ну.')).toMatchObject({ speaker: 'Р' });
    for (const label of ['Участница (первая группа)', 'Участница (вторая группа)', 'Петрова (бывшая работница)', 'Иванова (старшая дочь)', 'Worker (evening shift)', 'Smith (managing director)']) {
      expect(firstSegment(`${label}: Да.`)).toMatchObject({ kind: 'turn', speaker: label, asides: [] });
    }
    // Prose before a direction stays prose.
    expect(firstSegment('Он сказал (тихо): уходим.')).toMatchObject({ kind: 'paragraph', speaker: null });
  });

  it('exposes the label test for the importers', () => {
    expect(isSpeakerLabel('Начальник цеха')).toBe(true);
    expect(isSpeakerLabel('Он сказал так')).toBe(false);
  });
});

describe('splitSegments: dash-led dialogue', () => {
  const dialogue = [
    'Разговор в курилке, записан по памяти.',
    '— Ну что, опять зарплату задерживают?',
    '— Третий месяц.',
    '– А директор что?',
    '- Директор в Москве.',
    '— Понятно.',
  ].join('\n');

  it('marks dash-led lines as turns without guessing speakers', () => {
    expect(describeSegments(dialogue).map(([kind, speaker, timestamp]) => [kind, speaker, timestamp])).toEqual([
      ['paragraph', null, null],
      ['turn', null, null],
      ['turn', null, null],
      ['turn', null, null],
      ['turn', null, null],
      ['turn', null, null],
    ]);
  });

  it('leaves a dash-led line a paragraph where dashes are not the rule', () => {
    const text = [
      'Наблюдение в цехе №3.',
      '— Бригадир подошёл к станку.',
      'Рабочие стояли молча.',
      'Смена закончилась в шесть.',
    ].join('\n');
    expect(splitSegments(text).every((s) => s.kind === 'paragraph')).toBe(true);
  });

  it('does not take a hyphenated word for a dash', () => {
    const text = ['-то есть так', '-нет', 'абзац'].join('\n');
    expect(splitSegments(text).every((s) => s.kind === 'paragraph')).toBe(true);
  });

  it('keeps labelled turns labelled inside a dash-led document', () => {
    const text = ['— Кто там?', '— Свои.', 'Из зала: Тише!'].join('\n');
    expect(splitSegments(text).map((s) => s.speaker)).toEqual([null, null, 'Из зала']);
  });
});

describe('segmentAt', () => {
  const text = 'И: да\n\nР: нет\nконец';
  const segments = splitSegments(text);

  it('finds the segment containing an offset', () => {
    expect(segmentAt(segments, 0)).toBe(0);
    expect(segmentAt(segments, 4)).toBe(0);
    expect(segmentAt(segments, 7)).toBe(1);
    expect(segmentAt(segments, 12)).toBe(1);
    expect(segmentAt(segments, 14)).toBe(2);
    expect(segmentAt(segments, 18)).toBe(2);
  });

  it('returns -1 on line breaks, blank lines and outside the text', () => {
    expect(segmentAt(segments, 5)).toBe(-1);
    expect(segmentAt(segments, 6)).toBe(-1);
    expect(segmentAt(segments, 13)).toBe(-1);
    expect(segmentAt(segments, 19)).toBe(-1);
    expect(segmentAt(segments, -1)).toBe(-1);
    expect(segmentAt([], 0)).toBe(-1);
  });
});

describe('splitSegments: properties', () => {
  const unit = fc.constantFrom(
    'a', 'Б', 'и', ' ', ' ', '\n', '\n', '\t', ':', ': ', '.', '—', '- ', '[', ']', '0', '1', '2', ':3',
    'И: ', 'Р: ', 'Иван: ', '[00:12:31] ', '😀', '\ud83d',
  );
  const text = fc.oneof(fc.string({ unit, maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

  it('returns ordered, non-overlapping, in-bounds segments that hold no newline', () => {
    fc.assert(
      fc.property(text, (t) => {
        const segments = splitSegments(t);
        let previousEnd = -1;
        for (const s of segments) {
          expect(s.start).toBeGreaterThan(previousEnd);
          expect(s.start).toBeLessThan(s.end);
          expect(s.end).toBeLessThanOrEqual(t.length);
          expect(t.slice(s.start, s.end)).not.toContain('\n');
          if (s.kind === 'paragraph') expect(s.speaker).toBeNull();
          previousEnd = s.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('covers every non-blank line whole', () => {
    fc.assert(
      fc.property(text, (t) => {
        const covered = splitSegments(t).map((s) => t.slice(s.start, s.end));
        expect(covered).toEqual(t.split('\n').filter((line) => /\S/.test(line)));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with a linear scan in segmentAt', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: -2, max: 70 }), (t, offset) => {
        const segments = splitSegments(t);
        const expected = segments.findIndex((s) => s.start <= offset && offset < s.end);
        expect(segmentAt(segments, offset)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
