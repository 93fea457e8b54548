import { useState } from 'react';
import { Modal, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../src-shared/model/entities';
import { renameCode } from './actions';
import { DialogButtons } from './DialogButtons';

export function RenameDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(code.name);
  return (
    <Modal opened onClose={onClose} title={t('codebook.renameTitle', { name: code.name })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void renameCode(code.id, name.trim()).then((done) => done && onClose());
        }}
      >
        <TextInput label={t('codebook.newName')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus required />
        <DialogButtons action={t('codebook.renameButton')} onCancel={onClose} disabled={name.trim() === '' || name.trim() === code.name} />
      </form>
    </Modal>
  );
}
