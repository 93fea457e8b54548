import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { attempt } from '../stores/notices';
import type { Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(value) => void attempt(() => setLanguage(value as Language))}
      data={[
        { value: 'en', label: t('language.en') },
        { value: 'ru', label: t('language.ru') },
      ]}
    />
  );
}
