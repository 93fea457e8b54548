import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useData } from '../../stores/data';

/** Where a code stands: its counts and its place in the codebook. */
export function CodeSummary({ id }: { id: string }) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const code = codes.find((c) => c.id === id);
  if (!code) return null;
  const path: string[] = [];
  for (let at = code.parentId; at; at = codes.find((c) => c.id === at)?.parentId ?? null) path.unshift(codes.find((c) => c.id === at)?.name ?? '');
  return (
    <Stack gap={4}>
      <Title order={4}>{code.name}</Title>
      {path.length > 0 && (
        <Text size="xs" c="dimmed">
          {path.join(' › ')}
        </Text>
      )}
      <Text size="sm">{t('nav.codingsCount', { count: code.codingCount })}</Text>
      <Text size="sm">{t('nav.documentsCount', { count: code.documentCount })}</Text>
    </Stack>
  );
}
