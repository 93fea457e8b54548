import { useMemo } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useData } from '../../stores/data';
import { codeOptions } from './tree';

interface CodePickerProps {
  readonly label: string;
  readonly value: string | null;
  readonly onChange: (id: string | null) => void;
  /** Codes that may not be chosen (the code itself, its sub-codes). */
  readonly exclude?: ReadonlySet<string>;
  /** Offer "top level" as a choice, returned as null. */
  readonly topLevel?: boolean;
  readonly autoFocus?: boolean;
}

const TOP = '__top__';

/** A searchable choice of code, each shown with its path so namesakes can be told apart. */
export function CodePicker({ label, value, onChange, exclude, topLevel = false, autoFocus = false }: CodePickerProps) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const data = useMemo(() => [...(topLevel ? [{ value: TOP, label: t('codebook.topLevel') }] : []), ...codeOptions(codes, exclude)], [codes, exclude, topLevel, t]);
  return (
    <Select
      label={label}
      placeholder={t('codebook.pickCode')}
      nothingFoundMessage={t('codebook.noMatch')}
      data={data}
      value={value === null && topLevel ? TOP : value}
      onChange={(v) => onChange(v === TOP ? null : v)}
      searchable
      limit={200}
      data-autofocus={autoFocus || undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
