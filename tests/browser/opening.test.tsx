import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import '@mantine/core/styles.css';
import { useBridge } from '../../src-renderer/api/client';
import { OPENING } from '../../src-renderer/api/useDocument';
import { useData } from '../../src-renderer/stores/data';
import { useReader } from '../../src-renderer/views/reader/store';
import { Reader } from '../../src-renderer/views/reader/Reader';
import { Inspector } from '../../src-renderer/views/project/Inspector';
import { useUi } from '../../src-renderer/stores/ui';
import { initI18n } from '../../src-renderer/i18n';
import type { QuireBridge } from '../../src-shared/contract';
import type { DocumentCoding, DocumentDetail } from '../../src-shared/model/entities';
import { code, segmentsOf, select } from './reader';

/**
 * A long transcript opened in the real Reader: its opening part is shown first, with a list as
 * long as the whole document; when the whole arrives it takes the part's place without moving
 * what is on screen or losing the reader's selection, selected coding or scroll position.
 */
const ID = '0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f61';
const TEXT = Array.from({ length: 600 }, (_, i) =>
  i % 2 === 0 ? `И: Вопрос номер ${i}, про работу в цеху?` : `Р: Ответ номер ${i}. Мастер распределял наряды сам, кому выгодные, кому копеечные, и спорить с ним никто не решался, потому что себе дороже.`,
).join('\n');
const SEGMENTS = segmentsOf(TEXT);
const POWER = code('0193a9e4-7c1a-7000-8f3e-3b1d2c4e5f62', 'Власть мастера', '#1971c2');
/** A coding on every answer's "Мастер распределял наряды сам". */
const CODINGS: DocumentCoding[] = SEGMENTS.filter((s) => s.speaker === 'Р').map((s, i) => {
  const start = TEXT.indexOf('Мастер', s.start);
  return { id: `c${i}`, documentId: ID, revisionId: 'r', codeId: POWER.id, start, end: start + 'Мастер распределял наряды сам'.length, coderId: 'm', createdAt: '', status: 'ok', comment: null };
});

const WHOLE: DocumentDetail = {
  id: ID, kind: 'interview', title: 'Длинное интервью', language: 'ru', date: null, interviewerIds: [], sourceFileName: null, currentRevisionId: 'r', revisionNumber: 1,
  length: TEXT.length, caseIds: [], codingCount: CODINGS.length, needsReviewCount: 0, createdAt: '', text: TEXT, segments: SEGMENTS, codings: CODINGS, speakers: [], attributes: {},
};

/** The opening part as the core answers it: whole segments up to OPENING characters. */
function openingPart(): DocumentDetail {
  const segments = SEGMENTS.filter((s) => s.start < OPENING);
  const end = segments.at(-1)!.end;
  return { ...WHOLE, text: TEXT.slice(0, end), segments, codings: CODINGS.filter((c) => c.start < end), opening: { end, segmentCount: SEGMENTS.length } };
}

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  host?.remove();
  root = null;
  useReader.setState({ selectedCodingId: null, pending: null });
  useUi.getState().reset();
});

