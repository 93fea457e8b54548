import { useMemo, useState } from 'react';
import { Alert, Autocomplete, Button, Group, Modal, MultiSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { useNotices } from '../../stores/notices';
import { localInputValue } from './model';

interface MeetingDialogProps {
  /** The meeting to edit; null plans a new one. */
  readonly meeting: Meeting | null;
  readonly onClose: (saved: Meeting | null) => void;
}

/** The next full hour from now, a likely start for a meeting planned today. */
function nextHour(): string {
  const at = new Date();
  at.setHours(at.getHours() + 1, 0, 0, 0);
  return at.toISOString();
}

/** Planning or changing a meeting: team, date and time, title, attendees (members of the project). */
export function MeetingDialog({ meeting, onClose }: MeetingDialogProps) {
  const { t } = useTranslation();
  const members = useData((s) => s.members);
  const teams = useMemo(() => [...new Set(members.map((m) => m.team).filter((x): x is string => !!x))].sort((a, b) => a.localeCompare(b)), [members]);
  const [team, setTeam] = useState(meeting?.team ?? '');
  const [when, setWhen] = useState(localInputValue(meeting?.heldAt ?? nextHour()));
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [attendeeIds, setAttendeeIds] = useState<string[]>([...(meeting?.attendeeIds ?? [])]);
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const memberOptions = useMemo(
    () => members.filter((m) => !m.archived || attendeeIds.includes(m.id)).map((m) => ({ value: m.id, label: m.team ? `${m.name} (${m.team})` : m.name })),
    [members, attendeeIds],
  );
  const whenValid = when !== '' && !Number.isNaN(new Date(when).getTime());

  const addTeam = (): void => setAttendeeIds((ids) => [...new Set([...ids, ...members.filter((m) => !m.archived && m.team === team).map((m) => m.id)])]);

  const save = async (): Promise<void> => {
    setTried(true);
    if (!team.trim() || !whenValid) return;
    setBusy(true);
    setRefusal(null);
    try {
      // The moment as the person meant it in their time zone, sent as an ISO time.
      const fields = { team, heldAt: new Date(when).toISOString(), title, attendeeIds };
      const saved = meeting ? await call('meetings.update', { id: meeting.id, ...fields }) : await call('meetings.create', fields);
      useNotices.getState().push('info', t(meeting ? 'meetings.changed' : 'meetings.planned', { team: saved.team }));
      onClose(saved);
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={() => onClose(null)} title={meeting ? t('meetings.editTitle') : t('meetings.newTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Autocomplete label={t('meetings.team')} data={teams} value={team} onChange={setTeam} error={tried && !team.trim() ? t('meetings.emptyTeam') : undefined} data-autofocus />
        <TextInput
          mt="sm"
          type="datetime-local"
          label={t('meetings.when')}
          value={when}
          onChange={(e) => setWhen(e.currentTarget.value)}
          error={tried && !whenValid ? t('meetings.badDate') : undefined}
        />
        <TextInput mt="sm" label={t('meetings.titleField')} placeholder={t('meetings.titlePlaceholder')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <MultiSelect mt="sm" label={t('meetings.attendees')} data={memberOptions} value={attendeeIds} onChange={setAttendeeIds} searchable clearable comboboxProps={{ withinPortal: true }} />
        <Button mt={4} size="compact-xs" variant="subtle" onClick={addTeam} disabled={!team.trim()}>
          {t('meetings.addTeam', { team: team.trim() || '…' })}
        </Button>
        {refusal && (
          <Alert mt="sm" color="red" role="alert">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => onClose(null)}>
            {t('meetings.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('meetings.save')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
