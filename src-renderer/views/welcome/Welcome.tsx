import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Group, List, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { attempt } from '../../stores/notices';
import { dialogs } from '../../api/client';
import { LanguageSwitch } from '../../components/LanguageSwitch';

type Form = { readonly mode: 'open' | 'create' } | null;

function WhoAmI() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const setActorName = useSession((s) => s.setActorName);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) void attempt(() => setActorName(name.trim()));
  };
  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} aria-labelledby="who-title">
      <Title order={3} id="who-title">
        {t('who.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('who.hint')}
      </Text>
      <Group align="end">
        <TextInput label={t('who.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} autoFocus required />
        <Button type="submit">{t('who.save')}</Button>
      </Group>
    </Paper>
  );
}

function PathForm({ mode, onCancel }: { mode: 'open' | 'create'; onCancel: () => void }) {
  const { t } = useTranslation();
  const { openProject, createProject } = useSession();
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void attempt(() => (mode === 'open' ? openProject(path.trim()) : createProject(path.trim(), name.trim() || path.trim())));
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('welcome.path')} description={t('welcome.pathHint')} value={path} onChange={(e) => setPath(e.currentTarget.value)} required autoFocus />
        {mode === 'create' && <TextInput label={t('welcome.projectName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />}
        <Group>
          <Button type="submit">{t(mode === 'open' ? 'welcome.open' : 'welcome.create')}</Button>
          <Button variant="default" onClick={onCancel}>
            {t('welcome.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The first screen: who works here, then the sample project, a recent project, or a new one. */
export function Welcome() {
  const { t } = useTranslation();
  const { settings, opening, openSample, openProject, createProject } = useSession();
  const [form, setForm] = useState<Form>(null);
  const native = dialogs();

  const choose = (mode: 'open' | 'create') => {
    if (!native) return setForm({ mode });
    void attempt(async () => {
      const path = mode === 'open' ? await native.openProject() : await native.saveProject('study.quire');
      if (path) await (mode === 'open' ? openProject(path) : createProject(path, path.replace(/^.*[\\/]/, '').replace(/\.quire$/i, '')));
    });
  };

  return (
    <main className="welcome">
      <Group justify="space-between" mb="lg">
        <div>
          <Title order={1}>{t('welcome.title')}</Title>
          <Text c="dimmed">{t('app.tagline')}</Text>
        </div>
        <LanguageSwitch />
      </Group>
      {!settings?.actorName ? (
        <WhoAmI />
      ) : (
        <Stack>
          <Group>
            <Button size="sm" loading={opening} onClick={() => void attempt(openSample)}>
              {t('welcome.openSample')}
            </Button>
            <Button size="sm" variant="default" onClick={() => choose('open')}>
              {t('welcome.openProject')}
            </Button>
            <Button size="sm" variant="default" onClick={() => choose('create')}>
              {t('welcome.createProject')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {opening ? t('welcome.preparingSample') : t('welcome.openSampleHint')}
          </Text>
          {form && <PathForm mode={form.mode} onCancel={() => setForm(null)} />}
          <section aria-labelledby="recent-title">
            <Title order={4} id="recent-title" mt="md">
              {t('welcome.recent')}
            </Title>
            {settings.recentProjects.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('welcome.noRecent')}
              </Text>
            ) : (
              <List listStyleType="none" spacing={2}>
                {settings.recentProjects.map((p) => (
                  <List.Item key={p.path}>
                    <UnstyledButton onClick={() => void attempt(() => openProject(p.path))} aria-label={`${t('welcome.open')} ${p.name}`}>
                      <Text size="sm" fw={600} component="span">
                        {p.name}
                      </Text>{' '}
                      <Text size="xs" c="dimmed" component="span">
                        {p.path}
                      </Text>
                    </UnstyledButton>
                  </List.Item>
                ))}
              </List>
            )}
          </section>
        </Stack>
      )}
    </main>
  );
}
