import { $createParagraphNode, $createTextNode, $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import type { LexicalEditor, LexicalNode } from 'lexical';
import { $setBlocksType } from '@lexical/selection';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import type { ActionId } from './actions';

export type BlockKind = 'paragraph' | 'h1' | 'h2' | 'h3' | 'bullet' | 'number' | 'quote' | 'other';

/** What the selection is in, for the toolbar's pressed states. */
export interface FormatState {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly block: BlockKind;
  readonly link: boolean;
}

export const NO_FORMAT: FormatState = { bold: false, italic: false, underline: false, block: 'paragraph', link: false };

function blockOf(node: LexicalNode): BlockKind {
  const list = $getNearestNodeOfType(node, ListNode);
  if (list) return list.getListType() === 'number' ? 'number' : 'bullet';
  const top = node.getTopLevelElement();
  if (!top) return 'paragraph';
  if ($isHeadingNode(top)) return top.getTag() === 'h1' || top.getTag() === 'h2' || top.getTag() === 'h3' ? top.getTag() as BlockKind : 'other';
  if ($isQuoteNode(top)) return 'quote';
  if ($isListNode(top)) return top.getListType() === 'number' ? 'number' : 'bullet';
  return top.getType() === 'paragraph' ? 'paragraph' : 'other';
}

/** Reads the selection's formats; call inside `editorState.read`. */
export function $readFormat(): FormatState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return NO_FORMAT;
  const node = selection.anchor.getNode();
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    block: blockOf(node),
    link: $findMatchingParent(node, $isLinkNode) !== null || $isLinkNode(node),
  };
}

function setBlock(editor: LexicalEditor, create: () => ReturnType<typeof $createParagraphNode> | ReturnType<typeof $createHeadingNode> | ReturnType<typeof $createQuoteNode>): void {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $setBlocksType(selection, create);
  });
}

/**
 * Runs a toolbar action. Block actions toggle: applying "Heading 1" to a heading 1 makes it a
 * paragraph again, as in every word processor. `link` is handled by the toolbar (it asks for a URL).
 */
export function runAction(editor: LexicalEditor, id: Exclude<ActionId, 'link'>, current: FormatState): void {
  switch (id) {
    case 'bold':
    case 'italic':
    case 'underline':
      editor.dispatchCommand(FORMAT_TEXT_COMMAND, id);
      return;
    case 'paragraph':
      setBlock(editor, $createParagraphNode);
      return;
    case 'h1':
    case 'h2':
    case 'h3':
      setBlock(editor, current.block === id ? $createParagraphNode : () => $createHeadingNode(id));
      return;
    case 'quote':
      setBlock(editor, current.block === 'quote' ? $createParagraphNode : $createQuoteNode);
      return;
    case 'bullet':
      editor.dispatchCommand(current.block === 'bullet' ? REMOVE_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND, undefined);
      return;
    case 'number':
      editor.dispatchCommand(current.block === 'number' ? REMOVE_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
      return;
    case 'table':
      editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } });
      return;
    case 'undo':
      editor.dispatchCommand(UNDO_COMMAND, undefined);
      return;
    case 'redo':
      editor.dispatchCommand(REDO_COMMAND, undefined);
      return;
  }
}

/** Links only to the web and mail: a memo must never carry a `javascript:` URL. */
export function safeUrl(raw: string): string | null {
  const url = raw.trim();
  if (url === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : url.includes('@') && !url.includes('/') ? `mailto:${url}` : `https://${url}`;
  return /^(https?:|mailto:)/i.test(withScheme) ? withScheme : null;
}

/** Links the selected text, or inserts the address as a link where nothing is selected. */
export function setLink(editor: LexicalEditor, url: string | null): void {
  editor.update(() => {
    const selection = $getSelection();
    if (url !== null && $isRangeSelection(selection) && selection.isCollapsed()) selection.insertNodes([$createLinkNode(url).append($createTextNode(url))]);
    else editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
  });
}
