import { useState } from 'react';
import { ActionIcon, Button, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PseudonymEntry } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { attempt, useNotices } from '../../stores/notices';
import { EntryDialog } from './EntryDialog';
import { LeakCheck } from './LeakCheck';

/**
 * The Pseudonyms tab: the registry of real names (people, enterprises, places) with their
 * pseudonyms, aliases and linked cases; adding, editing and removing entries (each undoable); and
 * the leak check of a file.
 */
export function PseudonymsView() {
  const { t } = useTranslation();
  const entries = useQuery('pseudonyms.list', {});
  const [editing, setEditing] = useState<PseudonymEntry | 'new' | null>(null);

  const remove = (entry: PseudonymEntry): Promise<unknown> =>
    attempt(async () => {
      await call('pseudonyms.remove', { id: entry.id });
      useNotices.getState().push('info', t('pseudonyms.removed', { name: entry.realName }));
    });

  return (
    <div style={{ padding: 'var(--mantine-spacing-md)', maxWidth: 1100 }}>
      <Group justify="space-between" align="end" mb="xs">
        <Title order={2} size="h4">
          {t('pseudonyms.heading')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('pseudonyms.add')}</Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('pseudonyms.intro')}
      </Text>
      {entries && entries.length === 0 ? (
        <Text size="sm" mb="md">
          {t('pseudonyms.empty')}
        </Text>
      ) : (
        <Table striped mb="lg" aria-label={t('pseudonyms.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('pseudonyms.kind')}</Table.Th>
              <Table.Th>{t('pseudonyms.realName')}</Table.Th>
              <Table.Th>{t('pseudonyms.pseudonym')}</Table.Th>
              <Table.Th>{t('pseudonyms.aliases')}</Table.Th>
              <Table.Th>{t('pseudonyms.case')}</Table.Th>
              <Table.Th>{t('pseudonyms.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(entries ?? []).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{t(`pseudonyms.kinds.${e.kind}`)}</Table.Td>
                <Table.Td>{e.realName}</Table.Td>
                <Table.Td>{e.pseudonym}</Table.Td>
                <Table.Td>{e.aliases.join(', ')}</Table.Td>
                <Table.Td>{e.caseName ?? ''}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('pseudonyms.edit', { name: e.realName })}>
                      <ActionIcon variant="subtle" onClick={() => setEditing(e)} aria-label={t('pseudonyms.edit', { name: e.realName })}>
                        ✎
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('pseudonyms.remove', { name: e.realName })}>
                      <ActionIcon variant="subtle" color="red" onClick={() => void remove(e)} aria-label={t('pseudonyms.remove', { name: e.realName })}>
                        ✕
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <LeakCheck />
      {editing !== null && <EntryDialog entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
