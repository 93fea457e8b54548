import { Checkbox, Fieldset, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CLEANUP_OPTIONS } from '../../../src-shared/text/cleanup';
import { repreview } from './actions';
import { cleanupCount } from './model';
import type { ImportRow } from './model';

/** The clean-up steps, pre-ticked as suggested, each with how many changes it makes. */
export function CleanupChoices({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('import.cleanup')} variant="unstyled">
      <Stack gap={6}>
        {CLEANUP_OPTIONS.map((option) => {
          const name = t(`import.cleanupSteps.${option}`);
          const count = cleanupCount(row, option);
          const hint = t(`import.cleanupHints.${option}`);
          return (
            <Checkbox
              key={option}
              size="sm"
              label={count === null ? name : t('import.withCount', { label: name, count })}
              description={row.preview.suggestedCleanup[option] ? `${hint} ${t('import.suggested')}` : hint}
              checked={row.cleanup[option] === true}
              onChange={(e) => void repreview(row.stagedId, { cleanup: { ...row.cleanup, [option]: e.currentTarget.checked } })}
            />
          );
        })}
      </Stack>
    </Fieldset>
  );
}
