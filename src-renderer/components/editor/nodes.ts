import type { EditorThemeClasses, Klass, LexicalNode } from 'lexical';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';

/**
 * Every node a memo may hold. The same list serves the live editor and the headless one that
 * builds templates, so a template can never contain a node the editor cannot load.
 */
export const EDITOR_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
];

/** Class names styled in editor.css; Lexical's defaults are unstyled. */
export const EDITOR_THEME: EditorThemeClasses = {
  paragraph: 'rt-p',
  heading: { h1: 'rt-h1', h2: 'rt-h2', h3: 'rt-h3' },
  quote: 'rt-quote',
  list: { ul: 'rt-ul', ol: 'rt-ol', listitem: 'rt-li', nested: { listitem: 'rt-li-nested' } },
  link: 'rt-link',
  table: 'rt-table',
  tableCell: 'rt-td',
  tableCellHeader: 'rt-th',
  text: { bold: 'rt-bold', italic: 'rt-italic', underline: 'rt-underline' },
};
