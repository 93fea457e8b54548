/**
 * Where the keyboard focus goes when the control holding it disappears (a row left out, reading
 * cancelled): left alone it would fall to the page body, outside the dialog, where Ctrl+Z is the
 * project's undo.
 */
export function refocusLater(target: HTMLElement | null | undefined): void {
  if (target) requestAnimationFrame(() => target.focus());
}

/** The dialog's first control (its "Choose files…" button). */
export function dialogStart(from: Element): HTMLElement | null {
  return from.closest('[role="dialog"]')?.querySelector<HTMLElement>('[data-autofocus]') ?? null;
}

/** The same control in the next row of a table, or the previous one for the last row. */
export function sameInNeighbourRow(from: Element, selector: string): HTMLElement | null {
  const row = from.closest('tr');
  const neighbour = row?.nextElementSibling ?? row?.previousElementSibling;
  return neighbour?.querySelector<HTMLElement>(selector) ?? null;
}
