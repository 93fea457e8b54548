import { Switch, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useShowPseudonyms } from './overlay';

/** The "Show pseudonyms" toggle of views that show excerpts. */
export function PseudonymSwitch() {
  const { t } = useTranslation();
  const { show, setShow } = useShowPseudonyms();
  return (
    <Tooltip label={t('pseudonyms.showHint')} multiline w={300}>
      <Switch size="sm" label={t('pseudonyms.show')} checked={show} onChange={(event) => setShow(event.currentTarget.checked)} />
    </Tooltip>
  );
}

/** The "Show pseudonyms" toggle of a view that shows one text (the Reader, a memo): its state is the view's own. */
export function TextPseudonymSwitch({ checked, onChange, disabled }: { checked: boolean; onChange(checked: boolean): void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('pseudonyms.showTextHint')} multiline w={300}>
      <Switch size="xs" label={t('pseudonyms.showText')} checked={checked} disabled={disabled} onChange={(event) => onChange(event.currentTarget.checked)} />
    </Tooltip>
  );
}
