import { useRef } from 'react';
import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { addManifestFile, chooseManifest } from './actions';
import { useImport } from './store';
import { HiddenFileInput } from '../../components/HiddenFileInput';

/** The manifest: a staged spreadsheet (one of the chosen files, or chosen here) naming each file's details. */
export function ManifestField() {
  const { t } = useTranslation();
  const manifests = useImport((s) => s.manifests);
  const manifestId = useImport((s) => s.manifestId);
  const error = useImport((s) => s.manifestError);
  const input = useRef<HTMLInputElement>(null);
  return (
    <div style={{ flex: '1 1 320px' }}>
      <Select
        label={t('import.manifest')}
        description={t('import.manifestHint')}
        placeholder={t('import.noManifest')}
        data={manifests.map((m) => ({ value: m.stagedId, label: m.fileName }))}
        value={manifestId}
        onChange={(id) => void chooseManifest(id)}
        clearable
        error={error}
        inputContainer={(field) => (
          <Group gap="xs" wrap="nowrap">
            <div style={{ flex: 1 }}>{field}</div>
            <Button variant="default" onClick={() => input.current?.click()}>
              {t('import.chooseManifest')}
            </Button>
          </Group>
        )}
      />
      <HiddenFileInput inputRef={input} label={t('import.manifestFile')} accept=".csv,.xlsx" onFiles={([file]) => void addManifestFile(file!)} />
    </div>
  );
}
