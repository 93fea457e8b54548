import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DragEvent, FocusEvent, KeyboardEvent, MouseEvent, RefObject } from 'react';
import { Alert, Badge, Button, Group, Loader, Text, TextInput, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatFuzzyDate } from '../../../src-shared/model/dates';
import { foldForSearch, snapToWordBoundaries } from '../../../src-shared/text';
import type { Code, DocumentDetail } from '../../../src-shared/model/entities';
import { isWhole, useDocument } from '../../api/useDocument';
import { useData } from '../../stores/data';
import { useSession } from '../../stores/session';
import { buildRows, codeStripes, coderStripes, rowAt, stripeColumns, visibleCodings } from './model';
import { CoderFilter, CompareLegend } from './CoderFilter';
import { CODE_DRAG_TYPE } from '../../app/drag';
import { useJump } from './jump';
import type { ReaderRow, StripeLayout } from './model';
import { selectionOffsets } from './dom';
import { HighlightPainter } from './highlights';
import { useReader, useResizePreview } from './store';
import { CodePicker } from './CodePicker';
import type { PickerChoice } from './CodePicker';
import { codePassage, recode, removeCoding } from './actions';
import { Row } from './Row';
import { RewrapContext, useRewrapWatch } from './rewrap';
import { EditText } from './EditText';
import { usePseudonymizer } from '../pseudonyms/overlay';
import { PseudonymPreview } from '../pseudonyms/PseudonymPreview';
import { TextPseudonymSwitch } from '../pseudonyms/PseudonymSwitch';
import { ReviewList } from './ReviewList';
import { useMarkDocumentRead } from '../circulation/unread';
import { showSpeakers } from '../documents/SpeakerPanel';

/** Matches of a search in the text, ё/е and case folded (the fold keeps offsets). */
function findAll(text: string, query: string): { start: number; end: number }[] {
  const needle = foldForSearch(query.trim());
  if (needle.length < 2) return [];
  const haystack = foldForSearch(text);
  const hits: { start: number; end: number }[] = [];
  for (let at = haystack.indexOf(needle); at >= 0 && hits.length < 5000; at = haystack.indexOf(needle, at + needle.length)) {
    hits.push({ start: at, end: at + needle.length });
  }
  return hits;
}

interface TurnsProps {
  readonly detail: DocumentDetail;
  /** The list's accessible name. */
  readonly label: string;
  /** The translator, handed to the rows (one subscription here rather than one per row). */
  readonly t: TFunction;
  readonly rows: readonly ReaderRow[];
  readonly columns: ReadonlyMap<string, number>;
  readonly stripes: StripeLayout;
  readonly codes: ReadonlyMap<string, Code>;
  readonly focusedRow: number;
  readonly selectedCodingId: string | null;
  readonly hits: readonly { start: number; end: number }[];
  /** The list element, for selections and focus. */
  readonly list: RefObject<HTMLDivElement | null>;
  /** Filled with the virtualiser, for Body to scroll to a row. */
  readonly control: RefObject<Virtualizer<HTMLDivElement, Element> | null>;
  readonly onSelectCoding: (id: string) => void;
  readonly onMouseUp: (event: MouseEvent) => void;
  readonly onFocus: (event: FocusEvent) => void;
  readonly onDrop: (event: DragEvent) => void;
}

/**
 * The virtualised turns and their highlights. Scrolling re-renders this (the virtualiser's
 * host) and the rows that mount, not the toolbar and code picker around it.
 */
