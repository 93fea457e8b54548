import { useMemo } from 'react';
import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { guessValueType } from '../../../../src-shared/model/cell-values';
import { ATTRIBUTE_TYPES } from '../../../../src-shared/model/entities';
import type { Attribute } from '../../../../src-shared/model/entities';
import type { ColumnUse } from './uses';

const ROLES = ['name', 'aliases', 'parent', 'description'] as const;

/** Each column of the sheet with its first value and what it holds, pre-filled from the suggested mapping. */
export function CaseImportColumns({
  headers,
  rows,
  uses,
  attributes,
  onChange,
}: {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  uses: readonly ColumnUse[];
  /** The attributes cases of the chosen type may have. */
  attributes: readonly Attribute[];
  onChange: (column: number, use: ColumnUse) => void;
}) {
  const { t } = useTranslation();
  const columns = useMemo(
    () =>
      headers.map((header, column) => {
        const cells = rows.map((r) => r[column] ?? '');
        return { header, example: cells.find((c) => c !== '') ?? '', guessed: guessValueType(cells) };
      }),
    [headers, rows],
  );
  return (
    <Table.ScrollContainer minWidth={560} maxHeight={320}>
      <Table aria-label={t('caseImport.columns')} captionSide="top" verticalSpacing={4} stickyHeader>
        <Table.Caption style={{ textAlign: 'left' }}>{t('caseImport.columns')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('caseImport.column')}</Table.Th>
            <Table.Th scope="col">{t('caseImport.example')}</Table.Th>
            <Table.Th scope="col">{t('caseImport.use')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map(({ header, example, guessed }, column) => (
            <Table.Tr key={column}>
              <Table.Th scope="row" fw={500}>
                {header}
              </Table.Th>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={1}>
                  {example}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={t('caseImport.useOf', { header })}
                  size="xs"
                  value={uses[column] ?? 'ignore'}
                  onChange={(value) => value && onChange(column, value as ColumnUse)}
                  allowDeselect={false}
                  data={[
                    { value: 'ignore', label: t('caseImport.uses.ignore') },
                    { group: t('caseImport.uses.roles'), items: ROLES.map((role) => ({ value: role, label: t(`caseImport.uses.${role}`) })) },
                    ...(attributes.length > 0
                      ? [{ group: t('caseImport.uses.attributes'), items: attributes.map((a) => ({ value: `attribute:${a.id}`, label: a.name })) }]
                      : []),
                    {
                      group: t('caseImport.uses.created'),
                      items: ATTRIBUTE_TYPES.map((type) => {
                        const label = t('caseImport.newAttribute', { type: t(`caseImport.valueTypes.${type}`) });
                        return { value: `new:${type}`, label: type === guessed ? t('caseImport.suggested', { label }) : label };
                      }),
                    },
                  ]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
