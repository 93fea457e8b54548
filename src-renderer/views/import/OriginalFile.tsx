import { useEffect, useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OriginalFile as Original } from '../../../src-shared/contract/imports';
import { call } from '../../api/client';
import { reportError } from '../../stores/notices';
import { encodingLabel, formatSize } from './model';
import { downloadBase64 } from '../../components/download';

/**
 * Provenance of an imported document: the file it came from, how it was read, and the file itself
 * to download. Nothing for documents typed in Quire.
 */
export function OriginalFile({ documentId }: { documentId: string }) {
  const { t, i18n } = useTranslation();
  const [original, setOriginal] = useState<Original | null>(null);
  useEffect(() => {
    // Fetched once per document, not on every project change: the answer carries the whole file.
    let current = true;
    setOriginal(null);
    call('documents.original', { documentId })
      .then((answer) => current && setOriginal(answer))
      .catch((error: unknown) => current && reportError(error));
    return () => {
      current = false;
    };
  }, [documentId]);
  if (!original) return null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(original.importedAt));
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('import.originalInfo', { file: original.fileName, size: formatSize(original.size, i18n.language), date })}
        {original.options.encoding ? ` ${t('import.originalEncoding', { encoding: encodingLabel(original.options.encoding) })}` : ''}
      </Text>
      <Button variant="default" size="xs" onClick={() => downloadBase64(original.data, 'application/octet-stream', original.fileName)}>
        {t('import.downloadOriginal')}
      </Button>
    </Stack>
  );
}
