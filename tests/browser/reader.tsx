/**
 * The Reader's rows rendered for real in Chromium: the same `Row` component, the app's stylesheet,
 * i18n started, in a list of a fixed width, so selections, line wrapping and highlights behave as
 * in the app. Shared by the browser tests.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src-renderer/app/app.css';
import i18next from 'i18next';
import { initI18n } from '../../src-renderer/i18n';
import { splitSegments } from '../../src-shared/text';
import type { Code, Coding, TextSegment } from '../../src-shared/model/entities';
import { buildRows, codeStripes, coderStripes, stripeColumns } from '../../src-renderer/views/reader/model';
import type { ReaderRow, StripeGroup } from '../../src-renderer/views/reader/model';
import { Row } from '../../src-renderer/views/reader/Row';
import { RewrapContext, RewrapWatch } from '../../src-renderer/views/reader/rewrap';

// React's act() warns unless it is told this is a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** An interview with ё, emoji (astral, ZWJ sequences, flags), mathematical letters, a timestamp and a paragraph. */
export const TEXT = [
  'И: Расскажите, как вы пришли на завод?',
  'Р: Пришёл в девяносто восьмом, ещё при старом директоре. Ёлки, тогда всё было иначе 😀 — зарплату давали сахаром.',
  '[00:12:31] И: А семья? 👩‍👩‍👧',
  'Р: Жена — учительница 𝔸𝔹, тёща с нами жила. Флаг 🇷🇺 висел на проходной.',
  '',
  'Пауза. Респондент смеётся, потом долго молчит.',
].join('\n');

/** The segments as the Reader gets them from the server. */
export const segmentsOf = (text: string): TextSegment[] => splitSegments(text).map(({ start, end, kind, speaker, timestamp, asides }) => ({ start, end, kind, speaker, timestamp, asides }));

export const code = (id: string, name: string, color: string): Code => ({
  id, parentId: null, name, color, definition: '', inclusion: '', exclusion: '', example: '', order: 0, archived: false, codingCount: 0, documentCount: 0,
});

export const coding = (text: string, id: string, codeId: string, start: number, end: number): Coding => ({
  id, documentId: 'd', revisionId: 'r', codeId, start, end, quote: text.slice(start, end), contextBefore: '', contextAfter: '', coderId: 'm', createdAt: '', status: 'ok', comment: null,
});

/** [start, end) of the first occurrence of `phrase` (from `from`), failing loudly when it is absent. */
export function find(text: string, phrase: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return { start, end: start + phrase.length };
}

let i18nReady: Promise<void> | null = null;

export interface Mounted {
  /** The list element, as the Reader's `list` ref: the root for selectionOffsets, rangesFor and paint. */
  readonly list: HTMLElement;
  readonly rows: readonly ReaderRow[];
  /** The rendered row element of row `index`. */
  row(index: number): HTMLElement;
  /** The words' text node of row `index` (the one `data-offset` carrier's text). */
  words(index: number): Text;
  unmount(): Promise<void>;
}

/**
 * Renders the rows of `text` as the Reader does (without virtualisation) into a list `width` px
 * wide, `selectedId` the selected coding; with `compare`, two coders' stripes side by side.
 */
export async function mountReader(
  text: string,
  options: { codings?: readonly Coding[]; codes?: readonly Code[]; width?: number; selectedId?: string; compare?: readonly [StripeGroup['coder'], StripeGroup['coder']] } = {},
): Promise<Mounted> {
  i18nReady ??= initI18n('ru');
  await i18nReady;
  const codings = options.codings ?? [];
  const codes = new Map((options.codes ?? []).map((c) => [c.id, c]));
  const rows = buildRows(text, segmentsOf(text), codings);
  const stripes = options.compare
    ? coderStripes(text, codings, [...codes.keys()], options.compare[0], options.compare[1])
    : codeStripes(stripeColumns(codings, [...codes.keys()]));

  const host = document.createElement('div');
  host.style.width = `${options.width ?? 720}px`;
  document.body.append(host);
  const root = createRoot(host);
  const watch = new RewrapWatch();
  await act(async () => {
    root.render(
      <div role="list" aria-label="text">
        <RewrapContext value={watch}>
          {rows.map((row) => (
            <Row key={row.index} row={row} text={text} stripes={stripes} codes={codes} t={i18next.t} focused={row.index === 0} selectedId={options.selectedId ?? null} measure={() => {}} onSelectCoding={() => {}} />
          ))}
        </RewrapContext>
      </div>,
    );
  });
  const list = host.querySelector<HTMLElement>('[role="list"]')!;
  const row = (index: number): HTMLElement => {
    const element = list.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!element) throw new Error(`row ${index} is not rendered`);
    return element;
  };
  return {
    list,
    rows,
    row,
    words: (index) => {
      const carrier = row(index).querySelector(`[data-offset="${rows[index]!.bodyStart}"]`);
      const node = carrier?.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) throw new Error(`row ${index} has no text run at its body offset`);
      return node as Text;
    },
    unmount: async () => {
      await act(async () => root.unmount());
      watch.dispose();
      host.remove();
    },
  };
}

/** Replaces the document selection with one from (anchor) to (focus), which may run backwards. */
export function select(anchor: Node, anchorOffset: number, focus: Node, focusOffset: number): Selection {
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.setBaseAndExtent(anchor, anchorOffset, focus, focusOffset);
  return selection;
}

/** Replaces the document selection with `range`. */
export function selectRange(range: Range): Selection {
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}
