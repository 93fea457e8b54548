import { useMemo } from 'react';
import { Anchor, Blockquote, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../src-shared/model/entities';
import { useQuery } from '../../api/useQuery';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { pickExamples } from './paging';

/** How many codings to choose examples from: enough to find a few documents, cheap to read. */
const POOL = 60;

/** A few real passages coded with the code, each linked to its document. */
export function CodeExamples({ code }: { code: Code }) {
  const { t } = useTranslation();
  const documents = useData((s) => s.documents);
  const open = useUi((s) => s.open);
  const pool = useQuery('codings.list', { codeId: code.id, limit: POOL, offset: 0 });
  const examples = useMemo(() => pickExamples(pool ?? []), [pool]);
  if (code.codingCount === 0) return null;
  return (
    <section aria-label={t('codebook.examples')}>
      <Title order={4} mb={6}>
        {t('codebook.examples')}
      </Title>
      <Stack gap={6}>
        {examples.map((c) => {
          const title = documents.find((d) => d.id === c.documentId)?.title ?? t('codebook.unknownDocument');
          return (
            <Blockquote key={c.id} color={code.color} p="xs" cite={<Anchor component="button" type="button" size="xs" onClick={() => open({ kind: 'document', id: c.documentId })}>— {title}</Anchor>}>
              <Text size="sm">{c.quote}</Text>
            </Blockquote>
          );
        })}
      </Stack>
    </section>
  );
}
