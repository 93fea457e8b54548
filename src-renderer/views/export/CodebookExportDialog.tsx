import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeakReport } from '../../../src-shared/contract/pseudonyms';
import { CODEBOOK_FORMATS } from '../../../src-shared/model/extracts';
import type { CodebookFormat } from '../../../src-shared/model/extracts';
import { call } from '../../api/client';
import { attempt, useNotices } from '../../stores/notices';
import { downloadBase64 } from '../../components/download';
import { LeakReportAlert } from './LeakReportAlert';

/** The codebook as a methods appendix (DOCX, Markdown) or CSV. */
export function CodebookExportDialog({ onClose }: { readonly onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<CodebookFormat>('docx');
  const [language, setLanguage] = useState<'en' | 'ru'>(i18n.language === 'ru' ? 'ru' : 'en');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [busy, setBusy] = useState(false);
  const [allowLeaks, setAllowLeaks] = useState(false);
  const [leaks, setLeaks] = useState<LeakReport | null>(null);
  const run = async (): Promise<void> => {
    setBusy(true);
    try {
      await attempt(async () => {
        const file = await call('export.codebook', { format, language, includeArchived, allowLeaks });
        if (file.data !== null) downloadBase64(file.data, file.mimeType, file.fileName);
        useNotices.getState().push('info', t('export.codebookExported', { file: file.fileName }));
        // Kept with real names in it (the user allowed it): the dialog stays open with the report.
        if (file.leaks && !file.leaks.clean) setLeaks(file.leaks);
        else onClose();
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('export.codebookTitle')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('export.codebookNote')}
        </Text>
        <Select label={t('export.format')} data={CODEBOOK_FORMATS.map((f) => ({ value: f, label: t(`export.codebookFormats.${f}`) }))} value={format} onChange={(v) => v && setFormat(v as CodebookFormat)} allowDeselect={false} data-autofocus />
        <Select label={t('export.language')} data={(['en', 'ru'] as const).map((l) => ({ value: l, label: t(`export.languages.${l}`) }))} value={language} onChange={(v) => v && setLanguage(v as 'en' | 'ru')} allowDeselect={false} />
        <Checkbox label={t('export.includeArchived')} checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
      </Stack>
      <Checkbox mt="md" label={t('export.allowLeaks')} description={t('export.allowLeaksNote')} checked={allowLeaks} onChange={(e) => setAllowLeaks(e.currentTarget.checked)} />
      {leaks && <LeakReportAlert report={leaks} />}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('export.cancel')}
        </Button>
        <Button onClick={() => void run()} loading={busy}>
          {t('export.download')}
        </Button>
      </Group>
    </Modal>
  );
}
