import { useState } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { applyPattern } from './actions';
import { useImport } from './store';
import { ManifestField } from './ManifestField';

/** Where the rows' details come from: a filename pattern and/or a manifest. */
export function SuggestFields() {
  const { t } = useTranslation();
  const applied = useImport((s) => s.pattern);
  const error = useImport((s) => s.patternError);
  const [pattern, setPattern] = useState(applied);
  return (
    <Group align="flex-start" gap="lg" wrap="wrap">
      <form
        style={{ flex: '2 1 420px' }}
        onSubmit={(event) => {
          event.preventDefault();
          void applyPattern(pattern);
        }}
      >
        <TextInput
          label={t('import.pattern')}
          description={t('import.patternHint')}
          placeholder="{enterprise}_{date}_{kind}_{informant}"
          value={pattern}
          onChange={(e) => setPattern(e.currentTarget.value)}
          error={error}
          spellCheck={false}
          inputContainer={(field) => (
            <Group gap="xs" wrap="nowrap">
              <div style={{ flex: 1 }}>{field}</div>
              <Button type="submit" variant="default">
                {t('import.applyPattern')}
              </Button>
            </Group>
          )}
        />
      </form>
      <ManifestField />
    </Group>
  );
}
