import { lazy, Suspense, useCallback, useMemo } from 'react';
import { Button, Loader, NumberInput, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ECElementEvent } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { CooccurrenceMatrix } from '../../../src-shared/contract';
import type { CooccurrenceMeasure } from '../../../src-shared/stats/cooccurrence';
import { MAX_PAIRS, formatter, strongestPairs } from './model';
import { networkOption } from './network';
import type { EdgeData } from './network';
import type { CellPair } from './store';

const MatrixChart = lazy(() => import('../compare/MatrixChart'));

interface NetworkProps {
  readonly matrix: CooccurrenceMatrix;
  readonly values: readonly (readonly number[])[];
  readonly measure: CooccurrenceMeasure;
  readonly shown: readonly number[];
  readonly pairs: number;
  readonly onPairs: (n: number) => void;
  readonly onOpen: (cell: CellPair) => void;
}

/**
 * The strongest pairs of codes as a network, and the same pairs as a table beside it: the table is
 * the chart's text alternative and its keyboard path (each pair opens its passages, as a click on
 * its edge does).
 */
export function CooccurrenceNetwork({ matrix, values, measure, shown, pairs, onPairs, onOpen }: NetworkProps) {
  const { t, i18n } = useTranslation();
  const format = useMemo(() => formatter(i18n.language, measure), [i18n.language, measure]);
  const strongest = useMemo(() => strongestPairs(matrix, values, shown, pairs), [matrix, values, shown, pairs]);
  const option = useMemo(() => networkOption(matrix, strongest, format), [matrix, strongest, format]);
  const onItemClick = useCallback(
    (event: ECElementEvent) => {
      if (event.dataType !== 'edge') return;
      const [a, b] = (event.data as EdgeData).codeIds;
      onOpen({ a, b });
    },
    [onOpen],
  );
  const measureName = t(`retrieve.cooccurrence.measures.${measure}`);
  const codesShown = new Set(strongest.flatMap((p) => [p.a, p.b])).size;
  const summary = t('retrieve.cooccurrence.network.summary', { count: strongest.length, codes: codesShown, measure: measureName });

  return (
    <div className="cooc-network">
      <NumberInput
        label={t('retrieve.cooccurrence.network.pairs')}
        min={1}
        max={MAX_PAIRS}
        value={pairs}
        onChange={(v) => typeof v === 'number' && v >= 1 && onPairs(Math.min(MAX_PAIRS, Math.round(v)))}
        style={{ width: 160 }}
        mb="xs"
      />
      {strongest.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('retrieve.cooccurrence.network.none')}
        </Text>
      ) : (
        <>
          <Suspense fallback={<Loader size="sm" />}>
            <MatrixChart option={option} height={Math.max(360, 200 + codesShown * 14)} minWidth={480} label={summary} onItemClick={onItemClick} />
          </Suspense>
          <Table className="cooc-pairs" striped withTableBorder>
            <caption>{summary}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('retrieve.cooccurrence.code')}</Table.Th>
                <Table.Th scope="col">{t('retrieve.cooccurrence.code')}</Table.Th>
                <Table.Th scope="col">{measureName}</Table.Th>
                <Table.Th scope="col">{t('retrieve.cooccurrence.measures.count')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('retrieve.cooccurrence.passages')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {strongest.map((p) => {
                const a = matrix.codes[p.a]!;
                const b = matrix.codes[p.b]!;
                return (
                  <Table.Tr key={`${a.codeId}:${b.codeId}`}>
                    <Table.Td>{a.path}</Table.Td>
                    <Table.Td>{b.path}</Table.Td>
                    <Table.Td>{format(p.value)}</Table.Td>
                    <Table.Td>{formatter(i18n.language, 'count')(p.count)}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="light" aria-label={t('retrieve.cooccurrence.network.open', { a: a.path, b: b.path })} onClick={() => onOpen({ a: a.codeId, b: b.codeId })}>
                        {t('retrieve.cooccurrence.passages')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </>
      )}
    </div>
  );
}
