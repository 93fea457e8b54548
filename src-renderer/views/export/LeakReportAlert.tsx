import { Alert, List, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeakReport } from '../../../src-shared/contract/pseudonyms';

/** The leak report of an export kept despite registered real names in it (the user allowed it). */
export function LeakReportAlert({ report }: { readonly report: LeakReport }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" role="alert" title={t('export.leaksTitle', { count: report.hits.length })} mt="md">
      <Text size="sm" mb="xs">
        {t('export.leaksHint')}
      </Text>
      <ScrollArea.Autosize mah={240}>
        <List size="sm" spacing={2}>
          {report.hits.map((h, i) => (
            <List.Item key={i}>{t('export.leakHit', { line: h.line, text: h.text, realName: h.realName, pseudonym: h.pseudonym, context: h.context })}</List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Alert>
  );
}