function Turns({ detail, label, t, rows, columns, stripes, codes, focusedRow, selectedCodingId, hits, list, control, onSelectCoding, onMouseUp, onFocus, onDrop }: TurnsProps) {
  const scroller = useRef<HTMLDivElement | null>(null);
  // While only the opening part is here, the list is as long as the whole document (its rows to
  // come are placeholders of the average length of the rest), so the scrollbar is right at once.
  const count = detail.opening?.segmentCount ?? rows.length;
  const restLength = count > rows.length ? (detail.length - (rows.at(-1)?.segment.end ?? 0)) / (count - rows.length) : 0;
  // A close first guess of each row's height (about 95 characters a line at the reading width)
  // keeps measured heights from shifting the list while scrolling.
  const estimateSize = useCallback((i: number) => {
    const segment = rows[i]?.segment;
    return 8 + 22 * Math.max(1, Math.ceil((segment ? segment.end - segment.start : restLength) / 95));
  }, [rows, restLength]);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize, overscan: 4 });
  useLayoutEffect(() => {
    control.current = virtualizer;
    return () => void (control.current = null);
  }, [control, virtualizer]);
  const items = virtualizer.getVirtualItems();
  // The rows in view, without those rendered ahead (the virtualiser re-renders when these change).
  const firstVisible = virtualizer.range?.startIndex ?? 0;
  const lastVisible = virtualizer.range?.endIndex ?? -1;

  // Highlights for the rows in view: ranges are added for rows that come into view and dropped
  // for rows that leave; everything is repainted only when the codings, selection or hits change.
  const painter = useMemo(() => new HighlightPainter(), []);
  const rewrapWatch = useRewrapWatch();
  useEffect(() => () => painter.dispose(), [painter]);
  const codingsOf = useCallback((index: number) => rows[index]?.codings ?? [], [rows]);
  const colorOf = useCallback((id: string) => codes.get(id)?.color ?? '#888888', [codes]);
  const resizing = useResizePreview((s) => s.resizing);
  useLayoutEffect(() => {
    if (list.current) painter.sync(list.current, { codingsOf, columns, colorOf, selectedId: selectedCodingId, resizing, found: hits }, { first: firstVisible, last: lastVisible });
  }, [painter, list, codingsOf, columns, colorOf, selectedCodingId, resizing, hits, firstVisible, lastVisible]);

  return (
    <div
      ref={scroller}
      className="reader-scroll"
      onMouseUp={onMouseUp}
      onFocus={onFocus}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(CODE_DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={onDrop}
    >
      <div ref={list} role="list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        <div style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          <RewrapContext value={rewrapWatch}>
            {items.map((item) => rows[item.index] === undefined ? (
              <div key={item.key} role="listitem" aria-busy="true" aria-label={t('status.working')} data-index={item.index} className="reader-row" style={{ height: item.size }} />
            ) : (
              <Row
                key={item.key}
                row={rows[item.index]!}
                text={detail.text}
                stripes={stripes}
                codes={codes}
                focused={item.index === focusedRow}
                selectedId={selectedCodingId !== null && rows[item.index]!.codings.some((c) => c.id === selectedCodingId) ? selectedCodingId : null}
                measure={virtualizer.measureElement}
                t={t}
                onSelectCoding={onSelectCoding}
              />
            ))}
          </RewrapContext>
        </div>
      </div>
    </div>
  );
}

