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
