import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useImport } from './store';
import { PreviewRow } from './PreviewRow';

const COLUMNS = ['file', 'format', 'encoding', 'title', 'kind', 'date', 'language', 'cases', 'turns', 'problems', 'remove'] as const;

/** One row per file to import, its details editable in place. */
export function PreviewTable() {
  const { t } = useTranslation();
  const rows = useImport((s) => s.rows);
  const selected = useImport((s) => s.selected);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('import.noRows')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={1180} maxHeight={420}>
      <Table aria-label={t('import.table')} captionSide="top" verticalSpacing={4} horizontalSpacing={6} stickyHeader>
        <Table.Caption style={{ textAlign: 'left' }}>{t('import.caption', { count: rows.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <Table.Th key={c} scope="col" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                {c === 'remove' ? <span className="visually-hidden">{t('import.columns.remove')}</span> : t(`import.columns.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <PreviewRow key={row.stagedId} row={row} selected={row.stagedId === selected} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
