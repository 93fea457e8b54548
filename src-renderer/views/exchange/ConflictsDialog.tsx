import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MergeConflict } from '../../../src-shared/contract/exchange';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { attempt } from '../../stores/notices';

const shown = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** The review list: what merges decided, with the kept and the set-aside value, to accept or reverse. */
export function ConflictsDialog({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const conflicts = useQuery('exchange.conflicts', { status: 'open' });
  const resolve = (conflict: MergeConflict, choice: 'keep' | 'useOther') => void attempt(() => call('exchange.resolveConflict', { id: conflict.id, choice }));
  const name = (c: MergeConflict): string => c.label || t(`exchange.tables.${c.table}`, { defaultValue: c.table });
  return (
    <Modal opened onClose={onClose} title={t('exchange.reviewTitle')} size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('exchange.reviewIntro')}
        </Text>
        {conflicts && conflicts.length === 0 && <Text size="sm">{t('exchange.nothingToReview')}</Text>}
        {conflicts && conflicts.length > 0 && (
          <Table aria-label={t('exchange.table')} withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('exchange.kindColumn')}</Table.Th>
                <Table.Th>{t('exchange.record')}</Table.Th>
                <Table.Th>{t('exchange.field')}</Table.Th>
                <Table.Th>{t('exchange.kept')}</Table.Th>
                <Table.Th>{t('exchange.other')}</Table.Th>
                <Table.Th>{t('exchange.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conflicts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{t(`exchange.kinds.${c.kind}`)}</Table.Td>
                  <Table.Td>
                    {t(`exchange.tables.${c.table}`, { defaultValue: c.table })}
                    {c.label ? `: ${c.label}` : ''}
                  </Table.Td>
                  <Table.Td>{c.field ?? ''}</Table.Td>
                  <Table.Td>{c.field ? shown(c.kept) : ''}</Table.Td>
                  <Table.Td>{c.field ? shown(c.other) : ''}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="light" aria-label={t('exchange.keepLabel', { name: name(c) })} onClick={() => resolve(c, 'keep')}>
                        {t('exchange.keep')}
                      </Button>
                      {c.field !== null && c.other !== null && (c.kind === 'both_edited' || c.kind === 'document_edited_both') && (
                        <Button size="compact-xs" variant="subtle" aria-label={t('exchange.useOtherLabel', { name: name(c) })} onClick={() => resolve(c, 'useOther')}>
                          {t('exchange.useOther')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('exchange.close')}
        </Button>
      </Group>
    </Modal>
  );
}
