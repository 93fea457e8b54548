import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementResult } from '../../../src-shared/contract/agreement';
import { formatNumber } from '../../i18n';
import { coefficientText, percentText } from './model';
import { FigureHeader, FigureTable } from './parts';
import type { FigureRow } from './AgreementTable';

/** With three or more coders: each pair's figures per row (Cohen's κ is a two-coder figure). */
export function PairsTable({ caption, first, rows, coders }: { caption: string; first: string; rows: readonly FigureRow[]; coders: AgreementResult['coders'] }) {
  const { t } = useTranslation();
  const name = new Map(coders.map((c) => [c.id, c.name]));
  const dash = (text: string | null) => text ?? t('agreement.notComputable');
  return (
    <FigureTable
      caption={caption}
      headers={
        <>
          <Table.Th scope="col">{first}</Table.Th>
          <Table.Th scope="col">{t('agreement.columns.pair')}</Table.Th>
          <FigureHeader>{t('agreement.columns.units')}</FigureHeader>
          <FigureHeader>{t('agreement.columns.percent')}</FigureHeader>
          <FigureHeader>{t('agreement.columns.kappa')}</FigureHeader>
          <FigureHeader>{t('agreement.columns.alpha')}</FigureHeader>
        </>
      }
    >
      {rows.flatMap(({ key, label, figures }) =>
        figures.pairs.map((p) => (
          <Table.Tr key={`${key}:${p.coderIds.join(':')}`}>
            <Table.Th scope="row" style={{ fontWeight: 'normal' }}>
              {label}
            </Table.Th>
            <Table.Td>{`${name.get(p.coderIds[0])} — ${name.get(p.coderIds[1])}`}</Table.Td>
            <Table.Td ta="right">{formatNumber(p.units)}</Table.Td>
            <Table.Td ta="right">{dash(percentText(p.percent, formatNumber))}</Table.Td>
            <Table.Td ta="right">{dash(coefficientText(p.kappa, formatNumber))}</Table.Td>
            <Table.Td ta="right">{dash(coefficientText(p.alpha, formatNumber))}</Table.Td>
          </Table.Tr>
        )),
      )}
    </FigureTable>
  );
}
