import { useCallback, useEffect, useState } from 'react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import type { InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { BOLD_ITALIC_STAR, BOLD_STAR, HEADING, ITALIC_STAR, ITALIC_UNDERSCORE, LINK, ORDERED_LIST, QUOTE, UNORDERED_LIST } from '@lexical/markdown';
import type { Transformer } from '@lexical/markdown';
import { reportError } from '../../stores/notices';
import { EDITOR_NODES, EDITOR_THEME } from './nodes';
import { textToContent } from './outline';
import { safeUrl } from './commands';
import type { FormatState } from './commands';
import { NO_FORMAT } from './commands';
import { ChangePlugin, HandlePlugin, ToolbarStatePlugin } from './plugins';
import type { EditorHandle } from './plugins';
import { Toolbar } from './Toolbar';
import './editor.css';

/**
 * Markdown typed at the start of a line becomes formatting ("# ", "- ", "1. ", "> ", **bold**).
 * Lexical's default set includes code blocks, whose node this editor does not load.
 */
const TRANSFORMERS: Transformer[] = [HEADING, QUOTE, UNORDERED_LIST, ORDERED_LIST, BOLD_ITALIC_STAR, BOLD_STAR, ITALIC_STAR, ITALIC_UNDERSCORE, LINK];

export interface RichTextEditorProps {
  /** Lexical JSON as stored, or null for a memo that only has plain text. */
  readonly content: string | null;
  readonly text: string;
  /** Accessible name of the text area, e.g. "Memo text". */
  readonly label: string;
  onChange(content: string, text: string): void;
  onBlur?(): void;
  readonly autoFocus?: boolean;
  readonly handle?: Ref<EditorHandle>;
}

function Surface({ label, onChange, onBlur, autoFocus, handle }: Omit<RichTextEditorProps, 'content' | 'text'>) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [format, setFormat] = useState<FormatState>(NO_FORMAT);
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const [linkOpen, setLinkOpen] = useState(false);
  const onHistory = useCallback((change: { canUndo?: boolean; canRedo?: boolean }) => setHistory((h) => ({ ...h, ...change })), []);
  const onLink = useCallback(() => setLinkOpen(true), []);
  // Lexical does not focus by itself; a freshly created memo is meant to be typed into.
  useEffect(() => {
    if (autoFocus) editor.focus();
  }, [editor, autoFocus]);
  return (
    <div className="rt-editor">
      <Toolbar editor={editor} format={format} label={t('memo.editor.toolbar')} canUndo={history.canUndo} canRedo={history.canRedo} linkOpen={linkOpen} setLinkOpen={setLinkOpen} />
      <div className="rt-body">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="rt-content"
              aria-label={label}
              aria-placeholder={t('memo.editor.placeholder')}
              placeholder={<div className="rt-placeholder">{t('memo.editor.placeholder')}</div>}
              onBlur={() => onBlur?.()}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={(url) => safeUrl(url) === url} />
      <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasHorizontalScroll />
      <MarkdownShortcutPlugin transformers={TRANSFORMERS} />
      <ToolbarStatePlugin onFormat={setFormat} onHistory={onHistory} onLink={onLink} />
      <ChangePlugin onChange={onChange} />
      <HandlePlugin handle={handle} />
    </div>
  );
}

/**
 * The rich-text editor for everything people write in Quire: headings, lists, bold/italic/underline,
 * links, quotes and tables, with undo and markdown shortcuts. It reports Lexical JSON plus plain
 * text on every change; saving is the caller's business.
 */
export function RichTextEditor({ content, text, ...surface }: RichTextEditorProps) {
  // The initial state is read once, on mount; later changes from outside go through `handle.replace`.
  const [initialConfig] = useState<InitialConfigType>(() => ({
      namespace: 'quire-memo',
      nodes: [...EDITOR_NODES],
      theme: EDITOR_THEME,
      editorState: content ?? (text ? textToContent(text) : undefined),
      onError: reportError,
  }));
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <Surface {...surface} />
    </LexicalComposer>
  );
}
