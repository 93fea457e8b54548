import { useState } from 'react';
import { Button, Group, Modal, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { attempt, useNotices } from '../../stores/notices';
import { MeetingDetail } from './MeetingDetail';
import { MeetingDialog } from './MeetingDialog';
import { Presenter } from './Presenter';
import { meetingDay } from './model';
import { useMeetings } from './store';

const nameOf = (m: MeetingSummary): string => m.title || m.team;

/**
 * The Meetings tab: the project's meetings (newest first) with how many agenda items were decided,
 * planning, changing and deleting a meeting, and the meeting chosen with its agenda and minutes.
 */
export function MeetingsView() {
  const { t, i18n } = useTranslation();
  const meetings = useQuery('meetings.list', {});
  const { selectedId, select, presenter } = useMeetings();
  const [planning, setPlanning] = useState(false);
  const [deleting, setDeleting] = useState<MeetingSummary | null>(null);
  const selected = meetings?.find((m) => m.id === selectedId) ?? null;

  const remove = (meeting: MeetingSummary): Promise<unknown> =>
    attempt(async () => {
      await call('meetings.remove', { id: meeting.id });
      if (selectedId === meeting.id) select(null);
      useNotices.getState().push('info', t('meetings.deleted', { name: nameOf(meeting) }));
    });

  return (
    <div style={{ padding: 'var(--mantine-spacing-md)', maxWidth: 1400 }}>
      <Group justify="space-between" align="end" mb="xs">
        <Title order={2} size="h4">
          {t('meetings.heading')}
        </Title>
        <Button onClick={() => setPlanning(true)}>{t('meetings.new')}</Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('meetings.intro')}
      </Text>
      {meetings && meetings.length === 0 ? (
        <Text size="sm" mb="md">
          {t('meetings.empty')}
        </Text>
      ) : (
        <Table mb="lg" highlightOnHover aria-label={t('meetings.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('meetings.date')}</Table.Th>
              <Table.Th>{t('meetings.team')}</Table.Th>
              <Table.Th>{t('meetings.titleField')}</Table.Th>
              <Table.Th>{t('meetings.decided')}</Table.Th>
              <Table.Th>{t('meetings.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(meetings ?? []).map((m) => (
              <Table.Tr key={m.id} bg={m.id === selectedId ? 'var(--mantine-primary-color-light)' : undefined} aria-current={m.id === selectedId || undefined}>
                <Table.Td>{meetingDay(m.heldAt, i18n.language)}</Table.Td>
                <Table.Td>{m.team}</Table.Td>
                <Table.Td>
                  <UnstyledButton onClick={() => select(m.id)} aria-label={t('meetings.open', { name: nameOf(m) })} style={{ textDecoration: 'underline' }}>
                    {m.title || t('meetings.untitled')}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>{t('meetings.decidedCount', { decided: m.decidedCount, count: m.itemCount })}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(m)} aria-label={t('meetings.delete', { name: nameOf(m) })}>
                    {t('meetings.deleteShort')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {selected && <MeetingDetail key={selected.id} id={selected.id} onDelete={() => setDeleting(selected)} />}
      {planning && (
        <MeetingDialog
          meeting={null}
          onClose={(saved) => {
            setPlanning(false);
            if (saved) select(saved.id);
          }}
        />
      )}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('meetings.deleteTitle')}>
        <Text size="sm">{deleting && t('meetings.deleteConfirm', { name: nameOf(deleting), date: meetingDay(deleting.heldAt, i18n.language), count: deleting.itemCount })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
            {t('meetings.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              const meeting = deleting;
              setDeleting(null);
              if (meeting) void remove(meeting);
            }}
          >
            {t('meetings.deleteShort')}
          </Button>
        </Group>
      </Modal>
      {presenter && <Presenter />}
    </div>
  );
}
