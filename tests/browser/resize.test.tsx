import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { i18next } from '../../src-renderer/i18n';
import { useBridge } from '../../src-renderer/api/client';
import { useResizePreview } from '../../src-renderer/views/reader/store';
import type { QuireBridge } from '../../src-shared/contract';
import { code, coding, find, mountReader } from './reader';
import type { Mounted } from './reader';

/**
 * Resizing a coding by dragging the grips at the ends of its stripe, in Chromium with the real
 * Row: the dragged end lands on the word under the pointer (the exact character with Alt), the
 * drag is previewed, a release makes one `codings.resize` call, Escape makes none.
 */
const LONG = [
  'Р: Мастер распределял работу сам, по своему разумению, и никто с ним не спорил, потому что спорить было себе дороже.',
  'Кто ему нравился, тот получал выгодные наряды, а остальным доставалась всякая мелочь, за которую платили копейки.',
  'Мы между собой это называли калымом, хотя слово, конечно, не совсем то, но все понимали, о чём речь.',
].join(' ');
const TEXT = `И: Как распределяли работу?\n${LONG}\nИ: Понятно.`;
const POWER = code('power', 'Власть мастера', '#1971c2');
const ROW = 1;

let reader: Mounted | null = null;
let calls: { method: string; input: unknown }[] = [];

beforeEach(() => {
  calls = [];
  const bridge: QuireBridge = {
    call: (method, input) => {
      calls.push({ method, input });
      return Promise.resolve({ ok: true, result: null });
    },
    on: () => () => {},
  };
  useBridge(bridge);
});

afterEach(async () => {
  await reader?.unmount();
  reader = null;
  useResizePreview.getState().set(null);
});

const phrase = find(TEXT, 'никто с ним не спорил');
const coded = coding(TEXT, 'c1', 'power', phrase.start, phrase.end);

async function mount(selected: boolean): Promise<Mounted> {
  reader = await mountReader(TEXT, { codings: [coded], codes: [POWER], width: 520, ...(selected ? { selectedId: coded.id } : {}) });
  return reader;
}

const grip = (side: 'dragStart' | 'dragEnd') => page.getByRole('button', { name: i18next.t(`reader.${side}`, { code: POWER.name }), exact: true });

/** The screen point just inside the left edge of the character at `offset` in row ROW. */
function pointAt(mounted: Mounted, offset: number): { x: number; y: number } {
  const text = mounted.words(ROW);
  const base = mounted.rows[ROW]!.bodyStart;
  const range = document.createRange();
  range.setStart(text, offset - base);
  range.setEnd(text, offset - base + 1);
  const rect = range.getClientRects()[0]!;
  return { x: rect.left + 1, y: rect.top + rect.height / 2 };
}

function pointer(target: Element, type: string, at: { x: number; y: number }, init: PointerEventInit = {}): void {
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: at.x, clientY: at.y, ...init }));
}

/** Presses on a grip, moves to `to` and leaves the pointer there (not released). */
function dragTo(handle: Element, to: { x: number; y: number }, init: PointerEventInit = {}): void {
  const box = handle.getBoundingClientRect();
  const from = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  pointer(handle, 'pointerdown', from, init);
  pointer(handle, 'pointermove', { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 }, init);
  pointer(handle, 'pointermove', to, init);
}

const resizes = () => calls.filter((c) => c.method === 'codings.resize').map((c) => c.input);

describe('dragging the ends of a coding’s stripe', () => {
  it('shows named grips at both ends of the selected coding’s stripe only', async () => {
    await mount(false);
    expect(reader!.list.querySelectorAll('.stripe-handle')).toHaveLength(0);
    await reader!.unmount();
    await mount(true);
    await expect.element(grip('dragStart')).toBeInTheDocument();
    await expect.element(grip('dragEnd')).toBeInTheDocument();
    const stripe = reader!.row(ROW).querySelector('.stripe')!.getBoundingClientRect();
    const start = grip('dragStart').element().getBoundingClientRect();
    const end = grip('dragEnd').element().getBoundingClientRect();
    expect(Math.abs(start.top + start.height / 2 - stripe.top)).toBeLessThanOrEqual(2);
    expect(Math.abs(end.top + end.height / 2 - stripe.bottom)).toBeLessThanOrEqual(2);
  });

  it('moves the end to the end of the word under the pointer, previewed, in one call on release', async () => {
    const mounted = await mount(true);
    const handle = grip('dragEnd').element();
    const word = find(TEXT, 'потому');
    const to = pointAt(mounted, word.start + 3);
    dragTo(handle, to);
    // While dragging: the new extent is the preview, the grip follows the pointer, nothing is saved.
    expect(useResizePreview.getState().resizing).toEqual({ codingId: coded.id, start: coded.start, end: word.end });
    await expect.poll(() => (handle as HTMLElement).style.transform).toMatch(/^translateY\(/);
    expect(resizes()).toEqual([]);
    pointer(handle, 'pointerup', to);
    expect(resizes()).toEqual([{ id: coded.id, start: coded.start, end: word.end }]);
    expect(useResizePreview.getState().resizing).toBeNull();
  });

  it('keeps the exact character with Alt held', async () => {
    const mounted = await mount(true);
    const handle = grip('dragEnd').element();
    const word = find(TEXT, 'потому');
    const to = pointAt(mounted, word.start + 3);
    dragTo(handle, to, { altKey: true });
    pointer(handle, 'pointerup', to, { altKey: true });
    expect(resizes()).toEqual([{ id: coded.id, start: coded.start, end: word.start + 3 }]);
  });

  it('moves the start to the start of a line when dropped in the margin beside it', async () => {
    const mounted = await mount(true);
    const handle = grip('dragStart').element();
    const word = find(TEXT, 'Мастер');
    const beside = pointAt(mounted, word.start + 2);
    dragTo(handle, { x: mounted.row(ROW).getBoundingClientRect().left + 2, y: beside.y });
    pointer(handle, 'pointerup', beside);
    expect(resizes()).toEqual([{ id: coded.id, start: word.start, end: coded.end }]);
  });

  it('cancels on Escape: no change and no preview left', async () => {
    const mounted = await mount(true);
    const handle = grip('dragEnd').element();
    const to = pointAt(mounted, find(TEXT, 'потому').start);
    dragTo(handle, to);
    expect(useResizePreview.getState().resizing).not.toBeNull();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    handle.dispatchEvent(escape);
    expect(escape.defaultPrevented).toBe(true);
    expect(useResizePreview.getState().resizing).toBeNull();
    await expect.poll(() => (handle as HTMLElement).style.transform).toBe('');
    pointer(handle, 'pointerup', to);
    expect(resizes()).toEqual([]);
  });
});
