import { Fieldset, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { editRow } from './actions';
import type { ImportRow } from './model';
import { useCaseOptions } from '../../components/useCaseOptions';

/** The speaker labels found in the text, each linked to a case of the project (matched by name or alias, or chosen). */
export function SpeakerLinks({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  const caseOptions = useCaseOptions();
  const speakers = row.preview.speakers;
  if (speakers.length === 0) return null;
  const link = (label: string, caseId: string | null): void => {
    const { [label]: _old, ...rest } = row.speakers;
    editRow(row.stagedId, { speakers: caseId ? { ...rest, [label]: caseId } : rest });
  };
  return (
    <Fieldset legend={t('import.speakers')} variant="unstyled">
      <Stack gap={6}>
        {speakers.map((s) => (
          <Select
            key={s.label}
            size="xs"
            label={t('import.speaker', { label: s.label, count: s.turns })}
            placeholder={t('import.noCase')}
            value={row.speakers[s.label] ?? null}
            onChange={(caseId) => link(s.label, caseId)}
            data={caseOptions}
            searchable
            clearable
            limit={50}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}
