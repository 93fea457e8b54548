import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { attempt } from '../../stores/notices';
import { openExcerpt } from './ExcerptItem';

/** Opens the passage a quote id from a paper draft stands for (`KOL-INT-1993-06-001:q3`) in the reader. */
export function OpenQuoteId() {
  const { t } = useTranslation();
  const [id, setId] = useState('');
  const open = (event: FormEvent): void => {
    event.preventDefault();
    void attempt(async () => {
      const { coding } = await call('codings.byQuoteId', { quoteId: id });
      openExcerpt({ documentId: coding.documentId, start: coding.start, end: coding.end, codingIds: [coding.id] });
    });
  };
  return (
    <form onSubmit={open}>
      <Group gap={4} align="end" wrap="nowrap">
        <TextInput size="xs" label={t('citations.openQuoteId')} placeholder="KOL-INT-1993-06-001:q3" value={id} onChange={(e) => setId(e.currentTarget.value)} ff="monospace" w={230} />
        <Button size="xs" variant="default" type="submit" disabled={id.trim() === ''}>
          {t('citations.open')}
        </Button>
      </Group>
    </form>
  );
}
