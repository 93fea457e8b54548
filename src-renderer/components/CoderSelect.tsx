import type { CSSProperties } from 'react';
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useData } from '../stores/data';

/** A filter by coder for the analysis views: whose codings count (none chosen: everyone's). */
export function CoderSelect({ value, onChange, style }: { value: readonly string[]; onChange: (coderIds: string[]) => void; style?: CSSProperties }) {
  const { t } = useTranslation();
  const members = useData((s) => s.members);
  return (
    <MultiSelect
      label={t('reader.coders')}
      placeholder={value.length === 0 ? t('reader.everyone') : undefined}
      data={members.map((m) => ({ value: m.id, label: m.name }))}
      value={[...value]}
      onChange={onChange}
      searchable
      clearable
      style={style}
    />
  );
}
