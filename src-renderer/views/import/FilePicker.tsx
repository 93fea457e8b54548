import { useRef } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACCEPTED_FILES } from './model';
import { addFiles } from './actions';
import { HiddenFileInput } from '../../components/HiddenFileInput';

/** Choosing files to import: several at once, or dropped on the dialog. */
export function FilePicker({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Group gap="sm" wrap="nowrap">
      <HiddenFileInput inputRef={input} label={t('import.files')} accept={ACCEPTED_FILES} multiple disabled={disabled} onFiles={(files) => void addFiles(files)} />
      <Button onClick={() => input.current?.click()} disabled={disabled} data-autofocus style={{ flex: 'none' }}>
        {t('import.chooseFiles')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('import.dropHint')}
      </Text>
    </Group>
  );
}
