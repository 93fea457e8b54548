import { describe, expect, it } from 'vitest';
import { createEditor, $getRoot, $createParagraphNode, $createTextNode, $createLineBreakNode } from 'lexical';
import { $createLinkNode } from '@lexical/link';
import { $createTableNodeWithDimensions } from '@lexical/table';
import { plainTextOf } from '../../../src-renderer/components/editor/plainText';
import { outlineToContent, textToContent } from '../../../src-renderer/components/editor/outline';
import { EDITOR_NODES } from '../../../src-renderer/components/editor/nodes';

describe('plain text of a memo', () => {
  it('puts each block on its own line, list items included, without blank lines between', () => {
    const { text } = outlineToContent([
      { kind: 'heading', level: 1, text: 'Патернализм' },
      { kind: 'bullets', items: ['«Директор как отец»', 'second point'] },
      { kind: 'paragraph', label: 'Date:', text: 'June 1993' },
    ]);
    expect(text).toBe('Патернализм\n«Директор как отец»\nsecond point\nDate: June 1993');
  });

  it('keeps empty paragraphs inside, drops trailing ones', () => {
    expect(outlineToContent([{ kind: 'paragraph', text: 'a' }, { kind: 'paragraph', text: '' }, { kind: 'paragraph', text: 'b' }, { kind: 'paragraph', text: '' }]).text).toBe('a\n\nb');
  });

  it('reads links inline, line breaks as newlines and table rows as tab-separated lines', () => {
    const editor = createEditor({ nodes: [...EDITOR_NODES], onError: (e) => { throw e; } });
    editor.update(
      () => {
        const p = $createParagraphNode().append($createTextNode('see '), $createLinkNode('https://example.org').append($createTextNode('this')), $createLineBreakNode(), $createTextNode('next'));
        const table = $createTableNodeWithDimensions(2, 2, false);
        $getRoot().append(p, table);
      },
      { discrete: true },
    );
    expect(plainTextOf(editor.getEditorState().toJSON())).toBe('see this\nnext\n\t\n\t');
  });

  it('accepts the stored JSON string and round-trips plain-text memos', () => {
    const content = textToContent('first line\nвторая строка');
    expect(plainTextOf(content)).toBe('first line\nвторая строка');
  });

  it('is empty for an empty editor', () => {
    expect(outlineToContent([]).text).toBe('');
  });
});
