import { useCallback, useMemo } from 'react';
import { Alert, Group, Loader, SegmentedControl, Select, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COOCCURRENCE_BY } from '../../../src-shared/contract/cooccurrence';
import type { CooccurrenceBy } from '../../../src-shared/contract';
import { COOCCURRENCE_MEASURES } from '../../../src-shared/stats/cooccurrence';
import type { CooccurrenceMeasure } from '../../../src-shared/stats/cooccurrence';
import { useAnswer } from '../../api/useQuery';
import { CoderSelect } from '../../components/CoderSelect';
import { useData } from '../../stores/data';
import { codeOptions } from '../retrieve/model';
import { CellPassages } from './CellPassages';
import { CooccurrenceTable } from './CooccurrenceTable';
import { CooccurrenceNetwork } from './CooccurrenceNetwork';
import { heatMax, shownCodes, valuesOf } from './model';
import { useCooccurrence } from './store';
import type { CellPair } from './store';
import '../retrieve/retrieve.css';

/** Beyond this many codes the table is still complete, but the view suggests a part of the codebook. */
const MANY = 60;

/** The Co-occurrence tab: codes × codes by overlap, segment or document, with their passages. */
export function CooccurrenceView() {
  const { t } = useTranslation();
  const codes = useData((s) => s.codes);
  const { by, measure, codeId, onlyCooccurring, cell, view, pairs, coderIds, set } = useCooccurrence();
  const { arrived, result: matrix } = useAnswer('cooccurrence.matrix', { by, ...(codeId ? { codeId } : {}), coderIds: [...coderIds] });
  const shown = useMemo(() => (matrix ? shownCodes(matrix, onlyCooccurring) : []), [matrix, onlyCooccurring]);
  const values = useMemo(() => (matrix ? valuesOf(matrix, measure) : []), [matrix, measure]);
  const max = useMemo(() => heatMax(values, shown), [values, shown]);
  const parents = useMemo(() => {
    const withChildren = new Set(codes.map((c) => c.parentId).filter((id): id is string => id !== null));
    return codeOptions(codes).filter((o) => withChildren.has(o.value));
  }, [codes]);
  const onOpen = useCallback((pair: CellPair) => set({ cell: pair }), [set]);
  const onPairs = useCallback((n: number) => set({ pairs: n }), [set]);
  const pathOf = (id: string): string => matrix?.codes.find((c) => c.codeId === id)?.path ?? '';

  return (
    <div className="cooc-view">
      <Title order={2} size="h4" mb="xs">
        {t('retrieve.cooccurrence.heading')}
      </Title>
      <Group gap="md" align="end" wrap="wrap" mb="xs">
        <div>
          <Text size="sm" id="cooc-by-label">
            {t('retrieve.cooccurrence.by')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="cooc-by-label"
            data={COOCCURRENCE_BY.map((b) => ({ value: b, label: t(`retrieve.cooccurrence.byOptions.${b}`) }))}
            value={by}
            onChange={(v) => set({ by: v as CooccurrenceBy, cell: null })}
          />
        </div>
        <div>
          <Text size="sm" id="cooc-measure-label">
            {t('retrieve.cooccurrence.measure')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="cooc-measure-label"
            data={COOCCURRENCE_MEASURES.map((m) => ({ value: m, label: t(`retrieve.cooccurrence.measures.${m}`) }))}
            value={measure}
            onChange={(v) => set({ measure: v as CooccurrenceMeasure })}
          />
        </div>
        <Select
          label={t('retrieve.cooccurrence.codes')}
          placeholder={t('retrieve.cooccurrence.allCodes')}
          data={parents}
          value={codeId}
          onChange={(v) => set({ codeId: v, cell: null })}
          searchable
          clearable
          style={{ width: 280 }}
        />
        <CoderSelect value={coderIds} onChange={(ids) => set({ coderIds: ids, cell: null })} style={{ width: 240 }} />
        <div>
          <Text size="sm" id="cooc-view-label">
            {t('retrieve.cooccurrence.network.view')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="cooc-view-label"
            data={(['table', 'network'] as const).map((v) => ({ value: v, label: t(`retrieve.cooccurrence.network.views.${v}`) }))}
            value={view}
            onChange={(v) => set({ view: v as 'table' | 'network' })}
          />
        </div>
        <Switch label={t('retrieve.cooccurrence.onlyCooccurring')} checked={onlyCooccurring} onChange={(e) => set({ onlyCooccurring: e.currentTarget.checked })} mb={6} />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t(`retrieve.cooccurrence.help.${by}`)}
      </Text>
      {!arrived || !matrix ? (
        <Loader size="sm" aria-label={t('retrieve.cooccurrence.loading')} />
      ) : shown.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('retrieve.cooccurrence.empty')}
        </Text>
      ) : (
        <>
          {view === 'network' ? (
            <CooccurrenceNetwork matrix={matrix} values={values} measure={measure} shown={shown} pairs={pairs} onPairs={onPairs} onOpen={onOpen} />
          ) : (
            <>
              {shown.length > MANY && (
                <Alert color="gray" p={6} mb="xs">
                  {t('retrieve.cooccurrence.many')}
                </Alert>
              )}
              <CooccurrenceTable
                matrix={matrix}
                values={values}
                measure={measure}
                shown={shown}
                max={max}
                caption={t('retrieve.cooccurrence.caption', { by: t(`retrieve.cooccurrence.byOptions.${by}`), measure: t(`retrieve.cooccurrence.measures.${measure}`) })}
                selected={cell}
                onOpen={onOpen}
              />
            </>
          )}
        </>
      )}
      {cell && matrix && <CellPassages by={by} cell={cell} names={{ a: pathOf(cell.a), b: pathOf(cell.b) }} onClose={() => set({ cell: null })} />}
    </div>
  );
}
