import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Cancel and the dialog's action, in the same place in every codebook dialog. */
export function DialogButtons({ action, onCancel, disabled = false, danger = false }: { action: string; onCancel: () => void; disabled?: boolean; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onCancel}>
        {t('codebook.cancel')}
      </Button>
      <Button type="submit" color={danger ? 'red' : undefined} disabled={disabled}>
        {action}
      </Button>
    </Group>
  );
}
