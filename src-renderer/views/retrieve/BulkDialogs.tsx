import { useMemo, useState } from 'react';
import { Button, Group, Modal, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { attempt, useNotices } from '../../stores/notices';
import { codeOptions } from './model';

interface BulkProps {
  readonly codingIds: readonly string[];
  readonly onClose: () => void;
  readonly onDone: () => void;
}

/** Moves the selected passages to another code: one undoable step. */
export function RecodeDialog({ codingIds, onClose, onDone }: BulkProps) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const choices = useMemo(() => codeOptions(codes), [codes]);
  const [codeId, setCodeId] = useState<string | null>(null);
  const count = codingIds.length;
  const run = async (): Promise<void> => {
    if (!codeId) return;
    await attempt(async () => {
      const result = await call('retrieval.recode', { codingIds: [...codingIds], codeId });
      const code = choices.find((c) => c.value === codeId)?.label ?? '';
      useNotices.getState().push('info', t('retrieve.recoded', { count: result.recoded + result.merged, code }));
      onDone();
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('retrieve.recodeTitle')}>
      <Select label={t('retrieve.recodeTo')} data={choices} value={codeId} onChange={setCodeId} searchable data-autofocus limit={200} />
      <Text size="sm" c="dimmed" mt="xs">
        {t('retrieve.recodeHelp', { count })}
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('retrieve.cancel')}
        </Button>
        <Button disabled={!codeId} onClick={() => void run()}>
          {t('retrieve.recodeConfirm', { count })}
        </Button>
      </Group>
    </Modal>
  );
}

/** Removes the selected codings (the text stays): one undoable step. */
export function UncodeDialog({ codingIds, onClose, onDone }: BulkProps) {
  const { t } = useTranslation();
  const count = codingIds.length;
  const run = async (): Promise<void> => {
    await attempt(async () => {
      const result = await call('retrieval.uncode', { codingIds: [...codingIds] });
      useNotices.getState().push('info', t('retrieve.uncoded', { count: result.removed }));
      onDone();
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('retrieve.uncodeTitle')}>
      <Text size="sm">{t('retrieve.uncodeText', { count })}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('retrieve.cancel')}
        </Button>
        <Button color="red" onClick={() => void run()}>
          {t('retrieve.uncodeConfirm')}
        </Button>
      </Group>
    </Modal>
  );
}
