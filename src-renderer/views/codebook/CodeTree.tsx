import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Tree, useTree } from '@mantine/core';
import type { TreeDragDropPayload, TreeNodeData } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useData } from '../../stores/data';
import { useNotices } from '../../stores/notices';
import { useUi } from '../../stores/ui';
import { moveCode } from './actions';
import type { CodeDialogKind } from './CodeDialogs';
import { CodeRow } from './CodeRow';
import type { RowHandlers } from './CodeRow';
import { descendantIds, validateDrop } from './tree';

interface CodeTreeProps {
  readonly label: string;
  readonly data: TreeNodeData[];
  /** Expand everything (while a filter is typed, so matches are visible). */
  readonly expandAll: boolean;
  readonly onDialog: (kind: CodeDialogKind, id: string) => void;
}

/** Shift+F10 and the Menu key open a row's menu, as a right click does. */
const isMenuKey = (event: KeyboardEvent) => event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);

/** The codebook tree: drag to reorder and nest, or do the same from each row's menu. */
export function CodeTree({ label, data, expandAll, onDialog }: CodeTreeProps) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const open = useUi((s) => s.open);
  const tree = useTree();
  const root = useRef<HTMLUListElement>(null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  // The code being dragged and, once its refusal was explained, that it was: one message per drag.
  const drag = useRef<{ id: string; explained: boolean } | null>(null);

  useEffect(() => {
    if (expandAll) tree.expandAllNodes();
    // Not keyed on `tree` (a new object each render): expand once per change of the filtered data.
  }, [expandAll, data]);

  const focus = (id: string): void => {
    // After the menu closes, or after a move re-renders the row somewhere else.
    requestAnimationFrame(() => root.current?.querySelector<HTMLElement>(`li[data-value="${CSS.escape(id)}"]`)?.focus());
  };

  const handlers: RowHandlers = {
    menuFor,
    setMenuFor,
    onOpen: (id) => open({ kind: 'code', id }),
    onDialog: (kind, id) => {
      setMenuFor(null);
      onDialog(kind, id);
    },
    focus,
    onDragStart: (id) => {
      drag.current = { id, explained: false };
    },
    refuses: (id) => drag.current !== null && descendantIds(codes, drag.current.id).has(id),
    onRefused: () => {
      if (!drag.current || drag.current.explained) return;
      drag.current.explained = true;
      useNotices.getState().push('error', t('codebook.notInside'));
    },
  };

  const onDragDrop = ({ draggedNode, targetNode, position }: TreeDragDropPayload): void => {
    drag.current = null;
    const verdict = validateDrop(codes, draggedNode, targetNode, position);
    if (!verdict.ok) {
      if (verdict.reason === 'descendant') useNotices.getState().push('error', t('codebook.notInside'));
      return;
    }
    if (position === 'inside') tree.expand(targetNode);
    void moveCode(verdict.placement).then(() => focus(draggedNode));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const value = (event.target as HTMLElement).closest('li[role=treeitem]')?.getAttribute('data-value');
    if (!value) return;
    if (isMenuKey(event)) {
      event.preventDefault();
      setMenuFor(value);
    } else if (event.key === 'Enter') open({ kind: 'code', id: value });
  };

  return (
    <Tree
      ref={root}
      aria-label={label}
      data={data}
      tree={tree}
      levelOffset={12}
      onKeyDown={onKeyDown}
      onDragDrop={onDragDrop}
      allowDrop={({ draggedNode, targetNode, position }) => validateDrop(codes, draggedNode, targetNode, position).ok}
      renderNode={(payload) => {
        const code = byId.get(payload.node.value);
        return code ? <CodeRow payload={payload} code={code} handlers={handlers} /> : null;
      }}
    />
  );
}
