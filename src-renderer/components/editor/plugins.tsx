import { useEffect, useImperativeHandle } from 'react';
import type { Ref } from 'react';
import { CAN_REDO_COMMAND, CAN_UNDO_COMMAND, CLEAR_HISTORY_COMMAND, COMMAND_PRIORITY_LOW, COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { actionFor, BUILT_IN, isMac } from './actions';
import { $readFormat, runAction } from './commands';
import type { FormatState } from './commands';
import { plainTextOf } from './plainText';
import { textToContent } from './outline';

/** Marks updates that load content from the core, so they are not saved straight back. */
const EXTERNAL = 'quire-external';

/** What a parent can do to a mounted editor. */
export interface EditorHandle {
  /** Shows content that changed elsewhere (undo in the core, another window) in place of the current. */
  replace(content: string | null, text: string): void;
  focus(): void;
}

export function HandlePlugin({ handle }: { handle: Ref<EditorHandle> | undefined }) {
  const [editor] = useLexicalComposerContext();
  useImperativeHandle(
    handle,
    () => ({
      replace: (content, text) => {
        const json = content ?? textToContent(text);
        editor.setEditorState(editor.parseEditorState(json), { tag: EXTERNAL });
        // Lexical's own undo must not step back over what the core now holds.
        editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
      },
      focus: () => editor.focus(),
    }),
    [editor],
  );
  return null;
}

/** Reports each change of content (not of selection) as Lexical JSON and its plain text. */
export function ChangePlugin({ onChange }: { onChange(content: string, text: string): void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    // Attaching the editor to the page reconciles everything once, with the root marked dirty;
    // comparing the content itself keeps merely opening a memo from saving it.
    let last = JSON.stringify(editor.getEditorState().toJSON());
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      const json = editorState.toJSON();
      const content = JSON.stringify(json);
      if (content === last) return;
      last = content;
      if (!tags.has(EXTERNAL)) onChange(content, plainTextOf(json));
    });
  }, [editor, onChange]);
  return null;
}

interface StateProps {
  onFormat(format: FormatState): void;
  onHistory(change: { canUndo?: boolean; canRedo?: boolean }): void;
  onLink(): void;
}

/** Tracks formats and history for the toolbar, and runs the toolbar's shortcuts typed in the text. */
export function ToolbarStatePlugin({ onFormat, onHistory, onLink }: StateProps) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const mac = isMac();
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => onFormat(editorState.read($readFormat))),
      editor.registerCommand(CAN_UNDO_COMMAND, (canUndo) => (onHistory({ canUndo }), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (canRedo) => (onHistory({ canRedo }), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const id = actionFor(event, mac);
          if (id === null || BUILT_IN.has(id)) return false;
          event.preventDefault();
          if (id === 'link') onLink();
          else runAction(editor, id, editor.getEditorState().read($readFormat));
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    );
  }, [editor, onFormat, onHistory, onLink]);
  return null;
}
