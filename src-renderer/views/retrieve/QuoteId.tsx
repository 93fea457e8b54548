import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An excerpt's quote id (`KOL-INT-1993-06-001:q3`) with a button that copies it for a draft. */
export function QuoteId({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap" className="retrieve-quote-id">
      <Text size="xs" ff="monospace" c="dimmed" aria-label={`${t('citations.quoteId')}: ${id}`}>
        {id}
      </Text>
      <CopyButton value={id} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('citations.copied') : t('citations.copyQuoteId', { id })} withArrow>
            <ActionIcon size="xs" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('citations.copyQuoteId', { id })}>
              <span aria-hidden>{copied ? '✓' : '⧉'}</span>
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
