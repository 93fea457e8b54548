import { Anchor, Badge, Checkbox, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Coding } from '../../../src-shared/model/entities';

interface CodingRowProps {
  readonly coding: Coding;
  readonly documentTitle: string;
  readonly coder: { readonly name: string; readonly initials: string } | undefined;
  readonly selected: boolean;
  readonly onToggle: () => void;
  readonly onOpen: () => void;
}

/** One coding: where it is, the passage in its context, who coded it, whether it needs a look. */
export function CodingRow({ coding, documentTitle, coder, selected, onToggle, onOpen }: CodingRowProps) {
  const { t } = useTranslation();
  return (
    <li style={{ listStyle: 'none', padding: '6px 0', borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Group gap={8} wrap="nowrap" align="start">
        <Checkbox mt={2} checked={selected} onChange={onToggle} aria-label={t('codebook.selectCoding', { title: documentTitle })} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Anchor component="button" type="button" size="sm" fw={500} onClick={onOpen} aria-label={t('codebook.openDocument', { title: documentTitle })}>
              {documentTitle}
            </Anchor>
            {coder && (
              <Tooltip label={t('codebook.codedBy', { name: coder.name })}>
                <Badge size="xs" variant="light" color="gray" aria-label={t('codebook.codedBy', { name: coder.name })}>
                  {coder.initials}
                </Badge>
              </Tooltip>
            )}
            {coding.status === 'needs_review' && (
              <Badge size="xs" color="orange">
                {t('codebook.needsReview')}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {coding.contextBefore && (
              <Text span c="dimmed" inherit>
                …{coding.contextBefore}
              </Text>
            )}
            <Text span inherit fw={500}>
              {coding.quote}
            </Text>
            {coding.contextAfter && (
              <Text span c="dimmed" inherit>
                {coding.contextAfter}…
              </Text>
            )}
          </Text>
        </div>
      </Group>
    </li>
  );
}
