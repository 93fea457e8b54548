import type { KeyboardEvent, ReactNode } from 'react';
import { Tree, useTree } from '@mantine/core';
import type { TreeNodeData } from '@mantine/core';

interface NavTreeProps {
  readonly label: string;
  readonly data: TreeNodeData[];
  /** Called with a node's value on click and on Enter. */
  readonly onOpen: (value: string) => void;
  /** What a row shows besides its label (a count, a date, a colour). */
  readonly renderRow?: (node: TreeNodeData) => { readonly before?: ReactNode; readonly after?: ReactNode };
  readonly expandAll?: boolean;
}

/** Mantine's accessible tree (arrow keys, Home/End, typeahead) with Enter and click opening a node. */
export function NavTree({ label, data, onOpen, renderRow, expandAll = false }: NavTreeProps) {
  const tree = useTree({ initialExpandedState: expandAll ? expandedState(data) : {} });
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'Enter') return;
    const value = (event.target as HTMLElement).querySelector('[data-value]')?.getAttribute('data-value');
    if (value) onOpen(value);
  };
  return (
    <Tree
      aria-label={label}
      data={data}
      tree={tree}
      levelOffset={12}
      onKeyDown={onKeyDown}
      renderNode={({ node, elementProps, selected }) => {
        const extra = renderRow?.(node) ?? {};
        return (
          <div
            {...elementProps}
            className={`${elementProps.className} tree-row`}
            data-selected={selected || undefined}
            onClick={(event) => {
              elementProps.onClick(event);
              onOpen(node.value);
            }}
          >
            {extra.before}
            <span>{node.label}</span>
            {extra.after !== undefined && <span className="count">{extra.after}</span>}
          </div>
        );
      }}
    />
  );
}

function expandedState(data: readonly TreeNodeData[]): Record<string, boolean> {
  const state: Record<string, boolean> = {};
  const walk = (nodes: readonly TreeNodeData[]): void => {
    for (const n of nodes) {
      if (n.children?.length) {
        state[n.value] = true;
        walk(n.children);
      }
    }
  };
  walk(data);
  return state;
}
