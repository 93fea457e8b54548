import type { DragEvent, MouseEvent } from 'react';
import { ActionIcon, VisuallyHidden } from '@mantine/core';
import type { RenderTreeNodePayload } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../src-shared/model/entities';
import { formatNumber } from '../../i18n';
import { CODE_DRAG_TYPE } from '../../app/drag';
import { CodeMenu } from './CodeMenu';
import type { CodeDialogKind } from './CodeDialogs';
import { UnreadBadge } from '../circulation/UnreadBadge';
import { useUnreadCounts } from '../circulation/unread';

export interface RowHandlers {
  readonly menuFor: string | null;
  setMenuFor(value: string | null): void;
  onOpen(id: string): void;
  onDialog(kind: CodeDialogKind, id: string): void;
  /** Gives focus back to the row's tree item after its menu closes. */
  focus(id: string): void;
  /** Lets the tree explain a refused drop instead of silently ignoring it. */
  onDragStart(id: string): void;
  /** Whether a drop on this row must be refused (it is inside the dragged code). */
  refuses(id: string): boolean;
  /** Explains the refusal, once per drag. */
  onRefused(): void;
}

/** One code in the tree: swatch, name, counts, and its "⋯" menu. */
export function CodeRow({ payload, code, handlers }: { payload: RenderTreeNodePayload; code: Code; handlers: RowHandlers }) {
  const { t } = useTranslation();
  const { node, elementProps, selected } = payload;
  const { onDragOver, onDragStart } = elementProps;
  const unread = useUnreadCounts().byCode.get(code.id) ?? 0;
  return (
    <div
      {...elementProps}
      className={`${elementProps.className} tree-row`}
      data-selected={selected || undefined}
      style={{ ...elementProps.style, opacity: code.archived ? 0.55 : undefined }}
      onClick={(event: MouseEvent) => {
        elementProps.onClick(event);
        handlers.onOpen(code.id);
      }}
      onContextMenu={(event) => {
        event.preventDefault();
        handlers.setMenuFor(code.id);
      }}
      onDragStart={(event: DragEvent) => {
        handlers.onDragStart(code.id);
        onDragStart?.(event);
        // Lets the reader take the code: dropped on a selection (or a turn) it codes that passage.
        event.dataTransfer.setData(CODE_DRAG_TYPE, code.id);
        event.dataTransfer.effectAllowed = 'copyMove';
      }}
      onDragOver={(event: DragEvent) => {
        onDragOver?.(event);
        // Mantine silently ignores a drag over the dragged code's own subtree; say why nothing happens.
        if (!event.defaultPrevented && handlers.refuses(code.id)) handlers.onRefused();
      }}
    >
      <span className="swatch" style={{ background: code.color }} aria-hidden />
      <span style={{ fontStyle: code.archived ? 'italic' : undefined }}>{node.label}</span>
      <span className="count">
        {code.archived && `${t('code.archived')} · `}
        <span aria-hidden>
          {formatNumber(code.codingCount)} · {formatNumber(code.documentCount)}
        </span>
        <VisuallyHidden>{t('codebook.counts', { codings: code.codingCount, documents: code.documentCount })}</VisuallyHidden>
      </span>
      <UnreadBadge count={unread} />
      <CodeMenu
        code={code}
        opened={handlers.menuFor === code.id}
        onChange={(opened) => handlers.setMenuFor(opened ? code.id : null)}
        onDialog={(kind) => handlers.onDialog(kind, code.id)}
        onClosed={() => handlers.focus(code.id)}
        target={
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            // One tab stop per tree (the focused row); the menu is reached with Shift+F10 or the Menu key.
            tabIndex={-1}
            aria-label={t('codebook.actionsFor', { name: code.name })}
            onClick={(event: MouseEvent) => event.stopPropagation()}
          >
            ⋯
          </ActionIcon>
        }
      />
    </div>
  );
}
