/**
 * The toolbar's actions and their keyboard shortcuts, in one table so the buttons, their
 * aria-keyshortcuts and the key handler cannot disagree.
 */
export type ActionId =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'paragraph'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'bullet'
  | 'number'
  | 'quote'
  | 'link'
  | 'table'
  | 'undo'
  | 'redo';

export interface Shortcut {
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  /** KeyboardEvent.code, which does not change with the keyboard layout (Cyrillic!). */
  readonly code: string;
}

const key = (code: string, mods: Partial<Omit<Shortcut, 'code'>> = {}): Shortcut => ({ mod: true, shift: false, alt: false, ...mods, code });

export const SHORTCUTS: Readonly<Record<ActionId, Shortcut>> = {
  bold: key('KeyB'),
  italic: key('KeyI'),
  underline: key('KeyU'),
  paragraph: key('Digit0', { alt: true }),
  h1: key('Digit1', { alt: true }),
  h2: key('Digit2', { alt: true }),
  h3: key('Digit3', { alt: true }),
  bullet: key('Digit8', { shift: true }),
  number: key('Digit7', { shift: true }),
  quote: key('Digit9', { shift: true }),
  link: key('KeyK'),
  table: key('KeyT', { alt: true }),
  undo: key('KeyZ'),
  redo: key('KeyZ', { shift: true }),
};

/** Actions Lexical's rich-text plugin already binds to these keys; ours would fire twice. */
export const BUILT_IN: ReadonlySet<ActionId> = new Set(['bold', 'italic', 'underline', 'undo', 'redo']);

interface KeyLike {
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly code: string;
}

export function matches(event: KeyLike, shortcut: Shortcut, mac: boolean): boolean {
  const mod = mac ? event.metaKey : event.ctrlKey;
  return mod === shortcut.mod && event.shiftKey === shortcut.shift && event.altKey === shortcut.alt && event.code === shortcut.code;
}

/** The action a key press asks for, if any. */
export function actionFor(event: KeyLike, mac: boolean): ActionId | null {
  for (const [id, shortcut] of Object.entries(SHORTCUTS) as [ActionId, Shortcut][]) if (matches(event, shortcut, mac)) return id;
  return null;
}

const KEY_NAMES: Readonly<Record<string, string>> = { KeyB: 'B', KeyI: 'I', KeyU: 'U', KeyK: 'K', KeyT: 'T', KeyZ: 'Z' };

/** For aria-keyshortcuts (`Control+Alt+1`) or, with `mac`, as the user reads it. */
export function describe(shortcut: Shortcut, mac: boolean): string {
  const name = KEY_NAMES[shortcut.code] ?? shortcut.code.replace('Digit', '');
  return [shortcut.mod ? (mac ? 'Meta' : 'Control') : null, shortcut.alt ? 'Alt' : null, shortcut.shift ? 'Shift' : null, name].filter(Boolean).join('+');
}

/** Read through globalThis: this module is also loaded by unit tests in Node, which has no DOM types. */
export const isMac = (): boolean => /Mac|iPhone|iPad/.test((globalThis as { navigator?: { platform?: string } }).navigator?.platform ?? '');
