import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Memo } from '../../../src-shared/model/entities';
import { call } from '../../api/client';
import { attempt, reportError, useNotices } from '../../stores/notices';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { RichTextEditor } from '../../components/editor/RichTextEditor';
import type { EditorHandle } from '../../components/editor/plugins';
import { createAutosaver } from './autosave';
import type { SaveState } from './autosave';
import { useMemoTitles } from './titles';

type Patch = { title?: string; content?: string; text?: string };

/** Pause in typing after which a memo is saved; see createAutosaver. */
const SAVE_DELAY_MS = 800;
const MAX_WAIT_MS = 5000;

interface Props {
  readonly memo: Memo;
  readonly autoFocus?: boolean;
  /** Hide "Open in a tab" where the memo already has the whole tab. */
  readonly inTab?: boolean;
}

/**
 * One memo open for writing. Changes are saved by themselves (one undoable operation per pause,
 * and at once on blur, unmount or when the page goes away); changes made elsewhere, such as an
 * undo in the core, are shown as soon as nothing of this editor's is waiting to be saved.
 */
export function MemoEditor({ memo, autoFocus, inTab }: Props) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(memo.title);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const handle = useRef<EditorHandle>(null);
  const known = useRef({ content: memo.content, title: memo.title });
  // The data version when our last save came back: query results no newer than that may predate it.
  const savedAtVersion = useRef(-1);
  const [saver] = useState(() =>
    createAutosaver<Patch>({
      delay: SAVE_DELAY_MS,
      maxWait: MAX_WAIT_MS,
      save: async (patch) => {
        const saved = await call('memos.update', { id: memo.id, ...patch });
        known.current = { content: saved.content, title: saved.title };
        savedAtVersion.current = useData.getState().version;
        useMemoTitles.getState().note([saved]);
      },
      onState: setSaveState,
      onError: reportError,
    }),
  );

  useEffect(() => {
    const flush = (): void => void saver.flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      flush();
    };
  }, [saver]);

  // Runs for each fresh query result (a new object each time).
  useEffect(() => {
    if (!saver.idle() || useData.getState().version <= savedAtVersion.current) return;
    if (memo.content !== known.current.content) handle.current?.replace(memo.content, memo.text);
    if (memo.title !== known.current.title) setTitle(memo.title);
    known.current = { content: memo.content, title: memo.title };
  }, [memo, saver]);

  const onChange = useCallback((content: string, text: string) => saver.change({ content, text }), [saver]);
  const onBlur = useCallback(() => void saver.flush(), [saver]);

  const remove = (): Promise<unknown> =>
    attempt(async () => {
      await saver.flush();
      await call('memos.delete', { id: memo.id });
      useNotices.getState().push('info', t('memo.deleted'));
    });

  return (
    <Stack gap={6}>
      <TextInput
        size="xs"
        label={t('memo.title')}
        value={title}
        onChange={(e) => {
          setTitle(e.currentTarget.value);
          saver.change({ title: e.currentTarget.value });
        }}
        onBlur={onBlur}
      />
      <RichTextEditor content={memo.content} text={memo.text} label={t('memo.text')} onChange={onChange} onBlur={onBlur} autoFocus={autoFocus} handle={handle} />
      <Group justify="space-between" gap={4}>
        <Text size="xs" c={saveState === 'failed' ? 'red' : 'dimmed'} aria-live="polite">
          {t(`memo.${saveState}`)}
        </Text>
        <Group gap={4}>
          {!inTab && (
            <Button size="compact-xs" variant="subtle" onClick={() => useUi.getState().open({ kind: 'memo', id: memo.id })}>
              {t('memo.openInTab')}
            </Button>
          )}
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove()}>
            {t('memo.delete')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
