import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { attempt, useNotices } from '../../stores/notices';
import { draftToQuery, queryToDraft } from './model';
import { useRetrieve } from './store';

/** Load a saved query into the builder, save the current one under a name, delete one. */
export function SavedQueries() {
  const { t } = useTranslation();
  const saved = useQuery('retrieval.saved', {}) ?? [];
  const draft = useRetrieve((s) => s.draft);
  const savedId = useRetrieve((s) => s.savedId);
  const [naming, setNaming] = useState<string | null>(null);
  const query = draftToQuery(draft);
  const current = saved.find((q) => q.id === savedId) ?? null;

  const save = async (): Promise<void> => {
    const name = naming?.trim();
    if (!name || !query) return;
    await attempt(async () => {
      const result = await call('retrieval.save', { name, query });
      useRetrieve.getState().load(queryToDraft(result.query), result.id);
      useNotices.getState().push('info', t('retrieve.savedAs', { name: result.name }));
      setNaming(null);
    });
  };

  const remove = async (): Promise<void> => {
    if (!current) return;
    await attempt(async () => {
      await call('retrieval.deleteSaved', { id: current.id });
      useRetrieve.setState({ savedId: null });
      useNotices.getState().push('info', t('retrieve.deletedSaved', { name: current.name }));
    });
  };

  return (
    <Group gap="xs" align="end" wrap="nowrap">
      <Select
        label={t('retrieve.saved')}
        placeholder={saved.length === 0 ? t('retrieve.noSaved') : t('retrieve.savedPlaceholder')}
        data={saved.map((q) => ({ value: q.id, label: q.name }))}
        value={current?.id ?? null}
        disabled={saved.length === 0}
        onChange={(id) => {
          const chosen = saved.find((q) => q.id === id);
          if (chosen) useRetrieve.getState().load(queryToDraft(chosen.query), chosen.id);
        }}
        searchable
        style={{ width: 240 }}
      />
      <Tooltip label={t('retrieve.deleteSaved')}>
        <ActionIcon variant="subtle" color="red" mb={4} disabled={!current} onClick={() => void remove()} aria-label={t('retrieve.deleteSaved')}>
          ✕
        </ActionIcon>
      </Tooltip>
      <Button size="sm" variant="default" disabled={!query} onClick={() => setNaming(current?.name ?? '')}>
        {t('retrieve.save')}
      </Button>
      <Modal opened={naming !== null} onClose={() => setNaming(null)} title={t('retrieve.saveTitle')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <TextInput label={t('retrieve.name')} value={naming ?? ''} onChange={(e) => setNaming(e.currentTarget.value)} data-autofocus />
          <Text size="xs" c="dimmed" mt={4}>
            {t('retrieve.saveHelp')}
          </Text>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setNaming(null)}>
              {t('retrieve.cancel')}
            </Button>
            <Button type="submit" disabled={!naming?.trim()}>
              {t('retrieve.saveConfirm')}
            </Button>
          </Group>
        </form>
      </Modal>
    </Group>
  );
}
