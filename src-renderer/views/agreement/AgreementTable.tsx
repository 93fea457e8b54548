import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementFigures } from '../../../src-shared/contract/agreement';
import type { Figure } from '../../../src-shared/stats/agreement';
import { formatNumber } from '../../i18n';
import { cautions, coefficientText, percentText } from './model';
import { FigureHeader, FigureTable } from './parts';

export interface FigureRow {
  readonly key: string;
  readonly label: string;
  /** Indentation in the codebook; 0 elsewhere. */
  readonly depth: number;
  readonly title?: string;
  readonly figures: AgreementFigures;
}

interface Props {
  readonly caption: string;
  /** Header of the first column. */
  readonly first: string;
  readonly rows: readonly FigureRow[];
  readonly twoCoders: boolean;
  readonly unitized: boolean;
}

/** A figure, or a dash that says (to a screen reader too) that it cannot be computed. */
function Value({ text }: { text: string | null }) {
  const { t } = useTranslation();
  if (text !== null) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">—</span>
      <VisuallyHidden>{t('agreement.notComputable')}</VisuallyHidden>
    </>
  );
}

function Cautions({ figures, twoCoders }: { figures: AgreementFigures; twoCoders: boolean }) {
  const { t } = useTranslation();
  const { warnings, reasons } = cautions(figures, twoCoders);
  const lines = [...warnings.map((w) => t(`agreement.warnings.${w}`)), ...reasons.map((r) => `${t('agreement.notComputable')}: ${t(`agreement.reasons.${r}`)}`)];
  return (
    <>
      {lines.map((line) => (
        <Text key={line} size="xs" c="orange.8">
          {line}
        </Text>
      ))}
    </>
  );
}

/** Rows of agreement figures (codes, documents or cases) with what to read with care in each. */
export function AgreementTable({ caption, first, rows, twoCoders, unitized }: Props) {
  const { t } = useTranslation();
  const coefficient = (f: Figure | null) => <Value text={coefficientText(f, formatNumber)} />;
  return (
    <FigureTable
      caption={caption}
      headers={
        <>
          <Table.Th scope="col">{first}</Table.Th>
          <FigureHeader>{t('agreement.columns.units')}</FigureHeader>
          <FigureHeader>{t('agreement.columns.percent')}</FigureHeader>
          {twoCoders && <FigureHeader>{t('agreement.columns.kappa')}</FigureHeader>}
          <FigureHeader>{t('agreement.columns.fleiss')}</FigureHeader>
          <FigureHeader>{t('agreement.columns.alpha')}</FigureHeader>
          {unitized && <FigureHeader>{t('agreement.columns.unitized')}</FigureHeader>}
          <Table.Th scope="col">{t('agreement.columns.notes')}</Table.Th>
        </>
      }
    >
      {rows.map(({ key, label, depth, title, figures }) => (
        <Table.Tr key={key}>
          <Table.Th scope="row" title={title} style={{ paddingLeft: 8 + depth * 12, fontWeight: 'normal' }}>
            {label}
          </Table.Th>
          <Table.Td ta="right">{formatNumber(figures.units)}</Table.Td>
          <Table.Td ta="right">
            <Value text={percentText(figures.percent, formatNumber)} />
          </Table.Td>
          {twoCoders && <Table.Td ta="right">{coefficient(figures.pairs[0]!.kappa)}</Table.Td>}
          <Table.Td ta="right">{coefficient(figures.fleiss)}</Table.Td>
          <Table.Td ta="right">{coefficient(figures.alpha)}</Table.Td>
          {unitized && <Table.Td ta="right">{coefficient(figures.unitizedAlpha)}</Table.Td>}
          <Table.Td>
            <Cautions figures={figures} twoCoders={twoCoders} />
          </Table.Td>
        </Table.Tr>
      ))}
    </FigureTable>
  );
}
