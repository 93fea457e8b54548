import { useEffect, useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OriginalFile as Original } from '../../../src-shared/contract/imports';
import { call } from '../../api/client';
import { reportError } from '../../stores/notices';
import { encodingLabel, formatSize } from './model';
import { fromBase64 } from '../../api/base64';

/** Saves the original through the browser's download (the desktop shows its save dialog for it). */
function download(original: Original): void {
  const url = URL.createObjectURL(new Blob([fromBase64(original.data)], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = original.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

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
      <Button variant="default" size="xs" onClick={() => download(original)}>
        {t('import.downloadOriginal')}
      </Button>
    </Stack>
  );
}
