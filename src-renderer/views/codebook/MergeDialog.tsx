import { useMemo, useState } from 'react';
import { Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../src-shared/model/entities';
import { useData } from '../../stores/data';
import { mergeCode } from './actions';
import { CodePicker } from './CodePicker';
import { DialogButtons } from './DialogButtons';
import { descendantIds } from './tree';

export function MergeDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  // The core refuses merging a code into its own sub-code; do not offer those.
  const exclude = useMemo(() => new Set([code.id, ...descendantIds(codes, code.id)]), [codes, code.id]);
  const [targetId, setTargetId] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('codebook.mergeTitle', { name: code.name })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (targetId) void mergeCode(code.id, targetId).then((done) => done && onClose());
        }}
      >
        <CodePicker label={t('codebook.mergeTarget')} value={targetId} onChange={setTargetId} exclude={exclude} autoFocus />
        <Text size="sm" mt="sm">
          {t('codebook.mergeExplain', { count: code.codingCount, name: code.name })}
        </Text>
        <DialogButtons action={t('codebook.mergeButton')} onCancel={onClose} disabled={targetId === null} />
      </form>
    </Modal>
  );
}
