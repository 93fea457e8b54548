import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { closeImport } from './actions';
import { useImport } from './store';
import { FilePicker } from './FilePicker';
import { StagingProgress } from './StagingProgress';
import { SuggestFields } from './SuggestFields';
import { PreviewTable } from './PreviewTable';
import { FailedFiles } from './FailedFiles';
import { FileDetail } from './FileDetail';
import { ImportFooter } from './ImportFooter';
import { ImportReportView } from './ImportReportView';

/**
 * The import dialog: choose or drop files, see how each will be read, give them details, import
 * them as one undoable operation, and see what was imported.
 */
export function ImportDialog() {
  const { t } = useTranslation();
  const opened = useImport((s) => s.opened);
  const phase = useImport((s) => s.phase);
  const anything = useImport((s) => s.rows.length + s.failures.length + s.manifests.length > 0);
  return (
    <Modal
      opened={opened}
      onClose={closeImport}
      title={t('import.title')}
      size="95%"
      // A stray click outside must not throw away a prepared batch; Escape and the close button still do.
      closeOnClickOutside={false}
      closeOnEscape={phase !== 'committing'}
      withCloseButton={phase !== 'committing'}
      closeButtonProps={{ 'aria-label': t('import.close') }}
    >
      {phase === 'report' ? (
        <ImportReportView />
      ) : (
        <Stack gap="md">
          {/* Not disabled while reading: more files queue up, and a focused button that turns disabled drops the focus. */}
          <FilePicker disabled={phase === 'committing'} />
          {phase === 'staging' && <StagingProgress />}
          {anything ? (
            <>
              <SuggestFields />
              <PreviewTable />
              <FailedFiles />
              <FileDetail />
            </>
          ) : (
            phase !== 'staging' && (
              <Text size="sm" c="dimmed">
                {t('import.empty')}
              </Text>
            )
          )}
          {/* While reading, the progress bar's Cancel is the only one: two Cancels side by side would be ambiguous. */}
          {phase !== 'staging' && <ImportFooter />}
        </Stack>
      )}
    </Modal>
  );
}
