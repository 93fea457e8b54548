import { Fragment, memo, useLayoutEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import type { Code, DocumentCoding } from '../../../src-shared/model/entities';
import { quoteOf } from '../../../src-shared/model/codings';
import type { ReaderRow, StripeLayout } from './model';
import { labelDirection } from './model';
import { rangesFor } from './dom';
import { useRewraps } from './rewrap';
import { StripeHandle } from './StripeHandle';

const STRIPE_WIDTH = 6;

interface Bar {
  readonly coding: DocumentCoding;
  readonly top: number;
  readonly height: number;
}

interface RowProps {
  readonly row: ReaderRow;
  readonly text: string;
  readonly stripes: StripeLayout;
  readonly codes: ReadonlyMap<string, Code>;
  readonly focused: boolean;
  /** The selected coding when it touches this row (its stripe gets grips to drag its ends). */
  readonly selectedId: string | null;
  readonly measure: (element: HTMLElement | null) => void;
  readonly t: TFunction;
  readonly onSelectCoding: (id: string) => void;
}

/**
 * One paragraph or turn: the speaker in the margin, the words as a single text run (so offsets
 * map by addition), and a coding stripe per code beside it, each spanning the lines its coding covers.
 */
export const Row = memo(function Row({ row, text, stripes, codes, focused, selectedId, measure, t, onSelectCoding }: RowProps) {
  const margin = useRef<HTMLDivElement | null>(null);
  const words = useRef<HTMLSpanElement | null>(null);
  const column = useRef<HTMLDivElement | null>(null);
  const [bars, setBars] = useState<readonly Bar[]>([]);
  const { segment, bodyStart, codings } = row;
  const direction = labelDirection(row);
  const rewraps = useRewraps(column);

  // Measured from the stripes' own box (they are positioned inside it), not the row's edge.
  useLayoutEffect(() => {
    const box = margin.current;
    const body = words.current;
    if (!box || !body) return;
    const top = box.getBoundingClientRect().top;
    setBars(
      codings.map((coding) => {
        const rects = rangesFor(body, coding.start, Math.max(coding.end, coding.start)).flatMap((r) => [...r.getClientRects()]);
        if (rects.length === 0) return { coding, top: 0, height: box.offsetHeight };
        const first = Math.min(...rects.map((r) => r.top));
        const last = Math.max(...rects.map((r) => r.bottom));
        return { coding, top: first - top, height: Math.max(4, last - first) };
      }),
    );
  }, [codings, text, rewraps]);

  const names = [...new Set(codings.map((c) => codes.get(c.codeId)?.name ?? ''))];
  return (
    <div
      ref={measure}
      role="listitem"
      data-index={row.index}
      tabIndex={focused ? 0 : -1}
      className={`reader-row${segment.kind === 'turn' ? ' turn' : ''}`}
    >
      <div ref={margin} className="stripes" style={{ width: Math.max(1, stripes.width) * STRIPE_WIDTH }}>
        {stripes.groups.map((group) => (
          <div
            key={group.coder.id}
            className="stripe-band"
            aria-hidden="true"
            title={group.coder.name}
            style={{ left: group.first * STRIPE_WIDTH - 1, width: group.count * STRIPE_WIDTH, background: `${group.coder.color}22`, borderColor: group.coder.color }}
          />
        ))}
        {bars.map((bar) => {
          const code = codes.get(bar.coding.codeId);
          const column = stripes.column(bar.coding);
          if (column === undefined) return null;
          const left = column * STRIPE_WIDTH;
          const grips = bar.coding.id === selectedId;
          const differs = stripes.differing.get(bar.coding.id);
          const coder = stripes.groups.find((g) => g.coder.id === bar.coding.coderId)?.coder;
          const label = t('reader.stripe', { code: code?.name ?? '', quote: quoteOf(text, bar.coding).slice(0, 80) });
          return (
            <Fragment key={bar.coding.id}>
              <button
                type="button"
                tabIndex={-1}
                className={`stripe${bar.coding.status === 'needs_review' ? ' review' : ''}${differs ? ' differs' : coder ? ' agrees' : ''}`}
                data-kind={differs}
                aria-label={coder ? t('reader.compare.stripe', { coder: coder.name, stripe: label, how: t(differs ? `reader.compare.kinds.${differs}` : 'reader.compare.agrees') }) : label}
                title={code?.name}
                style={{ left, top: bar.top, height: bar.height, background: code?.color ?? '#888' }}
                onClick={() => onSelectCoding(bar.coding.id)}
              />
              {grips && bar.coding.start >= segment.start && (
                <StripeHandle coding={bar.coding} side="start" text={text} label={t('reader.dragStart', { code: code?.name ?? '' })} left={left} top={bar.top} />
              )}
              {grips && bar.coding.end <= segment.end && (
                <StripeHandle coding={bar.coding} side="end" text={text} label={t('reader.dragEnd', { code: code?.name ?? '' })} left={left} top={bar.top + bar.height} />
              )}
            </Fragment>
          );
        })}
      </div>
      {segment.kind === 'turn' ? (
        <div className="speaker">
          {segment.speaker ?? '—'}
          {direction && <span className="label-direction">{text.slice(direction.start, direction.end)}</span>}
          {segment.timestamp && <span className="timestamp">{segment.timestamp}</span>}
        </div>
      ) : (
        <div className="speaker" />
      )}
      <div ref={column} className="words">
        <span ref={words} data-offset={bodyStart}>
          {text.slice(bodyStart, segment.end)}
        </span>
        {names.length > 0 && <span className="visually-hidden"> {t('reader.codedAs', { codes: names.join(', ') })}</span>}
      </div>
    </div>
  );
});
