import { Button, Checkbox, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { closeImport, commitImport, setAllOrNothing } from './actions';
import { rowErrors } from './model';
import { useImport } from './store';

/** "All or nothing", Cancel (discarding what was staged) and Import, with why Import is not possible yet. */
export function ImportFooter() {
  const { t } = useTranslation();
  const phase = useImport((s) => s.phase);
  const count = useImport((s) => s.rows.length);
  const invalid = useImport((s) => s.rows.some((r) => rowErrors(r).length > 0));
  const busy = useImport((s) => s.busy.length > 0);
  const allOrNothing = useImport((s) => s.allOrNothing);
  return (
    <Group justify="flex-end" gap="sm">
      <Checkbox
        mr="auto"
        label={t('import.allOrNothing')}
        description={t('import.allOrNothingHint')}
        checked={allOrNothing}
        onChange={(e) => setAllOrNothing(e.currentTarget.checked)}
        disabled={phase === 'committing'}
      />
      {invalid && (
        <Text size="sm" c="red.7" role="status">
          {t('import.fixFirst')}
        </Text>
      )}
      <Button variant="default" onClick={closeImport} disabled={phase === 'committing'}>
        {t('import.cancel')}
      </Button>
      <Button onClick={() => void commitImport()} disabled={count === 0 || invalid || busy || phase !== 'preview'} loading={phase === 'committing'}>
        {count === 0 ? t('import.importNone') : t('import.import', { count })}
      </Button>
    </Group>
  );
}
