import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { i18next } from '../../src-renderer/i18n';
import type { Coding } from '../../src-shared/model/entities';
import { code, coding, find, mountReader } from './reader';
import type { Mounted } from './reader';

/**
 * Two coders compared side by side in the Reader: the real Row in Chromium draws coder A's stripes
 * in one group of columns and coder B's in another, the same code at the same place in each, with
 * what differs marked and named for screen readers.
 */
const TEXT = [
  'И: Как распределяли работу?',
  'Р: Мастер распределял сам, по своему разумению. Кто ему нравился, тот получал выгодные наряды, а остальным доставалась мелочь, за которую платили копейки. Директор был как отец родной: квартиры давал, путёвки в Ялту, ёлку для детей на Новый год.',
  'И: Понятно.',
].join('\n');

const CODES = [code('pay', 'Оплата труда', '#e03131'), code('power', 'Власть мастера', '#1971c2'), code('pat', 'Патернализм', '#2f9e44')];
const ANNA = { id: 'anna', name: 'Анна Руденко', initials: 'АР', color: '#7048e8' };
const BORIS = { id: 'boris', name: 'Борис Ельцов', initials: 'БЕ', color: '#f08c00' };
const COLUMN = 6;
const ROW = 1;

const by = (coderId: string, id: string, codeId: string, phrase: string): Coding => {
  const { start, end } = find(TEXT, phrase);
  return { ...coding(TEXT, id, codeId, start, end), coderId };
};
const agreeA = by(ANNA.id, 'agree-a', 'power', 'Мастер распределял сам');
const agreeB = by(BORIS.id, 'agree-b', 'power', 'Мастер распределял сам');
const onlyA = by(ANNA.id, 'only-a', 'pay', 'платили копейки');
const codesA = by(ANNA.id, 'codes-a', 'pat', 'Директор был как отец родной');
const codesB = by(BORIS.id, 'codes-b', 'power', 'Директор был как отец родной');
const shortA = by(ANNA.id, 'short-a', 'pat', 'квартиры давал');
const longB = by(BORIS.id, 'long-b', 'pat', 'квартиры давал, путёвки в Ялту, ёлку для детей на Новый год.');
const ALL = [agreeA, agreeB, onlyA, codesA, codesB, shortA, longB];

let reader: Mounted | null = null;
afterEach(async () => {
  await reader?.unmount();
  reader = null;
});

const mount = async (): Promise<Mounted> => (reader = await mountReader(TEXT, { codings: ALL, codes: CODES, width: 560, compare: [ANNA, BORIS] }));

/** The stripe's accessible name, as a screen reader announces it. */
function nameOf(c: Coding, how: string): string {
  const coder = c.coderId === ANNA.id ? ANNA : BORIS;
  const stripe = i18next.t('reader.stripe', { code: CODES.find((k) => k.id === c.codeId)!.name, quote: c.quote });
  return i18next.t('reader.compare.stripe', { coder: coder.name, stripe, how: i18next.t(how) });
}
const stripe = (c: Coding, how: string) => page.getByRole('button', { name: nameOf(c, how), exact: true });
const box = (c: Coding, how: string): DOMRect => stripe(c, how).element().getBoundingClientRect();

describe('comparing two coders in the Reader', () => {
  it('names every stripe with its coder and whether the other coder agrees', async () => {
    await mount();
    await expect.element(stripe(agreeA, 'reader.compare.agrees')).toBeInTheDocument();
    await expect.element(stripe(agreeB, 'reader.compare.agrees')).toBeInTheDocument();
    await expect.element(stripe(onlyA, 'reader.compare.kinds.only-a')).toBeInTheDocument();
    await expect.element(stripe(codesA, 'reader.compare.kinds.codes')).toBeInTheDocument();
    await expect.element(stripe(codesB, 'reader.compare.kinds.codes')).toBeInTheDocument();
    await expect.element(stripe(shortA, 'reader.compare.kinds.boundaries')).toBeInTheDocument();
    await expect.element(stripe(longB, 'reader.compare.kinds.boundaries')).toBeInTheDocument();
    expect(nameOf(onlyA, 'reader.compare.kinds.only-a')).toBe('Анна Руденко, Оплата труда: «платили копейки» — закодировал только кодировщик A');
  });

  it('draws A’s stripes in the left group and B’s in the right, the same code at the same place in each', async () => {
    await mount();
    // Three codes: three columns per coder and one between.
    const shift = (3 + 1) * COLUMN;
    expect(box(agreeB, 'reader.compare.agrees').left - box(agreeA, 'reader.compare.agrees').left).toBeCloseTo(shift, 0);
    expect(box(longB, 'reader.compare.kinds.boundaries').left - box(shortA, 'reader.compare.kinds.boundaries').left).toBeCloseTo(shift, 0);
    // Columns follow the codebook inside each group: pay, power, pat.
    expect(box(agreeA, 'reader.compare.agrees').left - box(onlyA, 'reader.compare.kinds.only-a').left).toBeCloseTo(COLUMN, 0);
    expect(box(codesA, 'reader.compare.kinds.codes').left - box(onlyA, 'reader.compare.kinds.only-a').left).toBeCloseTo(2 * COLUMN, 0);
    // Different codes on the same words: level with each other, in different columns of their groups.
    expect(box(codesB, 'reader.compare.kinds.codes').top).toBeCloseTo(box(codesA, 'reader.compare.kinds.codes').top, 0);
    expect(box(codesB, 'reader.compare.kinds.codes').left - box(codesA, 'reader.compare.kinds.codes').left).toBeCloseTo(shift - COLUMN, 0);
  });

  it('shows different boundaries as stripes of different lengths starting level', async () => {
    await mount();
    const short = box(shortA, 'reader.compare.kinds.boundaries');
    const long = box(longB, 'reader.compare.kinds.boundaries');
    expect(Math.abs(short.top - long.top)).toBeLessThanOrEqual(1.5);
    expect(long.height).toBeGreaterThan(short.height + 10);
  });

  it('marks what differs and lets what agrees recede, under a band in each coder’s colour', async () => {
    const mounted = await mount();
    expect(stripe(onlyA, 'reader.compare.kinds.only-a').element().classList.contains('differs')).toBe(true);
    expect(stripe(agreeA, 'reader.compare.agrees').element().classList.contains('agrees')).toBe(true);
    expect(getComputedStyle(stripe(agreeA, 'reader.compare.agrees').element()).opacity).toBe('0.45');
    const bands = [...mounted.row(ROW).querySelectorAll<HTMLElement>('.stripe-band')];
    expect(bands.map((b) => b.title)).toEqual([ANNA.name, BORIS.name]);
    expect(getComputedStyle(bands[0]!).borderTopColor).toBe('rgb(112, 72, 232)');
    const left = (el: Element) => el.getBoundingClientRect().left;
    expect(left(bands[1]!)).toBeGreaterThan(left(stripe(codesA, 'reader.compare.kinds.codes').element()));
    expect(left(bands[1]!)).toBeLessThanOrEqual(left(stripe(agreeB, 'reader.compare.agrees').element()));
  });
});
