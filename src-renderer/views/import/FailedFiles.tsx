import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportFailure } from '../../../src-shared/contract/imports';
import { useImport } from './store';

/** Files that could not be read (or were skipped), each with the reason in plain words. */
export function FailureList({ title, failures }: { title: string; failures: readonly ImportFailure[] }) {
  if (failures.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-label={title}>
      <Title order={5}>{title}</Title>
      <List size="sm" spacing={2}>
        {failures.map((f, i) => (
          <List.Item key={`${f.fileName}-${i}`} icon={<span aria-hidden>⚠</span>}>
            <Text span fw={600} size="sm">
              {f.fileName}
            </Text>
            : {f.reason}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function FailedFiles() {
  const { t } = useTranslation();
  const failures = useImport((s) => s.failures);
  return <FailureList title={t('import.failed')} failures={failures} />;
}
