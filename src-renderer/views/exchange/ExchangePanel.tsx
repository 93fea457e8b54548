import { useState } from 'react';
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { attempt, useNotices } from '../../stores/notices';
import { downloadBase64 } from '../../components/download';
import { ConflictsDialog } from './ConflictsDialog';
import { MergeDialog } from './MergeDialog';

/** Exchanging work with colleagues' copies, in the Team navigator: send, merge, review. */
export function ExchangePanel() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'merge' | 'review' | null>(null);
  const conflicts = useQuery('exchange.conflicts', { status: 'open' });
  const save = (what: 'bundle' | 'copy') =>
    void attempt(async () => {
      if (what === 'bundle') {
        const file = await call('exchange.exportBundle', {});
        if (file.data !== null) downloadBase64(file.data, 'application/gzip', file.fileName);
        useNotices.getState().push('info', t('exchange.sent', { file: file.fileName, count: file.operations }));
      } else {
        const file = await call('exchange.exportCopy', {});
        if (file.data !== null) downloadBase64(file.data, 'application/vnd.sqlite3', file.fileName);
        useNotices.getState().push('info', t('exchange.copied', { file: file.fileName }));
      }
    });
  const openItems = conflicts?.length ?? 0;
  return (
    <Paper withBorder p="sm" mt="md" component="section" aria-label={t('exchange.heading')}>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('exchange.heading')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('exchange.intro')}
        </Text>
        <Button onClick={() => setOpen('merge')}>{t('exchange.merge')}</Button>
        <Button variant="light" onClick={() => save('bundle')}>
          {t('exchange.sendBundle')}
        </Button>
        <Button variant="light" onClick={() => save('copy')}>
          {t('exchange.sendCopy')}
        </Button>
        <Button variant="subtle" onClick={() => setOpen('review')}>
          {openItems > 0 ? t('exchange.review', { count: openItems }) : t('exchange.reviewEmpty')}
        </Button>
      </Stack>
      {open === 'merge' && <MergeDialog onClose={() => setOpen(null)} onMerged={(outcome) => setOpen(outcome.conflicts > 0 ? 'review' : null)} />}
      {open === 'review' && <ConflictsDialog onClose={() => setOpen(null)} />}
    </Paper>
  );
}
