import { useState } from 'react';
import { Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { AgendaEditor } from './AgendaEditor';
import { AgendaProposal } from './AgendaProposal';
import { MeetingDialog } from './MeetingDialog';
import { MinutesPanel } from './MinutesPanel';
import { meetingDay } from './model';
import { useMeetings } from './store';

/** One meeting: its details, the agenda beside what is new since the last meeting, and the minutes. */
export function MeetingDetail({ id, onDelete }: { readonly id: string; readonly onDelete: () => void }) {
  const { t, i18n } = useTranslation();
  const meeting = useQuery('meetings.get', { id });
  const present = useMeetings((s) => s.present);
  const [editing, setEditing] = useState(false);
  if (!meeting) return null;
  const name = meeting.title || meeting.team;
  return (
    <section aria-label={t('meetings.meeting', { name })}>
      <Paper withBorder p="md" mb="md">
        <Group justify="space-between" align="start">
          <div>
            <Title order={3} size="h4">
              {meeting.title || t('meetings.untitled')}
            </Title>
            <Text size="sm">
              {meeting.team} · {meetingDay(meeting.heldAt, i18n.language)}
            </Text>
            <Text size="sm" c="dimmed">
              {meeting.attendees.length > 0 ? t('meetings.attendeesList', { names: meeting.attendees.map((a) => a.name).join(', ') }) : t('meetings.noAttendees')}
            </Text>
            <Text size="sm" c="dimmed">
              {meeting.previousHeldAt ? t('meetings.since', { date: meetingDay(meeting.previousHeldAt, i18n.language) }) : t('meetings.firstMeeting')}
            </Text>
          </div>
          <Group gap="xs">
            <Button onClick={() => present(meeting.id, 'presenting')} disabled={meeting.items.length === 0}>
              {t('meetings.present')}
            </Button>
            <Button variant="default" onClick={() => present(meeting.id, 'following')} disabled={meeting.items.length === 0}>
              {t('meetings.follow')}
            </Button>
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('meetings.edit')}
            </Button>
            <Button variant="subtle" color="red" onClick={onDelete}>
              {t('meetings.deleteShort')}
            </Button>
          </Group>
        </Group>
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <AgendaEditor meeting={meeting} />
        <AgendaProposal meeting={meeting} />
      </SimpleGrid>
      <MinutesPanel meeting={meeting} />
      {editing && <MeetingDialog meeting={meeting} onClose={() => setEditing(false)} />}
    </section>
  );
}
