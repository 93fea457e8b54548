import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { i18next } from '../../src-renderer/i18n';
import type { Coding } from '../../src-shared/model/entities';
import { code, coding, find, mountReader } from './reader';
import type { Mounted } from './reader';

/**
 * The coding stripes beside a row, rendered by the real Row in Chromium at a fixed width: one
 * button per coding, named for screen readers, in its code's column, as tall as the lines it codes.
 */
const LONG = [
  'Р: Мастер распределял работу сам, по своему разумению, и никто с ним не спорил, потому что спорить было себе дороже.',
  'Кто ему нравился, тот получал выгодные наряды, а остальным доставалась всякая мелочь, за которую платили копейки.',
  'Мы между собой это называли калымом, хотя слово, конечно, не совсем то, но все понимали, о чём речь.',
  'Потом пришёл новый начальник цеха, и всё как будто поменялось, но на самом деле осталось по-старому.',
].join(' ');
const TEXT = `И: Как распределяли работу?\n${LONG}\nИ: Понятно.`;

const CODES = [code('pay', 'Оплата труда', '#e03131'), code('power', 'Власть мастера', '#1971c2'), code('talk', 'Язык цеха', '#2f9e44')];
const COLUMN_WIDTH = 6;
/** Layout tolerance in CSS px: sub-pixel line metrics and rounding. */
const TOLERANCE = 2;

let reader: Mounted | null = null;
afterEach(async () => {
  await reader?.unmount();
  reader = null;
});

/** Line boxes of the coded text in row `index`, measured independently of Row: [top, bottom] per line. */
function linesOf(mounted: Mounted, index: number, c: Coding): { top: number; bottom: number }[] {
  const text = mounted.words(index);
  const base = mounted.rows[index]!.bodyStart;
  const range = document.createRange();
  range.setStart(text, Math.max(0, c.start - base));
  range.setEnd(text, Math.min(text.length, c.end - base));
  const lines = new Map<number, { top: number; bottom: number }>();
  for (const rect of range.getClientRects()) {
    if (rect.width === 0) continue;
    const key = Math.round(rect.top);
    const line = lines.get(key);
    lines.set(key, { top: Math.min(line?.top ?? rect.top, rect.top), bottom: Math.max(line?.bottom ?? rect.bottom, rect.bottom) });
  }
  return [...lines.values()].sort((a, b) => a.top - b.top);
}

/** All line boxes of the words of row `index`. */
function allLines(mounted: Mounted, index: number): { top: number; bottom: number }[] {
  const row = mounted.rows[index]!;
  return linesOf(mounted, index, coding(TEXT, 'all', 'x', row.bodyStart, row.segment.end));
}

const label = (c: Coding): string => i18next.t('reader.stripe', { code: CODES.find((k) => k.id === c.codeId)!.name, quote: c.quote.slice(0, 80) });

