import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Group, Paper, SegmentedControl, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Meeting, MinutesFormat, MinutesLanguage } from '../../../src-shared/contract';
import { fromBase64 } from '../../api/base64';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { attempt, useNotices } from '../../stores/notices';
import { download } from '../../components/download';

/**
 * The minutes: generated from the meeting (in English or Russian) until someone edits them; edited
 * minutes are kept as written (Markdown) and can go back to generated ones. Saved as Markdown or Word.
 */
export function MinutesPanel({ meeting }: { readonly meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<MinutesLanguage>(i18n.language === 'ru' ? 'ru' : 'en');
  const minutes = useQuery('meetings.minutes', { id: meeting.id, language });
  const [text, setText] = useState('');
  const dirty = useRef(false);
  // Generated minutes follow the meeting as decisions are taken; typing stops that until saved.
  useEffect(() => {
    if (minutes && !dirty.current) setText(minutes.content);
  }, [minutes]);

  const save = (value: string | null): Promise<unknown> =>
    attempt(async () => {
      await call('meetings.update', { id: meeting.id, minutes: value });
      dirty.current = false;
      useNotices.getState().push('info', t(value === null ? 'meetings.minutes.regenerated' : 'meetings.minutes.saved'));
    });
  const exportAs = (format: MinutesFormat): Promise<unknown> =>
    attempt(async () => {
      if (dirty.current) await save(text);
      // A file leaves the team: pseudonyms in, and the leak check before it is saved.
      const file = await call('meetings.minutes', { id: meeting.id, format, language, pseudonyms: true });
      const body = file.encoding === 'base64' ? fromBase64(file.content) : file.content;
      download(new Blob([body], { type: file.mimeType }), file.fileName);
      useNotices.getState().push('info', t('meetings.minutes.exported', { file: file.fileName }));
    });

  return (
    <Paper withBorder p="md" mt="md">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={4} size="h5">
            {t('meetings.minutes.heading')}
          </Title>
          <Badge variant="light" color={minutes?.edited ? 'blue' : 'gray'}>
            {t(minutes?.edited ? 'meetings.minutes.edited' : 'meetings.minutes.generated')}
          </Badge>
        </Group>
        <SegmentedControl
          aria-label={t('meetings.minutes.language')}
          size="xs"
          value={language}
          onChange={(v) => setLanguage(v as MinutesLanguage)}
          data={[
            { value: 'en', label: 'English' },
            { value: 'ru', label: 'Русский' },
          ]}
          disabled={minutes?.edited}
        />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('meetings.minutes.hint')}
      </Text>
      <Textarea
        aria-label={t('meetings.minutes.text')}
        value={text}
        onChange={(e) => {
          dirty.current = true;
          setText(e.currentTarget.value);
        }}
        autosize
        minRows={8}
        maxRows={30}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      />
      <Group justify="space-between" mt="sm">
        <Group gap="xs">
          <Button onClick={() => void save(text)}>{t('meetings.minutes.save')}</Button>
          <Button
            variant="default"
            disabled={!minutes?.edited}
            onClick={() => {
              dirty.current = false;
              void save(null);
            }}
          >
            {t('meetings.minutes.regenerate')}
          </Button>
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={() => void exportAs('markdown')}>
            {t('meetings.minutes.markdown')}
          </Button>
          <Button variant="default" onClick={() => void exportAs('docx')}>
            {t('meetings.minutes.docx')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
