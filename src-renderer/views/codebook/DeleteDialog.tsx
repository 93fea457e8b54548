import { useMemo } from 'react';
import { Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Code } from '../../../src-shared/model/entities';
import { useData } from '../../stores/data';
import { deleteCode } from './actions';
import { DialogButtons } from './DialogButtons';
import { deletionScope } from './tree';

/**
 * Names exactly what goes with the code before anything is deleted; only then is `cascade` sent,
 * so a code with codings is never deleted by a plain click.
 */
export function DeleteDialog({ code, onClose }: { code: Code; onClose: () => void }) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const scope = useMemo(() => deletionScope(codes, code.id), [codes, code.id]);
  const cascade = scope.codings > 0 || scope.subCodes > 0;
  return (
    <Modal opened onClose={onClose} title={t('codebook.deleteTitle', { name: code.name })}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void deleteCode(code.id, cascade).then((done) => done && onClose());
        }}
      >
        <Stack gap="xs">
          {scope.codings > 0 && <Text size="sm">{t('codebook.deleteCodings', { count: scope.codings })}</Text>}
          {scope.subCodes > 0 && <Text size="sm">{t('codebook.deleteSubCodes', { count: scope.subCodes })}</Text>}
          {cascade ? (
            <Text size="sm" c="dimmed">
              {t('codebook.deleteHint')}
            </Text>
          ) : (
            <Text size="sm">{t('codebook.deleteNothing')}</Text>
          )}
        </Stack>
        <DialogButtons action={t(cascade ? 'codebook.deleteAllButton' : 'codebook.deleteButton')} onCancel={onClose} danger />
      </form>
    </Modal>
  );
}
