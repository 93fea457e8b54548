import { useEffect, useRef } from 'react';
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { closeImport, openImport, openImported } from './actions';
import { encodingLabel } from './model';
import { useImport } from './store';
import { FailureList } from './FailedFiles';
import { ProblemList } from './ProblemList';

/** What the import did: the documents made (each can be opened) and the files skipped, with reasons. */
export function ImportReportView() {
  const { t } = useTranslation();
  const report = useImport((s) => s.report);
  const close = useRef<HTMLButtonElement>(null);
  // The Import button the focus was on is gone: put it where the dialog goes on from.
  useEffect(() => close.current?.focus(), []);
  if (!report) return null;
  return (
    <Stack gap="md">
      <Text fw={600} role="status">
        {report.allOrNothingFailures === null ? t('import.imported', { count: report.imported.length }) : t('import.nothingImported', { count: report.allOrNothingFailures })}
      </Text>
      {report.imported.length > 0 && (
        <Table.ScrollContainer minWidth={720} maxHeight={480}>
          <Table aria-label={t('import.importedTable')} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                {(['title', 'file', 'format', 'encoding', 'turns', 'problems'] as const).map((c) => (
                  <Table.Th key={c} scope="col" style={{ fontSize: 12 }}>
                    {t(`import.columns.${c}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('import.open')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.imported.map((d) => (
                <Table.Tr key={d.documentId}>
                  <Table.Td style={{ fontWeight: 600 }}>{d.title}</Table.Td>
                  <Table.Td style={{ fontSize: 12, overflowWrap: 'anywhere' }}>{d.fileName}</Table.Td>
                  <Table.Td style={{ fontSize: 12, textTransform: 'uppercase' }}>{d.format}</Table.Td>
                  <Table.Td style={{ fontSize: 12 }}>{d.encoding ? encodingLabel(d.encoding) : '—'}</Table.Td>
                  <Table.Td style={{ fontSize: 12, textAlign: 'right' }}>{formatNumber(d.turns)}</Table.Td>
                  <Table.Td>
                    <ProblemList problems={d.warnings} />
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" aria-label={t('import.openTitle', { title: d.title })} onClick={() => openImported(d.documentId)}>
                      {t('import.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <FailureList title={t('import.skipped')} failures={report.skipped} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={() => openImport()}>
          {t('import.importMore')}
        </Button>
        <Button onClick={closeImport} ref={close}>
          {t('import.close')}
        </Button>
      </Group>
    </Stack>
  );
}
