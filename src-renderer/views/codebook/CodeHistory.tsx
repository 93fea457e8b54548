import { useId, useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CodeHistoryEntry, CodeHistoryFormat } from '../../../src-shared/contract/codebook-history';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { attempt, useNotices } from '../../stores/notices';
import { downloadBase64 } from '../../components/download';
import { formatWhen } from '../memos/format';
import { openMeeting } from '../meetings/open';
import { operationSummary } from '../../i18n/summary-text';

/** Changes shown before "Show all": the recent ones are what a team discusses. */
const FIRST = 10;

function FieldChanges({ entry }: { entry: CodeHistoryEntry }) {
  const { t } = useTranslation();
  const value = (v: string | null) => (v === null || v === '' ? <Text span c="dimmed" size="sm">{t('codeHistory.emptyValue')}</Text> : <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>{v}</Text>);
  if (entry.fields.length === 0) return null;
  return (
    <Table withTableBorder striped verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="20%">{t('codeHistory.field')}</Table.Th>
          {entry.action !== 'created' && <Table.Th>{t('codeHistory.before')}</Table.Th>}
          <Table.Th>{t('codeHistory.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entry.fields.map((f) => (
          <Table.Tr key={f.field}>
            <Table.Td>{t(`codeHistory.fields.${f.field}`)}</Table.Td>
            {entry.action !== 'created' && <Table.Td>{value(f.before)}</Table.Td>}
            <Table.Td>{value(f.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Entry({ entry }: { entry: CodeHistoryEntry }) {
  const { t, i18n } = useTranslation();
  const heading = useId();
  const action = t(`codeHistory.actions.${entry.action}`, { other: entry.otherCodeName ?? '' });
  const codings = entry.codings > 0 ? ` (${t('codeHistory.codings', { count: entry.codings })})` : '';
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(iso));
  const { meeting } = entry;
  return (
    <li aria-labelledby={heading}>
      <Stack gap={4}>
        <Text size="sm" fw={600} id={heading}>
          {t('codeHistory.entry', { action: action + codings, when: formatWhen(entry.at, i18n.language), who: entry.actorName || '—' })}
        </Text>
        {meeting &&
          (meeting.exists ? (
            // The decision's meeting opens in the Meetings tab, with its agenda and minutes.
            <Anchor component="button" type="button" size="sm" ta="left" onClick={() => openMeeting(meeting.id)}>
              {t('codeHistory.meeting', { title: meeting.title || meeting.team, date: date(meeting.heldAt) })}
            </Anchor>
          ) : (
            <Text size="sm">{t('codeHistory.meetingGone', { title: meeting.title || meeting.team, date: date(meeting.heldAt) })}</Text>
          ))}
        <Text size="sm" c="dimmed">
          {t('codeHistory.why')}: {meeting?.note.trim() ? entry.reason : operationSummary(t, entry)}
        </Text>
        <FieldChanges entry={entry} />
      </Stack>
    </li>
  );
}

/** A code's history: every change with who, when and why (the meeting, when it came from one), newest first. */
export function CodeHistory({ codeId }: { codeId: string }) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const history = useQuery('codebook.history', { codeId });
  const save = (format: CodeHistoryFormat) =>
    attempt(async () => {
      const file = await call('export.codebookHistory', { format, codeId, language: i18n.language === 'ru' ? 'ru' : 'en' });
      if (file.data !== null) downloadBase64(file.data, file.mimeType, file.fileName);
      useNotices.getState().push('info', t('codeHistory.exported', { file: file.fileName }));
    });
  if (!history) return null;
  const shown = all ? history : history.slice(0, FIRST);
  return (
    <section aria-label={t('codeHistory.title')}>
      <Group justify="space-between" mb={6}>
        <Title order={4}>{t('codeHistory.title')}</Title>
        <Group gap={6}>
          <Button size="xs" variant="default" onClick={() => void save('csv')}>
            {t('codeHistory.exportCsv')}
          </Button>
          <Button size="xs" variant="default" onClick={() => void save('md')}>
            {t('codeHistory.exportMarkdown')}
          </Button>
        </Group>
      </Group>
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('codeHistory.empty')}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((e) => (
            <Entry key={`${e.seq}:${e.action}`} entry={e} />
          ))}
        </Stack>
      )}
      {!all && history.length > FIRST && (
        <Button size="xs" variant="subtle" mt={6} onClick={() => setAll(true)}>
          {t('codeHistory.showAll', { count: history.length })}
        </Button>
      )}
    </section>
  );
}
