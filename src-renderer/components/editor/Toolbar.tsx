import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Button, Group, Popover, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LexicalEditor } from 'lexical';
import { describe, isMac, SHORTCUTS } from './actions';
import type { ActionId } from './actions';
import { runAction, safeUrl, setLink } from './commands';
import type { FormatState } from './commands';

/** Buttons in toolbar order; `null` draws a separator. Glyphs keep the toolbar narrow enough for the inspector. */
const LAYOUT: readonly (readonly [ActionId, string] | null)[] = [
  ['undo', '↶'],
  ['redo', '↷'],
  null,
  ['bold', 'B'],
  ['italic', 'I'],
  ['underline', 'U'],
  null,
  ['paragraph', '¶'],
  ['h1', 'H1'],
  ['h2', 'H2'],
  ['h3', 'H3'],
  ['bullet', '•'],
  ['number', '1.'],
  ['quote', '❝'],
  null,
  ['link', '↗'],
  ['table', '▦'],
];

function pressed(id: ActionId, format: FormatState): boolean | undefined {
  if (id === 'bold' || id === 'italic' || id === 'underline') return format[id];
  if (id === 'link') return format.link;
  if (id === 'undo' || id === 'redo' || id === 'table') return undefined;
  return format.block === id;
}

interface Props {
  readonly editor: LexicalEditor;
  readonly format: FormatState;
  readonly label: string;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Opened by the toolbar's link button or by the editor's Ctrl+K. */
  readonly linkOpen: boolean;
  setLinkOpen(open: boolean): void;
}

/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar pattern);
 * every button names its shortcut for screen readers (aria-keyshortcuts) and in its tooltip.
 */
export function Toolbar({ editor, format, label, canUndo, canRedo, linkOpen, setLinkOpen }: Props) {
  const { t } = useTranslation();
  const [focus, setFocus] = useState(0);
  const [url, setUrl] = useState('');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const mac = isMac();
  const items = LAYOUT.filter((x): x is readonly [ActionId, string] => x !== null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, number> = { ArrowRight: focus + 1, ArrowLeft: focus - 1, Home: 0, End: items.length - 1 };
    const next = moves[event.key];
    if (next === undefined || (event.target as HTMLElement).tagName === 'INPUT') return;
    event.preventDefault();
    const index = (next + items.length) % items.length;
    setFocus(index);
    buttons.current[index]?.focus();
  };

  const applyLink = (): void => {
    const safe = safeUrl(url);
    if (safe) setLink(editor, safe);
    setLinkOpen(false);
    setUrl('');
    editor.focus();
  };

  let index = -1;
  return (
    <Group gap={2} role="toolbar" aria-label={label} onKeyDown={onKeyDown} className="rt-toolbar" wrap="wrap">
      {LAYOUT.map((item, at) => {
        if (item === null) return <span key={`sep${at}`} className="rt-sep" aria-hidden />;
        const [id, glyph] = item;
        const i = ++index;
        const shortcut = describe(SHORTCUTS[id], mac);
        const name = t(`memo.editor.${id}`);
        const button = (
          <Button
            key={id}
            ref={(el: HTMLButtonElement | null) => {
              buttons.current[i] = el;
            }}
            size="compact-xs"
            variant={pressed(id, format) ? 'light' : 'subtle'}
            color="gray"
            tabIndex={i === focus ? 0 : -1}
            aria-label={name}
            aria-keyshortcuts={shortcut}
            aria-pressed={pressed(id, format)}
            disabled={(id === 'undo' && !canUndo) || (id === 'redo' && !canRedo)}
            title={`${name} (${shortcut.replace('Control', 'Ctrl').replace('Meta', '⌘')})`}
            // Keep the editor's selection: a click on the toolbar must not move the caret.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setFocus(i)}
            onClick={() => (id === 'link' ? (format.link ? setLink(editor, null) : setLinkOpen(!linkOpen)) : runAction(editor, id, format))}
            className={`rt-btn rt-btn-${id}`}
          >
            {glyph}
          </Button>
        );
        if (id !== 'link') return button;
        return (
          <Popover key={id} opened={linkOpen} onChange={setLinkOpen} trapFocus position="bottom" withArrow>
            <Popover.Target>{button}</Popover.Target>
            <Popover.Dropdown>
              <TextInput
                size="xs"
                label={t('memo.editor.linkAddress')}
                placeholder="https://"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    applyLink();
                  } else if (e.key === 'Escape') setLinkOpen(false);
                }}
              />
            </Popover.Dropdown>
          </Popover>
        );
      })}
    </Group>
  );
}