describe('the coding stripes of a row', () => {
  const rowIndex = 1;
  const over = (id: string, codeId: string, phrase: string): Coding => {
    const { start, end } = find(TEXT, phrase);
    return coding(TEXT, id, codeId, start, end);
  };
  const firstLine = over('first', 'power', 'Мастер распределял');
  const lastLine = over('last', 'talk', 'осталось по-старому.');
  const middle = over('middle', 'pay', 'Кто ему нравился, тот получал выгодные наряды, а остальным доставалась всякая мелочь, за которую платили копейки.');
  const sameCode = over('same', 'power', 'никто с ним не спорил');

  async function mount(width = 520): Promise<Mounted> {
    reader = await mountReader(TEXT, { codings: [firstLine, lastLine, middle, sameCode], codes: CODES, width });
    return reader;
  }

  it('wraps the long turn over several lines at the fixed width', async () => {
    const mounted = await mount();
    expect(allLines(mounted, rowIndex).length).toBeGreaterThanOrEqual(6);
    expect(linesOf(mounted, rowIndex, firstLine)).toHaveLength(1);
    expect(linesOf(mounted, rowIndex, lastLine)).toHaveLength(1);
    expect(linesOf(mounted, rowIndex, lastLine)[0]!.top).toBeCloseTo(allLines(mounted, rowIndex).at(-1)!.top, 0);
    expect(linesOf(mounted, rowIndex, middle).length).toBeGreaterThanOrEqual(2);
  });

  it('gives each coding a button named for its code and quote, and none to rows without codings', async () => {
    const mounted = await mount();
    for (const c of [firstLine, lastLine, middle, sameCode]) {
      await expect.element(page.getByRole('button', { name: label(c), exact: true })).toBeInTheDocument();
    }
    expect(label(firstLine)).toBe('Власть мастера: «Мастер распределял»');
    const buttons = mounted.row(rowIndex).querySelectorAll('button');
    expect(buttons).toHaveLength(4);
    expect(mounted.row(0).querySelectorAll('button')).toHaveLength(0);
    expect(mounted.row(2).querySelectorAll('button')).toHaveLength(0);
  });

  it('puts each stripe in its code’s column, left of the words', async () => {
    const mounted = await mount();
    const left = (c: Coding): number => page.getByRole('button', { name: label(c), exact: true }).element().getBoundingClientRect().left;
    // Columns follow the codebook order: pay, power, talk.
    expect(left(firstLine) - left(middle)).toBeCloseTo(COLUMN_WIDTH, 0);
    expect(left(lastLine) - left(middle)).toBeCloseTo(2 * COLUMN_WIDTH, 0);
    expect(left(sameCode)).toBeCloseTo(left(firstLine), 0);
    const wordsLeft = mounted.words(rowIndex).parentElement!.getBoundingClientRect().left;
    for (const c of [firstLine, lastLine, middle]) expect(left(c)).toBeLessThan(wordsLeft);
  });

  const stripeOf = (c: Coding): DOMRect => page.getByRole('button', { name: label(c), exact: true }).element().getBoundingClientRect();
  const all = [firstLine, lastLine, middle, sameCode];

  it('is as tall as the lines its coding covers', async () => {
    const mounted = await mount();
    for (const c of all) {
      const lines = linesOf(mounted, rowIndex, c);
      await expect.poll(() => stripeOf(c).height, { timeout: 2000 }).toBeGreaterThan(0);
      expect.soft(Math.abs(stripeOf(c).height - (lines.at(-1)!.bottom - lines[0]!.top)), `height of “${c.quote}”`).toBeLessThanOrEqual(TOLERANCE);
    }
    // The first-line stripe is one line tall, the middle one several.
    expect(stripeOf(middle).height).toBeGreaterThan(1.5 * stripeOf(firstLine).height);
  });

  it('places the stripes one below the other as their codings’ lines are', async () => {
    const mounted = await mount();
    const textTop = (c: Coding): number => linesOf(mounted, rowIndex, c)[0]!.top;
    for (const c of all) {
      expect.soft(Math.abs(stripeOf(c).top - stripeOf(firstLine).top - (textTop(c) - textTop(firstLine))), `top of “${c.quote}”`).toBeLessThanOrEqual(TOLERANCE);
    }
    expect(stripeOf(lastLine).top - stripeOf(firstLine).top).toBeGreaterThan(4 * stripeOf(firstLine).height);
  });

  // Stripes are positioned inside `.stripes`, which starts at the row's content box, below its padding.
  it('starts level with the first line it codes and ends with the last', async () => {
    const mounted = await mount();
    for (const c of all) {
      const lines = linesOf(mounted, rowIndex, c);
      expect(Math.abs(stripeOf(c).top - lines[0]!.top), `top of “${c.quote}”: stripe ${stripeOf(c).top}, text ${lines[0]!.top}`).toBeLessThanOrEqual(1.5);
      expect(Math.abs(stripeOf(c).bottom - lines.at(-1)!.bottom), `bottom of “${c.quote}”`).toBeLessThanOrEqual(1.5);
    }
  });

  // A pane or window resize rewraps the words without changing the codings.
  it('follows the text when the row rewraps at another width', async () => {
    const mounted = await mount(520);
    mounted.list.parentElement!.style.width = '380px';
    const textTop = (c: Coding): number => linesOf(mounted, rowIndex, c)[0]!.top;
    const textHeight = (c: Coding): number => {
      const lines = linesOf(mounted, rowIndex, c);
      return lines.at(-1)!.bottom - lines[0]!.top;
    };
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await expect
      .poll(() => Math.abs(stripeOf(lastLine).top - stripeOf(firstLine).top - (textTop(lastLine) - textTop(firstLine))), { timeout: 1000 })
      .toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(stripeOf(middle).height - textHeight(middle))).toBeLessThanOrEqual(TOLERANCE);
  });
});
