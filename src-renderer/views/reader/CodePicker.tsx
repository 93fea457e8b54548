import { useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Modal, TextInput, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useData } from '../../stores/data';
import { useReader } from './store';
import { rankCodes } from './model';

export type PickerChoice = { readonly codeId: string } | { readonly newName: string };

/** Type-ahead over the codebook, recent codes first; Enter applies, or creates a new code by that name. */
export function CodePicker({ onChoose }: { onChoose: (choice: PickerChoice) => void }) {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const { picker, closePicker, recentCodeIds } = useReader();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ranked = useMemo(() => rankCodes(codes, query, recentCodeIds).slice(0, 50), [codes, query, recentCodeIds]);
  const exact = ranked.some((c) => c.name.toLocaleLowerCase() === query.trim().toLocaleLowerCase());
  const options: PickerChoice[] = [...ranked.map((c) => ({ codeId: c.id })), ...(query.trim() && !exact ? [{ newName: query.trim() }] : [])];

  const choose = (choice: PickerChoice | undefined) => {
    if (!choice) return;
    setQuery('');
    setActive(0);
    onChoose(choice);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (event.key === 'Enter') choose(options[active]);
    else return;
    event.preventDefault();
  };
  const label = (choice: PickerChoice): string =>
    'codeId' in choice ? (codes.find((c) => c.id === choice.codeId)?.name ?? '') : t('reader.createCode', { name: choice.newName });

  return (
    <Modal opened={picker !== null} onClose={closePicker} title={t(picker?.kind === 'recode' ? 'reader.recodeTitle' : 'reader.pickerTitle')} size="md">
      <TextInput
        data-autofocus
        role="combobox"
        aria-expanded
        aria-controls="code-picker-options"
        aria-activedescendant={options.length > 0 ? `code-option-${active}` : undefined}
        aria-label={t('reader.pickerSearch')}
        placeholder={t('reader.pickerSearch')}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id="code-picker-options" role="listbox" aria-label={t('reader.pickerTitle')} style={{ maxHeight: 360, overflow: 'auto', marginTop: 6 }}>
        {options.map((choice, i) => {
          const code = 'codeId' in choice ? codes.find((c) => c.id === choice.codeId) : undefined;
          const recentAt = code ? recentCodeIds.indexOf(code.id) : -1;
          return (
            <UnstyledButton
              key={'codeId' in choice ? choice.codeId : 'new'}
              id={`code-option-${i}`}
              role="option"
              aria-selected={i === active}
              className="tree-row"
              data-selected={i === active || undefined}
              style={{ width: '100%' }}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(choice)}
            >
              {code && <span className="swatch" style={{ background: code.color }} aria-hidden />}
              <span>{label(choice)}</span>
              {recentAt >= 0 && recentAt < 9 && <span className="count">{recentAt + 1}</span>}
            </UnstyledButton>
          );
        })}
      </div>
    </Modal>
  );
}
