import { Button, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../src-shared/model/entities';
import { quoteOf } from '../../../src-shared/model/codings';
import { call } from '../../api/client';
import { useData } from '../../stores/data';
import { attempt } from '../../stores/notices';
import { useReader } from './store';

/** Codings an edit could not carry over exactly: what they were made on, to select and confirm. */
export function ReviewList({ detail }: { detail: DocumentDetail }) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const flagged = detail.codings.filter((c) => c.status === 'needs_review');
  return (
    <List size="xs" spacing={2} listStyleType="none">
      {flagged.map((c) => (
        <List.Item key={c.id}>
          <Group gap={6} wrap="nowrap">
            <Text size="xs" fw={600}>
              {codes.find((code) => code.id === c.codeId)?.name}
            </Text>
            <Text size="xs" lineClamp={1} style={{ flex: 1 }}>
              «{quoteOf(detail.text, c)}»
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => useReader.getState().selectCoding(c.id)}>
              {t('reader.select')}
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={() => void attempt(() => call('codings.confirm', { id: c.id }))}>
              {t('reader.confirm')}
            </Button>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
