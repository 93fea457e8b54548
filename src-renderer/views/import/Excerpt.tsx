import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../src-shared/contract/imports';

/** The beginning of the text as it will be imported, in monospace so spacing and line breaks show. */
export function Excerpt({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="import-excerpt-label">
        {t('import.excerpt')}
      </Text>
      {/* Focusable so the keyboard can scroll it; a region so its label is announced. */}
      <div
        role="region"
        aria-labelledby="import-excerpt-label"
        tabIndex={0}
        style={{ maxHeight: 420, overflow: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: 'var(--mantine-color-gray-0)' }}
      >
        <pre style={{ margin: 0, padding: 8, fontSize: 12, lineHeight: 1.45, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'var(--mantine-font-family-monospace)' }}>
          {preview.excerpt}
        </pre>
      </div>
      {preview.length > preview.excerpt.length && (
        <Text size="xs" c="dimmed">
          {t('import.excerptPart', { shown: preview.excerpt.length, total: preview.length })}
        </Text>
      )}
    </Stack>
  );
}
