import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { cancelStaging } from './actions';
import { useImport } from './store';
import { dialogStart, refocusLater } from './focus';

/** Which file is being read, of how many, and a way to stop. */
export function StagingProgress() {
  const { t } = useTranslation();
  const progress = useImport((s) => s.progress);
  if (!progress) return null;
  const label = t('import.reading', { current: progress.done + 1, total: progress.total, name: progress.name });
  return (
    <Group gap="sm" align="flex-end" wrap="nowrap">
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" truncate="end" aria-live="polite">
          {label}
        </Text>
        {/* The bar carries the numbers itself; Mantine's own section aria would say only a percentage. */}
        <Progress.Root
          size="lg"
          role="progressbar"
          aria-label={t('import.progress')}
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.done}
          aria-valuetext={label}
        >
          <Progress.Section value={(progress.done / progress.total) * 100} withAria={false} animated />
        </Progress.Root>
      </Stack>
      {/* Named apart from the dialog's own Cancel, which closes it; the visible word starts the name. */}
      <Button
        variant="default"
        onClick={(event) => {
          refocusLater(dialogStart(event.currentTarget));
          cancelStaging();
        }}
        aria-label={t('import.cancelReadingLabel')}>
        {t('import.cancelReading')}
      </Button>
    </Group>
  );
}
