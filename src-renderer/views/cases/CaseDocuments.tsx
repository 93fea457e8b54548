import { useMemo } from 'react';
import { List, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';

/** The documents linked to a case. */
export function CaseDocuments({ id }: { id: string }) {
  const { t } = useTranslation();
  const all = useData((s) => s.documents);
  const documents = useMemo(() => all.filter((d) => d.caseIds.includes(id)), [all, id]);
  const open = useUi((s) => s.open);
  return (
    <Stack gap={4}>
      <Title order={4}>{t('cases.documents')}</Title>
      <Text size="xs" c="dimmed">
        {t('nav.documentsCount', { count: documents.length })}
      </Text>
      <List listStyleType="none" spacing={2}>
        {documents.map((d) => (
          <List.Item key={d.id}>
            <UnstyledButton onClick={() => open({ kind: 'document', id: d.id })}>
              <Text size="sm">{d.title}</Text>
            </UnstyledButton>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