function Body({ detail }: { detail: DocumentDetail }) {
  const { t } = useTranslation();
  const codesList = useData((s) => s.codes);
  const actorId = useSession((s) => s.project?.actor.id);
  const members = useData((s) => s.members);
  const { blind, hiddenCoderIds, compare, selectedCodingId, pending, picker, recentCodeIds, setPending, selectCoding, openPicker, closePicker } = useReader();
  const [focusedRow, setFocusedRow] = useState(0);
  const [find, setFind] = useState<{ query: string; current: number } | null>(null);
  const list = useRef<HTMLDivElement | null>(null);
  const virtualizer = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  const findInput = useRef<HTMLInputElement | null>(null);

  const codes = useMemo(() => new Map(codesList.map((c) => [c.id, c])), [codesList]);
  const codings = useMemo(() => visibleCodings(detail.codings, { blind, actorId, hidden: hiddenCoderIds, compare }), [detail.codings, blind, actorId, hiddenCoderIds, compare]);
  const rows = useMemo(() => buildRows(detail.text, detail.segments, codings), [detail.text, detail.segments, codings]);
  const columns = useMemo(() => stripeColumns(codings, codesList.map((c) => c.id)), [codings, codesList]);
  const pair = useMemo(() => {
    const a = compare && members.find((m) => m.id === compare.a);
    const b = compare && members.find((m) => m.id === compare.b);
    return a && b ? ([a, b] as const) : null;
  }, [compare, members]);
  const stripes = useMemo(
    () => (pair ? coderStripes(detail.text, codings, codesList.map((c) => c.id), pair[0], pair[1]) : codeStripes(columns)),
    [pair, detail.text, codings, codesList, columns],
  );
  const hits = useMemo(() => (find ? findAll(detail.text, find.query) : []), [detail.text, find]);
  // Which case each label is, is set in the inspector's speaker panel: the toolbar's way there.
  const labelled = useMemo(() => detail.segments.some((s) => s.speaker !== null), [detail.segments]);
  const label = useMemo(() => t('document.text', { title: detail.title }), [t, detail.title]);

  const goToRow = useCallback(
    (index: number) => {
      const i = Math.max(0, Math.min(rows.length - 1, index));
      setFocusedRow(i);
      virtualizer.current?.scrollToIndex(i, { align: 'auto' });
      requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus());
    },
    [rows.length],
  );

  const selectAt = useCallback(
    (id: string) => {
      selectCoding(id);
      const coding = codings.find((c) => c.id === id);
      if (coding) virtualizer.current?.scrollToIndex(rowAt(rows, coding.start), { align: 'auto' });
    },
    [codings, rows, selectCoding],
  );

  // A passage opened from search, retrieval or a comparison: show and select its words.
  useJump(detail.id, rows, useCallback((i: number) => virtualizer.current?.scrollToIndex(i, { align: 'center' }), []), list, detail.text.length);

  /** The passage to code: the selection, or else the words of the focused turn. */
  const passage = useCallback(() => {
    if (pending) return pending;
    const row = rows[focusedRow];
    return row && row.segment.end > row.bodyStart ? { documentId: detail.id, start: row.bodyStart, end: row.segment.end } : null;
  }, [pending, rows, focusedRow, detail.id]);

  const onMouseUp = useCallback((event: MouseEvent) => {
    if (!list.current) return;
    const offsets = selectionOffsets(window.getSelection(), list.current);
    if (!offsets) return setPending(null);
    // Alt keeps the exact characters; otherwise a selection snaps to whole words.
    const snapped = event.altKey ? offsets : snapToWordBoundaries(detail.text, offsets.start, offsets.end);
    if (snapped.start < snapped.end) setPending({ documentId: detail.id, ...snapped });
  }, [detail.id, detail.text, setPending]);
  // Whichever way a turn got focus (click, Tab, arrows), keyboard coding acts on it.
  const onFocus = useCallback((event: FocusEvent) => {
    const index = (event.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index');
    if (index !== null && index !== undefined) setFocusedRow(Number(index));
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      setFind((f) => f ?? { query: '', current: 0 });
      requestAnimationFrame(() => findInput.current?.focus());
      return;
    }
    if ((event.target as HTMLElement).closest('input, textarea, [role="dialog"]')) return;
    // Navigation and deletion act on the codings shown, never on a hidden coder's.
    const selected = codings.find((c) => c.id === selectedCodingId);
    const codingIndex = selected ? codings.indexOf(selected) : -1;
    const key = event.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') goToRow(focusedRow + (key === 'ArrowDown' ? 1 : -1));
    else if (key === 'Home' || key === 'End') goToRow(key === 'Home' ? 0 : rows.length - 1);
    else if (key === 'q' || (key === 'Enter' && (event.ctrlKey || event.metaKey))) {
      if (passage()) openPicker({ kind: 'apply' });
    } else if (/^[1-9]$/.test(key) && recentCodeIds[Number(key) - 1] && passage()) {
      void codePassage(passage()!, { codeId: recentCodeIds[Number(key) - 1]! });
    } else if (key === '.' || key === ',') {
      const next = codings[codingIndex + (key === '.' ? 1 : -1)] ?? codings[key === '.' ? 0 : codings.length - 1];
      if (next) selectAt(next.id);
    } else if ((key === 'Delete' || key === 'Backspace') && selected) void removeCoding(selected.id);
    else if (key === 'r' && selected) openPicker({ kind: 'recode', codingId: selected.id });
    else if (key === 'Escape') {
      setPending(null);
      selectCoding(null);
      window.getSelection()?.removeAllRanges();
    } else return;
    event.preventDefault();
  };

  const choose = (choice: PickerChoice) => {
    const mode = picker;
    closePicker();
    if (mode?.kind === 'recode') void recode(mode.codingId, choice);
    else {
      const target = passage();
      if (target) void codePassage(target, choice);
    }
  };

  /** A code dropped from the codebook codes the selection it lands on, or else the turn under it. */
  const onDrop = (event: DragEvent) => {
    const codeId = event.dataTransfer.getData(CODE_DRAG_TYPE);
    if (!codeId) return;
    event.preventDefault();
    const index = (event.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index');
    const row = index === null || index === undefined ? undefined : rows[Number(index)];
    const onSelection = pending && row && pending.start < row.segment.end && pending.end > row.segment.start;
    const target = onSelection || !row ? pending : { documentId: detail.id, start: row.bodyStart, end: row.segment.end };
    if (target && target.end > target.start) void codePassage(target, { codeId });
  };

  const jumpToHit = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    setFind((f) => (f ? { ...f, current: index } : f));
    virtualizer.current?.scrollToIndex(rowAt(rows, hit.start), { align: 'center' });
  };

  return (
    <div className="reader" onKeyDown={onKeyDown}>
      <Group gap="xs" className="reader-bar" role="toolbar" aria-label={t('reader.toolbar')}>
        <Button size="compact-xs" disabled={!passage()} onClick={() => openPicker({ kind: 'apply' })}>
          {t('reader.code')} (Q)
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          disabled={!pending}
          onClick={() => pending && void codePassage(pending, { newName: detail.text.slice(pending.start, pending.end).slice(0, 80) })}
        >
          {t('reader.inVivo')}
        </Button>
        {pending && (
          <Text size="xs" c="dimmed" className="reader-pending" aria-live="polite">
            {t('reader.selected', { count: pending.end - pending.start })}
          </Text>
        )}
        {pair && <CompareLegend a={pair[0]} b={pair[1]} differing={stripes.differing.size} />}
        <CoderFilter codings={detail.codings} />
        {labelled && (
          <Button size="compact-xs" variant="default" onClick={() => showSpeakers(detail.id)}>
            {t('speakers.title')}
          </Button>
        )}
        {find && (
          <Group gap={4}>
            <TextInput
              ref={findInput}
              size="xs"
              aria-label={t('reader.find')}
              placeholder={t('reader.find')}
              value={find.query}
              onChange={(e) => setFind({ query: e.currentTarget.value, current: 0 })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') jumpToHit(hits.length === 0 ? 0 : (find.current + (e.shiftKey ? hits.length - 1 : 1)) % hits.length);
                if (e.key === 'Escape') setFind(null);
              }}
            />
            <Text size="xs" c="dimmed" aria-live="polite">
              {t('reader.hits', { count: hits.length })}
            </Text>
          </Group>
        )}
      </Group>
      <Turns
        detail={detail}
        label={label}
        t={t}
        rows={rows}
        columns={columns}
        stripes={stripes}
        codes={codes}
        focusedRow={focusedRow}
        selectedCodingId={selectedCodingId}
        hits={hits}
        list={list}
        control={virtualizer}
        onSelectCoding={selectAt}
        onMouseUp={onMouseUp}
        onFocus={onFocus}
        onDrop={onDrop}
      />
      <CodePicker onChoose={choose} />
    </div>
  );
}

