import { useRef } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACCEPTED_FILES } from './model';
import { addFiles } from './actions';

/**
 * Choosing files: a real file input, kept out of sight (not out of the accessibility tree) and
 * opened by a button, since a native input's look cannot be styled or translated.
 */
export function FilePicker({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Group gap="sm" wrap="nowrap">
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        aria-label={t('import.files')}
        className="visually-hidden"
        tabIndex={-1}
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Cleared so choosing the same file again (after leaving it out) still fires a change.
          event.currentTarget.value = '';
          if (files.length > 0) void addFiles(files);
        }}
      />
      <Button onClick={() => input.current?.click()} disabled={disabled} data-autofocus style={{ flex: 'none' }}>
        {t('import.chooseFiles')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('import.dropHint')}
      </Text>
    </Group>
  );
}
