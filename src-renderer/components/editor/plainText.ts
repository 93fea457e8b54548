import type { SerializedEditorState, SerializedLexicalNode } from 'lexical';

/** A serialized node as read from stored JSON: only the fields plain text needs. */
interface Loose extends SerializedLexicalNode {
  readonly children?: readonly Loose[];
  readonly text?: string;
}

/** Elements that sit inside a line rather than making one. */
const INLINE_ELEMENTS = new Set(['link', 'autolink', 'mark']);

const isInline = (node: Loose): boolean => node.children === undefined || INLINE_ELEMENTS.has(node.type);

function inline(node: Loose): string {
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (node.children) return node.children.map(inline).join('');
  return node.text ?? '';
}

function lines(node: Loose): string[] {
  // A table row is one line, its cells separated by tabs, so a pasted table stays a table.
  if (node.type === 'tablerow') return [(node.children ?? []).map((cell) => lines(cell).join(' ')).join('\t')];
  const out: string[] = [];
  let current: string | null = null;
  for (const child of node.children ?? []) {
    if (isInline(child)) current = (current ?? '') + inline(child);
    else {
      if (current !== null) out.push(current);
      current = null;
      out.push(...lines(child));
    }
  }
  if (current !== null) out.push(current);
  if (out.length === 0 && node.type !== 'root') out.push('');
  return out;
}

/**
 * The plain text of a memo, one block per line, as stored in `memos.text` for search and export.
 * Read from the JSON rather than `$getRoot().getTextContent()`, which puts blank lines between
 * blocks, so that the text of a template and of the same memo typed by hand are identical.
 *
 * @example
 * plainTextOf(editor.getEditorState().toJSON()) // "Paternalism\nfirst point\nsecond point"
 */
export function plainTextOf(state: SerializedEditorState | string): string {
  const parsed = (typeof state === 'string' ? JSON.parse(state) : state) as { root: Loose };
  return lines(parsed.root).join('\n').replace(/\n+$/, '');
}
