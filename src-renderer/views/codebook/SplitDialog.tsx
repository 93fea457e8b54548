import { useMemo, useState } from 'react';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../src-shared/model/entities';
import { splitCodings } from './actions';
import { CodePicker } from './CodePicker';
import { DialogButtons } from './DialogButtons';

interface SplitDialogProps {
  readonly code: Code;
  /** `new`: split the chosen codings off into a new code; `move`: move them to an existing one. */
  readonly mode: 'new' | 'move';
  readonly codingIds: readonly string[];
  readonly onDone: () => void;
  readonly onClose: () => void;
}

export function SplitDialog({ code, mode, codingIds, onDone, onClose }: SplitDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  // A split-off code usually refines the one it came from, so it starts as its sub-code.
  const [parentId, setParentId] = useState<string | null>(code.id);
  const [targetId, setTargetId] = useState<string | null>(null);
  const self = useMemo(() => new Set([code.id]), [code.id]);
  const count = codingIds.length;
  const ready = mode === 'new' ? name.trim() !== '' : targetId !== null;
  return (
    <Modal opened onClose={onClose} title={t(mode === 'new' ? 'codebook.splitTitle' : 'codebook.moveCodingsTitle', { count })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const into = mode === 'new' ? { name: name.trim(), parentId } : targetId ? { codeId: targetId } : null;
          if (!into) return;
          void splitCodings(code.id, codingIds, into).then((done) => {
            if (!done) return;
            onDone();
            onClose();
          });
        }}
      >
        <Stack gap="xs">
          {mode === 'new' ? (
            <>
              <TextInput label={t('codebook.newCodeName')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus required />
              <CodePicker label={t('codebook.parent')} value={parentId} onChange={setParentId} topLevel />
            </>
          ) : (
            <CodePicker label={t('codebook.moveCodingsTarget')} value={targetId} onChange={setTargetId} exclude={self} autoFocus />
          )}
        </Stack>
        <DialogButtons action={t(mode === 'new' ? 'codebook.splitButton' : 'codebook.moveButton')} onCancel={onClose} disabled={!ready} />
      </form>
    </Modal>
  );
}
