import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { repreview } from './actions';
import { encodingChoices, encodingLabel } from './model';
import type { ImportRow } from './model';

/** Another encoding for a text file whose detection went wrong; binary formats have none. */
export function EncodingChoice({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  const encoding = row.preview.encoding;
  if (!encoding) return null;
  return (
    <Select
      label={t('import.encoding')}
      description={t('import.encodingHint')}
      value={encoding.name.toLowerCase()}
      data={encodingChoices(row).map((e) => ({ value: e, label: e === row.detectedEncoding ? `${encodingLabel(e)} ${t('import.detected')}` : encodingLabel(e) }))}
      onChange={(e) => e && void repreview(row.stagedId, { encoding: e === row.detectedEncoding ? null : e })}
      allowDeselect={false}
    />
  );
}
