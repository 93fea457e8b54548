import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import type { ElementNode } from 'lexical';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { EDITOR_NODES } from './nodes';
import { plainTextOf } from './plainText';

/** A document's shape in a few words: what templates and plain-text memos are made of. */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  /** A paragraph, optionally opening with a bold label: "Date: 12 May 1993". */
  | { readonly kind: 'paragraph'; readonly text: string; readonly label?: string }
  | { readonly kind: 'bullets'; readonly items: readonly string[] };

function $block(block: Block): ElementNode {
  switch (block.kind) {
    case 'heading':
      return $createHeadingNode(`h${block.level}`).append($createTextNode(block.text));
    case 'paragraph': {
      const paragraph = $createParagraphNode();
      if (block.label) paragraph.append($createTextNode(`${block.label} `).toggleFormat('bold'));
      if (block.text) paragraph.append($createTextNode(block.text));
      return paragraph;
    }
    case 'bullets':
      return $createListNode('bullet').append(...block.items.map((item) => $createListItemNode().append($createTextNode(item))));
  }
}

/** Appends the outline's blocks to the root of the editor being updated. */
export function $appendOutline(blocks: readonly Block[]): void {
  $getRoot().append(...blocks.map($block));
}

/**
 * Builds a memo's content (Lexical JSON) and plain text without a page: a headless editor with the
 * same nodes as the live one, so the result always loads.
 */
export function outlineToContent(blocks: readonly Block[]): { content: string; text: string } {
  const editor = createEditor({
    namespace: 'quire-outline',
    nodes: [...EDITOR_NODES],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => $appendOutline(blocks), { discrete: true });
  const json = editor.getEditorState().toJSON();
  return { content: JSON.stringify(json), text: plainTextOf(json) };
}

/** A memo stored as plain text only (imported, or from before the editor), as paragraphs. */
export function textToContent(text: string): string {
  return outlineToContent(text.split('\n').map((line) => ({ kind: 'paragraph', text: line }))).content;
}
