import { useState } from 'react';
import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Wave } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';

interface WavesDialogProps {
  readonly onClose: () => void;
}

/** The team's waves of fieldwork: a name and the first and last day of each, saved together as one undoable change. */
export function WavesDialog({ onClose }: WavesDialogProps) {
  const saved = useQuery('waves.list', {});
  return saved ? <WavesForm initial={saved} onClose={onClose} /> : null;
}

function WavesForm({ initial, onClose }: { readonly initial: readonly Wave[]; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const [waves, setWaves] = useState<Wave[]>(initial.length > 0 ? [...initial] : [{ name: '', start: '', end: '' }]);
  const [error, setError] = useState<string | null>(null);
  const change = (i: number, patch: Partial<Wave>): void => setWaves((ws) => ws.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const save = async (): Promise<void> => {
    const kept = waves.filter((w) => w.name.trim() !== '' || w.start !== '' || w.end !== '');
    try {
      await call('waves.set', { waves: kept });
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('compare.waves.title')} size="lg">
      <Text size="sm" c="dimmed" mb="xs">
        {t('compare.waves.help')}
      </Text>
      <Stack gap="xs">
        {waves.map((w, i) => (
          <Group key={i} gap="xs" align="end" role="group" aria-label={t('compare.waves.wave', { n: i + 1 })}>
            <TextInput label={t('compare.waves.name')} value={w.name} onChange={(e) => change(i, { name: e.currentTarget.value })} style={{ flex: 1 }} />
            <TextInput label={t('compare.waves.start')} placeholder="1992-04-01" value={w.start} onChange={(e) => change(i, { start: e.currentTarget.value.trim() })} w={130} />
            <TextInput label={t('compare.waves.end')} placeholder="1992-12-31" value={w.end} onChange={(e) => change(i, { end: e.currentTarget.value.trim() })} w={130} />
            <ActionIcon variant="subtle" color="red" mb={4} aria-label={t('compare.waves.remove', { n: i + 1 })} onClick={() => setWaves((ws) => ws.filter((_, j) => j !== i))}>
              ×
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      {error && (
        <Text role="alert" c="red" size="sm" mt="xs">
          {error}
        </Text>
      )}
      <Group justify="space-between" mt="md">
        <Button variant="default" onClick={() => setWaves((ws) => [...ws, { name: '', start: '', end: '' }])}>
          {t('compare.waves.add')}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('compare.waves.cancel')}
          </Button>
          <Button onClick={() => void save()}>{t('compare.waves.save')}</Button>
        </Group>
      </Group>
    </Modal>
  );
}
