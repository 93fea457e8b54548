import { useState } from 'react';
import type { FormEvent } from 'react';
import { Badge, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { useSession } from '../../stores/session';
import { attempt } from '../../stores/notices';
import { useUi } from '../../stores/ui';
import { MEETINGS_TAB } from '../meetings/tab';
import { ADJUDICATE_TAB } from '../adjudicate/tab';
import { ExchangePanel } from '../exchange/ExchangePanel';

/** The team: who codes in this project, and who is working at this computer. */
export function TeamNavigator() {
  const { t } = useTranslation();
  const members = useData((s) => s.members);
  const project = useSession((s) => s.project);
  const setActorName = useSession((s) => s.setActorName);
  const [name, setName] = useState('');
  const [team, setTeam] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    void attempt(async () => {
      await call('members.create', { name: name.trim(), team: team.trim() || null });
      setName('');
      setTeam('');
    });
  };
  return (
    <div className="pane-scroll" style={{ padding: 8 }}>
      <Group justify="space-between" mb={4}>
        <Title order={5}>{t('team.title')}</Title>
        {/* The team's weekly review (views/meetings). */}
        <Button size="compact-xs" variant="light" onClick={() => useUi.getState().open(MEETINGS_TAB)}>
          {t('meetings.fromTeam')}
        </Button>
      </Group>
      <List listStyleType="none" spacing={4} mb="md" aria-label={t('team.title')}>
        {members.map((m) => (
          <List.Item key={m.id}>
            <Group gap={6} wrap="nowrap">
              <span className="swatch" style={{ background: m.color }} aria-hidden />
              <Text size="sm" fw={m.id === project?.actor.id ? 700 : 400}>
                {m.name}
              </Text>
              <Text size="xs" c="dimmed">
                {m.initials}
                {m.team ? ` · ${m.team}` : ''}
              </Text>
              {m.id === project?.actor.id ? (
                <Badge size="xs">{t('team.you')}</Badge>
              ) : (
                <Button size="compact-xs" variant="subtle" ml="auto" onClick={() => void attempt(() => setActorName(m.name))}>
                  {t('team.switchTo', { name: m.name })}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      <Paper withBorder p="sm" component="form" onSubmit={add}>
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('team.newMember')}
          </Text>
          <TextInput label={t('team.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <TextInput label={t('team.team')} value={team} onChange={(e) => setTeam(e.currentTarget.value)} />
          <Button type="submit">{t('team.add')}</Button>
        </Stack>
      </Paper>
      {/* The adjudication queue (views/adjudicate): where two members' codings disagree. */}
      <Button variant="default" fullWidth mt="md" disabled={members.length < 2} onClick={() => useUi.getState().open(ADJUDICATE_TAB)}>
        {t('adjudicate.fromTeam')}
      </Button>
      <ExchangePanel />
    </div>
  );
}
