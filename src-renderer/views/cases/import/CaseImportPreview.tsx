import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseImportOutcome, CaseImportPreview as Preview } from '../../../../src-shared/contract/case-import';

/** Rows shown: the first ones, and every row with a problem. */
const FIRST_ROWS = 50;
const MAX_ROWS = 300;

/** The row number and outcome columns take the room their contents need, no less. */
const NARROW = { whiteSpace: 'nowrap' } as const;

const COLOR: Readonly<Record<CaseImportOutcome, string>> = { create: 'green', update: 'blue', unchanged: 'gray', skip: 'gray', problem: 'red' };

/** What each row of the list will do: a new case, an update, nothing, skipped, or left out for a problem (and why). */
export function CaseImportPreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const shown = preview.rows.filter((r, i) => i < FIRST_ROWS || r.outcome === 'problem').slice(0, MAX_ROWS);
  const changeName = (change: string): string =>
    change === 'aliases' ? t('cases.aliases') : change === 'description' ? t('cases.description') : change === 'inside' ? t('cases.parent') : change;
  return (
    <>
      <Table.ScrollContainer minWidth={560} maxHeight={320}>
        <Table aria-label={t('caseImport.preview')} captionSide="top" verticalSpacing={4} stickyHeader>
          <Table.Caption style={{ textAlign: 'left' }}>{t('caseImport.preview')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('caseImport.row')}</Table.Th>
              <Table.Th scope="col">{t('caseImport.outcome')}</Table.Th>
              <Table.Th scope="col">{t('caseImport.name')}</Table.Th>
              <Table.Th scope="col">{t('caseImport.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td style={NARROW}>{r.row}</Table.Td>
                <Table.Td style={NARROW}>
                  <Badge color={COLOR[r.outcome]} variant="light" style={{ minWidth: 'max-content' }}>
                    {t(`caseImport.outcomes.${r.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={r.outcome === 'problem' ? 'red' : undefined}>
                    {[...(r.changes.length > 0 ? [t('caseImport.changes', { list: r.changes.map(changeName).join(', ') })] : []), ...r.messages].join(' ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {preview.rows.length > shown.length && (
        <Text size="sm" c="dimmed">
          {t('caseImport.moreRows', { count: preview.rows.length - shown.length })}
        </Text>
      )}
    </>
  );
}
