import { useId } from 'react';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CodeForm } from './CodeForm';
import { CodePage } from './CodePage';

/** The work-area tab of a code: its page, or the form of a new code (`id` null). */
export function CodeEditor({ id, parentId }: { id: string | null; parentId: string | null }) {
  const { t } = useTranslation();
  const heading = useId();
  if (id) return <CodePage id={id} />;
  return (
    <Stack gap="xs" p={16} maw={720}>
      <Title order={3} id={heading}>
        {t('code.newCode')}
      </Title>
      <CodeForm code={undefined} parentId={parentId} labelledBy={heading} />
    </Stack>
  );
}
