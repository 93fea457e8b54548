import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementFigures } from '../../../src-shared/contract/agreement';
import type { Figure } from '../../../src-shared/stats/agreement';
import { formatNumber } from '../../i18n';
import { cautions, coefficientText, percentText } from './model';

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
    <Table striped withTableBorder captionSide="top" aria-label={caption} className="agreement-table">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{first}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('agreement.columns.units')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('agreement.columns.percent')}
          </Table.Th>
          {twoCoders && (
            <Table.Th scope="col" ta="right">
              {t('agreement.columns.kappa')}
            </Table.Th>
          )}
          <Table.Th scope="col" ta="right">
            {t('agreement.columns.fleiss')}
          </Table.Th>
          <Table.Th scope="col" ta="right">
            {t('agreement.columns.alpha')}
          </Table.Th>
          {unitized && (
            <Table.Th scope="col" ta="right">
              {t('agreement.columns.unitized')}
            </Table.Th>
          )}
          <Table.Th scope="col">{t('agreement.columns.notes')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
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
      </Table.Tbody>
    </Table>
  );
}
