import { useMemo, useState } from 'react';
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../src-shared/model/entities';
import { useData } from '../../stores/data';
import { moveCode } from './actions';
import { CodePicker } from './CodePicker';
import { DialogButtons } from './DialogButtons';
import { descendantIds } from './tree';

/** "Move to…": the keyboard's way to nest a code, where a mouse would drag it. */
export function MoveDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  // Its own subtree is not offered at all, so an impossible move cannot be chosen.
  const exclude = useMemo(() => new Set([code.id, ...descendantIds(codes, code.id)]), [codes, code.id]);
  const [parentId, setParentId] = useState<string | null>(code.parentId);
  return (
    <Modal opened onClose={onClose} title={t('codebook.moveTitle', { name: code.name })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void moveCode({ id: code.id, parentId, beforeId: null }).then((done) => done && onClose());
        }}
      >
        <CodePicker label={t('codebook.moveInto')} value={parentId} onChange={setParentId} exclude={exclude} topLevel autoFocus />
        <DialogButtons action={t('codebook.moveButton')} onCancel={onClose} disabled={parentId === code.parentId} />
      </form>
    </Modal>
  );
}