/** The Reader: a document's text turn by turn, with its codings as highlights and margin stripes. */
export function Reader({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const detail = useDocument(id, true);
  const [editing, setEditing] = useState(false);
  const [pseudonyms, setPseudonyms] = useState(false);
  const overlay = usePseudonymizer(pseudonyms);
  useMarkDocumentRead(id);
  if (!detail) return <Loader size="sm" m="md" aria-label={t('status.working')} />;
  const whole = isWhole(detail);
  // Counted only over the whole document (the opening part has a few of its turns).
  const turns = whole ? detail.segments.filter((s) => s.kind === 'turn').length : 0;
  return (
    <div className="reader-pane">
      <header className="reader-head">
        <Title order={2} size="h4">
          {overlay ? overlay.apply(detail.title) : detail.title}
        </Title>
        <Group gap={6} mt={2}>
          <Badge variant="light">{t(`kinds.${detail.kind}`)}</Badge>
          {detail.date && <Text size="xs">{formatFuzzyDate(detail.date, i18n.language === 'ru' ? 'ru' : 'en')}</Text>}
          <Text size="xs" c="dimmed">
            {t('document.revision', { number: detail.revisionNumber })} · {t('document.characters', { count: detail.length })}
            {turns > 0 && ` · ${t('document.turns', { count: turns })}`} · {t('nav.codingsCount', { count: whole ? detail.codings.length : detail.codingCount })}
          </Text>
          <Group gap={8} ml="auto">
            <TextPseudonymSwitch checked={pseudonyms} onChange={setPseudonyms} disabled={editing} />
            <Button size="compact-xs" variant="default" disabled={!whole || pseudonyms} onClick={() => setEditing((e) => !e)}>
              {editing ? t('reader.stopEditing') : t('reader.editText')}
            </Button>
          </Group>
        </Group>
        {detail.needsReviewCount > 0 && (
          <Alert color="orange" p={6} mt={6} title={t('document.needsReview', { count: detail.needsReviewCount })}>
            <ReviewList detail={detail} />
          </Alert>
        )}
      </header>
      {editing ? (
        <EditText detail={detail} onDone={() => setEditing(false)} />
      ) : pseudonyms ? (
        whole ? (
          <PseudonymPreview text={detail.text} title={overlay ? overlay.apply(detail.title) : detail.title} overlay={overlay} />
        ) : (
          <Loader size="sm" m="md" aria-label={t('status.working')} />
        )
      ) : (
        <Body detail={detail} />
      )}
    </div>
  );
}