const frames = (n = 2) => new Promise<void>((resolve) => {
  const step = (left: number): void => void (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
  step(n);
});

/** What the fake core answers to the Reader's other questions: nothing unread, empty lists. */
const idle = (method: string) => ({ ok: true as const, result: method === 'circulation.unread' ? { team: null, documents: 0, codings: 0, byDocument: [], byCode: [], items: [] } : [] });

describe('opening a long document', () => {
  it('shows the opening part first, then swaps in the whole without moving the view or losing the selection', async () => {
    await initI18n('ru');
    let releaseWhole: () => void = () => {};
    const asked: unknown[] = [];
    const bridge: QuireBridge = {
      call: (method, input) => {
        asked.push(input);
        if (method !== 'documents.get') return Promise.resolve(idle(method));
        if ((input as { opening?: number }).opening !== undefined) return Promise.resolve({ ok: true, result: openingPart() });
        return new Promise((resolve) => (releaseWhole = () => resolve({ ok: true, result: WHOLE })));
      },
      on: () => () => {},
    };
    useBridge(bridge);
    useData.setState({ codes: [POWER], members: [], version: 1 });

    host = document.createElement('div');
    host.style.cssText = 'width: 900px; height: 600px; display: flex; flex-direction: column;';
    document.body.append(host);
    root = createRoot(host);
    await act(async () => root!.render(<MantineProvider><Reader id={ID} /></MantineProvider>));

    const list = await expect.poll(() => host!.querySelector<HTMLElement>('[role="list"]')).toBeTruthy().then(() => host!.querySelector<HTMLElement>('[role="list"]')!);
    const scroller = list.parentElement!;
    // Only the opening part was asked for at first; the whole once it was shown.
    expect(asked[0]).toEqual({ id: ID, opening: OPENING });
    await expect.poll(() => asked.some((a) => (a as { opening?: number }).opening === undefined && (a as { id?: string }).id === ID)).toBe(true);
    const part = openingPart();
    // The list is as long as the whole document already (placeholders for what is to come).
    expect(list.getBoundingClientRect().height).toBeGreaterThan(20 * scroller.clientHeight);
    // Editing the text waits for the whole of it.
    expect(editButton().disabled).toBe(true);

    // The reader scrolls a little, selects a coding and some words.
    scroller.scrollTop = 900;
    await act(async () => frames(3));
    const rowIndex = Number([...list.querySelectorAll('[data-offset]')].at(2)!.closest('[data-index]')!.getAttribute('data-index'));
    const words = list.querySelector(`[data-index="${rowIndex}"] [data-offset]`)!.firstChild as Text;
    const rowTop = (): number => list.querySelector(`[data-index="${rowIndex}"]`)!.getBoundingClientRect().top;
    const topBefore = rowTop();
    const coding = CODINGS.find((c) => c.start >= Number(words.parentElement!.getAttribute('data-offset')))!;
    await act(async () => useReader.getState().selectCoding(coding.id));
    select(words, 3, words, 20);
    const selected = window.getSelection()!.toString();
    const heightBefore = list.getBoundingClientRect().height;
    // (Rows measured as they came into view may have corrected it a little from 900.)
    const scrolledBefore = scroller.scrollTop;
    expect(part.opening!.end).toBeLessThan(TEXT.length);

    await act(async () => {
      releaseWhole();
      await frames(3);
    });
    // The whole is in: the header counts its turns, text editing is possible.
    await expect.poll(() => editButton().disabled).toBe(false);
    expect(scroller.scrollTop).toBe(scrolledBefore);
    expect(Math.abs(rowTop() - topBefore)).toBeLessThanOrEqual(1);
    // The very text node the selection is in stayed: the selection is intact.
    expect(words.isConnected).toBe(true);
    expect(window.getSelection()!.anchorNode).toBe(words);
    expect(window.getSelection()!.toString()).toBe(selected);
    expect(useReader.getState().selectedCodingId).toBe(coding.id);
    expect(Math.abs(list.getBoundingClientRect().height - heightBefore) / heightBefore).toBeLessThan(0.2);

    // The rows past the opening part are real now.
    scroller.scrollTop = scroller.scrollHeight;
    await act(async () => frames(3));
    expect(list.querySelectorAll('[aria-busy="true"]')).toHaveLength(0);
    expect(list.querySelector('[data-offset]')!.textContent).not.toBe('');
  });
});

describe('the first screen of a newly opened document', () => {
  it('asks for the opening part as the tab opens, and fills in the details once the text is on screen', async () => {
    await initI18n('ru');
    let releaseOpening: () => void = () => {};
    const asked: { method: string; input: unknown }[] = [];
    useBridge({
      call: (method, input) => {
        asked.push({ method, input });
        if (method !== 'documents.get') return Promise.resolve(idle(method));
        if ((input as { opening?: number }).opening !== undefined) return new Promise((resolve) => (releaseOpening = () => resolve({ ok: true, result: openingPart() })));
        return new Promise(() => {}); // the whole: not needed here
      },
      on: () => () => {},
    });
    const { text, segments, codings, speakers, attributes, ...summary } = WHOLE;
    void [text, segments, codings, speakers, attributes];
    // A later project version than the test above, so nothing is answered from its answers.
    useData.setState({ codes: [POWER], members: [], documents: [summary], cases: [], caseTypes: [], attributes: [], version: 2 });

    // Opening the tab asks at once, before anything renders.
    useUi.getState().open({ kind: 'document', id: ID });
    expect(asked).toEqual([{ method: 'documents.get', input: { id: ID, opening: OPENING } }]);

    host = document.createElement('div');
    host.style.cssText = 'width: 1200px; height: 600px; display: flex;';
    document.body.append(host);
    root = createRoot(host);
    const app = (
      <MantineProvider>
        <div style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>
          <Reader id={ID} />
        </div>
        <div style={{ width: 300 }}>
          <Inspector />
        </div>
      </MantineProvider>
    );
    await act(async () => root!.render(app));
    await act(async () => frames(3));
    // The Reader's own ask is the same question: answered once.
    expect(asked.filter((a) => a.method === 'documents.get')).toHaveLength(1);
    // No details while the text has not arrived.
    expect(host.querySelector('form[aria-labelledby="doc-meta-title"]')).toBeNull();

    await act(async () => {
      releaseOpening();
      await frames(1);
    });
    await expect.poll(() => host!.querySelector('[role="list"] [role="listitem"] button')).toBeTruthy();
    // The details follow the painted text.
    await expect.poll(() => host!.querySelector<HTMLInputElement>('form[aria-labelledby="doc-meta-title"] input')?.value).toBe(WHOLE.title);
  });
});

const editButton = (): HTMLButtonElement => [...host!.querySelectorAll('button')].find((b) => b.textContent === 'Править текст')!;
