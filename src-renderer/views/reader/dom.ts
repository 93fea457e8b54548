/**
 * Between the DOM and canonical offsets. Every run of document text is rendered as one text node
 * inside an element carrying `data-offset` (its first character's offset), so a DOM point maps to
 * an offset by one addition, and an offset range to DOM Ranges per visible row.
 */

const OFFSET = 'data-offset';

function carrier(node: Node): HTMLElement | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  return element?.closest<HTMLElement>(`[${OFFSET}]`) ?? null;
}

/** The canonical offset of a DOM point (as in a Selection), or null outside the document text. */
export function offsetOf(node: Node, offset: number): number | null {
  const element = carrier(node);
  if (!element) return null;
  const base = Number(element.getAttribute(OFFSET));
  if (node.nodeType === Node.TEXT_NODE) return base + offset;
  // A point between child nodes: before or after the carrier's only text.
  return base + (offset === 0 ? 0 : (element.textContent ?? '').length);
}

/** Whether a UTF-16 position falls between the two halves of a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && /[\uD800-\uDBFF]/.test(text[at - 1]!) && /[\uDC00-\uDFFF]/.test(text[at]!);
}

/**
 * The selection's offsets in document order, or null when it holds no document words. Only the
 * words count: a drag that starts in a speaker label or the margin, or a triple-click that ends
 * in the next turn, keeps the words it covers, never the labels between them. An edge inside a
 * surrogate pair (a range set by a script) widens to the whole character.
 */
export function selectionOffsets(selection: Selection | null, root: Element): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) return null;
  let start: number | null = null;
  let end: number | null = null;
  for (const element of root.querySelectorAll<HTMLElement>(`[${OFFSET}]`)) {
    const run = element.firstChild;
    if (!run || run.nodeType !== Node.TEXT_NODE || !range.intersectsNode(run)) continue;
    const text = run.textContent ?? '';
    let from = range.startContainer === run ? range.startOffset : range.comparePoint(run, 0) >= 0 ? 0 : text.length;
    let to = range.endContainer === run ? range.endOffset : range.comparePoint(run, text.length) <= 0 ? text.length : 0;
    if (splitsPair(text, from)) from--;
    if (splitsPair(text, to)) to++;
    if (from >= to) continue;
    const base = Number(element.getAttribute(OFFSET));
    start ??= base + from;
    end = base + to;
  }
  return start !== null && end !== null && start < end ? { start, end } : null;
}

/** DOM Ranges covering [start, end) within the text runs below `root` (only those rendered). */
export function rangesFor(root: Element, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  const carriers = root.matches(`[${OFFSET}]`) ? [root as HTMLElement] : [...root.querySelectorAll<HTMLElement>(`[${OFFSET}]`)];
  for (const element of carriers) {
    const text = element.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const base = Number(element.getAttribute(OFFSET));
    const length = (text.textContent ?? '').length;
    const from = Math.max(start, base);
    const to = Math.min(end, base + length);
    if (from >= to) continue;
    const range = document.createRange();
    range.setStart(text, from - base);
    range.setEnd(text, to - base);
    ranges.push(range);
  }
  return ranges;
}

/**
 * The offset of the text nearest a point, for dragging an end of a coding. The point is moved
 * into the rendered words nearest it: a point in the margin or the speaker column means the
 * start of its line when dragging a start (`side` 'start') and the end of its line for an end;
 * a point above or below the rendered rows means the first or last of them.
 */
export function offsetAtPoint(root: Element, x: number, y: number, side: 'start' | 'end'): number | null {
  let nearest: { element: HTMLElement; box: DOMRect; distance: number } | null = null;
  for (const element of root.querySelectorAll<HTMLElement>(`[${OFFSET}]`)) {
    const box = element.getBoundingClientRect();
    if (box.height === 0) continue;
    const distance = y < box.top ? box.top - y : y > box.bottom ? y - box.bottom : 0;
    if (!nearest || distance < nearest.distance) nearest = { element, box, distance };
    if (distance === 0) break;
  }
  if (!nearest) return null;
  const { element, box } = nearest;
  const inside = (v: number, from: number, to: number): number => Math.max(from + 1, Math.min(to - 1, v));
  const atX = x < box.left ? (side === 'start' ? box.left : box.right) : x;
  const caret = document.caretPositionFromPoint(inside(atX, box.left, box.right), inside(y, box.top, box.bottom));
  if (!caret || !element.contains(caret.offsetNode)) return null;
  return offsetOf(caret.offsetNode, caret.offset);
}
