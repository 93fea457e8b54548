import { useId, useState } from 'react';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useData } from '../../stores/data';
import { setArchived } from './actions';
import { CodeDialogs } from './CodeDialogs';
import type { CodeDialog } from './CodeDialogs';
import { CodeExamples } from './CodeExamples';
import { CodeForm } from './CodeForm';
import { CodeHistory } from './CodeHistory';
import { CodingsList } from './CodingsList';
import { MemoPanel } from '../memos/MemoPanel';
import { ancestry } from './tree';

/** A code's page: what it means, where it is used, and what can be done to it. */
export function CodePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const heading = useId();
  const codes = useData((s) => s.codes);
  const code = codes.find((c) => c.id === id);
  const [dialog, setDialog] = useState<CodeDialog | null>(null);
  if (!code) return null;
  const path = ancestry(codes, id);
  return (
    <Stack gap="md" p={16} maw={960}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="start">
          <Group gap={8} wrap="nowrap">
            <span className="swatch" style={{ background: code.color, width: 14, height: 14 }} aria-hidden />
            <Title order={3} id={heading}>
              {code.name}
            </Title>
            {code.archived && <Badge color="gray">{t('code.archived')}</Badge>}
          </Group>
          <Group gap={6} wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'merge', codeId: id })}>
              {t('codebook.mergeInto')}
            </Button>
            <Button size="xs" variant="default" onClick={() => void setArchived(id, !code.archived)}>
              {t(code.archived ? 'codebook.restore' : 'codebook.archive')}
            </Button>
            <Button size="xs" variant="default" color="red" onClick={() => setDialog({ kind: 'delete', codeId: id })}>
              {t('codebook.delete')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {[...(path.length > 0 ? [path.join(' › ')] : []), t('nav.codingsCount', { count: code.codingCount }), t('nav.documentsCount', { count: code.documentCount })].join(' · ')}
        </Text>
      </Stack>
      <CodeForm code={code} labelledBy={heading} />
      <MemoPanel targetType="code" targetId={id} />
      <CodeExamples code={code} />
      <CodingsList code={code} />
      <CodeHistory codeId={id} />
      <CodeDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </Stack>
  );
}
