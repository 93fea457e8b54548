import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const TERMS = ['percent', 'kappa', 'fleiss', 'alpha', 'unitized', 'uncoded', 'unreliable'] as const;

/** What each figure means and when not to trust it, in plain words. */
export function AgreementHelp() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="agreement-help-heading" className="agreement-help">
      <Title order={3} size="h5" id="agreement-help-heading" mt="md" mb="xs">
        {t('agreement.explain')}
      </Title>
      <dl>
        {TERMS.map((term) => (
          <div key={term}>
            <dt>
              <Text size="sm" fw={600} component="span">
                {t(`agreement.help.${term}.term`)}
              </Text>
            </dt>
            <dd>
              <Text size="sm">{t(`agreement.help.${term}.text`)}</Text>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
