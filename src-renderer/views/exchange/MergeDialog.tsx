import { useRef, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MergeOutcome } from '../../../src-shared/contract/exchange';
import { toBase64 } from '../../api/base64';
import { call } from '../../api/client';
import { attempt, useNotices } from '../../stores/notices';
import { formatNumber } from '../../i18n';
import { HiddenFileInput } from '../../components/HiddenFileInput';

interface Chosen {
  readonly name: string;
  readonly data: string;
  readonly preview: MergeOutcome;
}

/**
 * "Merge a colleague's work": choose their copy or bundle, see what it brings (new codings,
 * codes, documents, memos, and what needs review) before anything changes, then merge — one
 * step that can be undone, after an automatic backup. The file travels as an upload, so the
 * browser edition and the desktop work alike.
 */
export function MergeDialog({ onClose, onMerged }: { readonly onClose: () => void; readonly onMerged: (outcome: MergeOutcome) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const read = async (file: File): Promise<void> => {
    setChosen(null);
    setBusy(t('exchange.reading', { file: file.name }));
    try {
      await attempt(async () => {
        const data = toBase64(new Uint8Array(await file.arrayBuffer()));
        setChosen({ name: file.name, data, preview: await call('exchange.preview', { data }) });
      });
    } finally {
      setBusy(null);
    }
  };

  const merge = async (): Promise<void> => {
    if (!chosen) return;
    setBusy(t('exchange.merging'));
    try {
      await attempt(async () => {
        const outcome = await call('exchange.merge', { data: chosen.data });
        useNotices.getState().push('info', t('exchange.merged', { name: outcome.from, codings: outcome.added.codings, conflicts: outcome.conflicts }));
        onMerged(outcome);
      });
    } finally {
      setBusy(null);
    }
  };

  const preview = chosen?.preview;
  const rows: [string, number][] = preview
    ? [
        [t('exchange.counts.codings'), preview.added.codings],
        [t('exchange.counts.codes'), preview.added.codes],
        [t('exchange.counts.documents'), preview.added.documents],
        [t('exchange.counts.memos'), preview.added.memos],
        [t('exchange.counts.other'), preview.added.other],
        [t('exchange.counts.conflicts'), preview.conflicts],
        [t('exchange.counts.alreadyHere'), preview.alreadyHere],
      ]
    : [];
  return (
    <Modal opened onClose={onClose} title={t('exchange.mergeTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('exchange.mergeIntro')}
        </Text>
        <HiddenFileInput inputRef={input} label={t('exchange.file')} accept=".quire,.quirebundle" onFiles={([file]) => void read(file!)} />
        <Group>
          <Button onClick={() => input.current?.click()} disabled={busy !== null} data-autofocus>
            {t('exchange.choose')}
          </Button>
          {busy && (
            <Text size="sm" role="status">
              {busy}
            </Text>
          )}
        </Group>
        {chosen && preview && (
          <>
            <Text size="sm" fw={600}>
              {preview.from ? t('exchange.from', { file: chosen.name, name: preview.from }) : t('exchange.fromUnknown', { file: chosen.name })}
            </Text>
            {preview.operations === 0 ? (
              <Alert color="gray">{t('exchange.nothingNew')}</Alert>
            ) : (
              <>
                <Table aria-label={t('exchange.willBring')} withTableBorder striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('exchange.what')}</Table.Th>
                      <Table.Th ta="right">{t('exchange.count')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map(([label, count]) => (
                      <Table.Tr key={label}>
                        <Table.Td>{label}</Table.Td>
                        <Table.Td ta="right">{formatNumber(count)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Text size="xs" c="dimmed">
                  {t('exchange.backupNote')}
                </Text>
              </>
            )}
          </>
        )}
      </Stack>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('exchange.cancel')}
        </Button>
        <Button onClick={() => void merge()} disabled={!preview || preview.operations === 0 || busy !== null} loading={busy === t('exchange.merging')}>
          {t('exchange.doMerge')}
        </Button>
      </Group>
    </Modal>
  );
}
