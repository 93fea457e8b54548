import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { openImport } from './actions';

/** Opens the import dialog from the documents navigator. */
export function ImportButton() {
  const { t } = useTranslation();
  return (
    <Group>
      <Button size="compact-sm" variant="subtle" onClick={() => openImport()}>
        {t('import.command')}
      </Button>
    </Group>
  );
}
