import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { Button, Group, Loader, Menu, NumberInput, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MATRIX_MEASURES } from '../../../src-shared/contract';
import type { InputOf, Matrix, MatrixMeasure, MatrixPeriod } from '../../../src-shared/contract';
import { formatPeriod } from '../../../src-shared/model/matrix-periods';
import { useAnswer } from '../../api/useQuery';
import { call } from '../../api/client';
import { formatNumber } from '../../i18n';
import { useData } from '../../stores/data';
import { attempt, useNotices } from '../../stores/notices';
import { codeOptions } from '../codebook/tree';
import { CoderSelect } from '../../components/CoderSelect';
import { barsOption, chartHeight, chartMinWidth, heatmapOption, trendOption } from './charts';
import type { ChartKind, ChartTexts } from './charts';
import { CellExcerpts } from './CellExcerpts';
import { download, downloadBase64 } from '../../components/download';
import { svgToPng } from './chart-image';
import { MatrixTable } from './MatrixTable';
import type { ChartHandle } from './MatrixChart';
import { columnChoices, columnLabel, formatValue, peak, resolveColumnsBy, timeSeries } from './model';
import { useCompare } from './store';
import { WavesDialog } from './WavesDialog';
import './compare.css';

// ECharts is loaded with the first chart, not with the app.
const MatrixChart = lazy(() => import('./MatrixChart'));

const ALL = '__all__';
const NO_PERIOD = 'none';

type MatrixInput = InputOf<'reports.matrix'>;

/** The chart on screen, for export: set by MatrixChart while it is mounted (there is one Compare tab). */
const chartHandle: { current: ChartHandle | null } = { current: null };

/** The Compare tab: how often each code occurs across enterprises, regions, roles or time. */
export function CompareView() {
  const { t, i18n } = useTranslation();
  const settings = useCompare();
  const codes = useData((s) => s.codes);
  const caseTypes = useData((s) => s.caseTypes);
  const attributes = useData((s) => s.attributes);
  const language = i18n.language === 'ru' ? 'ru' : 'en';

  // Settings from another project may name what this one lacks: they fall back to nothing chosen.
  const columns = settings.columns !== null && resolveColumnsBy(settings.columns, caseTypes, attributes) ? settings.columns : null;
  const codeId = settings.codeId !== null && codes.some((c) => c.id === settings.codeId && !c.archived) ? settings.codeId : null;
  const input = useMemo<MatrixInput | null>(
    () =>
      columns === null
        ? null
        : { columns, measure: settings.measure, ...(codeId ? { codeId } : {}), ...(settings.period ? { period: settings.period } : {}), coderIds: [...settings.coderIds] },
    [columns, settings.measure, codeId, settings.period, settings.coderIds],
  );
  const { arrived, result: matrix } = useAnswer('reports.matrix', input);
  const labels = useMemo(() => (matrix ? matrix.columns.map((c) => columnLabel(c, language, t('compare.undated'))) : []), [matrix, language, t]);

  const caption = matrix
    ? settings.period
      ? t('compare.captionPeriod', { measure: t(`compare.measures.${matrix.measure}`), columns: matrix.columnsBy, period: t(`compare.periodNames.${settings.period}`) })
      : t('compare.caption', { measure: t(`compare.measures.${matrix.measure}`), columns: matrix.columnsBy })
    : '';

  const selectedRow = matrix && settings.cell ? matrix.rows.find((r) => r.codeId === settings.cell!.codeId) : undefined;
  const selectedColumnIndex = matrix && settings.cell ? matrix.columns.findIndex((c) => c.key === settings.cell!.columnKey) : -1;
  const selectedColumn = matrix && selectedColumnIndex >= 0 ? matrix.columns[selectedColumnIndex] : undefined;

  const closeExcerpts = (): void => {
    const cell = settings.cell;
    settings.set({ cell: null });
    // Back to the figure the passages came from.
    if (cell) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(`${cell.codeId}|${cell.columnKey}`)}"]`)?.focus());
  };

  return (
    <div className="compare">
      <div className="compare-main">
        <Title order={2} size="h4" mb={6}>
          {t('compare.heading')}
        </Title>
        <Controls />
        {input === null ? (
          <Text c="dimmed" size="sm" mt="md" maw={640}>
            {t('compare.empty')}
          </Text>
        ) : !matrix ? (
          <Group gap={8} mt="md">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              {t('compare.loading')}
            </Text>
          </Group>
        ) : matrix.rows.length === 0 ? (
          <Text c="dimmed" size="sm" mt="md">
            {t('compare.noRows')}
          </Text>
        ) : matrix.columns.length === 0 ? (
          <Text c="dimmed" size="sm" mt="md">
            {t('compare.noColumns', { columns: matrix.columnsBy })}
          </Text>
        ) : (
          <Stack gap="sm" mt="sm" aria-busy={!arrived}>
            <Group justify="space-between" align="end">
              <Text size="xs" c="dimmed">
                {t('compare.clickHint')}
              </Text>
              <ExportMenu input={input} language={language} />
            </Group>
            <MatrixTable
              matrix={matrix}
              labels={labels}
              caption={caption}
              smallBelow={settings.smallBelow}
              sort={settings.sort}
              onSort={(sort) => settings.set({ sort })}
              selected={settings.cell}
              onOpen={(cell) => settings.set({ cell, trendCodeId: cell.codeId })}
            />
            <Charts matrix={matrix} labels={labels} language={language} />
          </Stack>
        )}
      </div>
      {matrix && selectedRow && selectedColumn && (
        <CellExcerpts
          key={`${selectedRow.codeId}|${selectedColumn.key}`}
          matrix={matrix}
          row={selectedRow}
          column={selectedColumn}
          columnLabel={labels[selectedColumnIndex] ?? selectedColumn.label}
          onClose={closeExcerpts}
        />
      )}
    </div>
  );
}

/** Rows, columns, measure, period and the small-count threshold. */
function Controls() {
  const { t } = useTranslation();
  const settings = useCompare();
  const codes = useData((s) => s.codes);
  const caseTypes = useData((s) => s.caseTypes);
  const attributes = useData((s) => s.attributes);
  const periodLabel = useId();
  const [editingWaves, setEditingWaves] = useState(false);
  const codeData = useMemo(() => [{ value: ALL, label: t('compare.allCodes') }, ...codeOptions(codes.filter((c) => !c.archived))], [codes, t]);
  const columnData = useMemo(() => {
    const choices = columnChoices(caseTypes, attributes);
    return [
      { group: t('compare.caseTypes'), items: choices.caseTypes },
      { group: t('compare.attributes'), items: choices.attributes },
    ].filter((g) => g.items.length > 0);
  }, [caseTypes, attributes, t]);
  const measureData = MATRIX_MEASURES.map((m) => ({ value: m, label: t(`compare.measures.${m}`) }));
  const columns = settings.columns !== null && resolveColumnsBy(settings.columns, caseTypes, attributes) ? settings.columns : null;
  const codeId = settings.codeId !== null && codes.some((c) => c.id === settings.codeId) ? settings.codeId : null;

  return (
    <Group align="start" gap="sm" role="group" aria-label={t('compare.controls')} wrap="wrap">
      <Select
        label={t('compare.rows')}
        data={codeData}
        value={codeId ?? ALL}
        onChange={(v) => settings.set({ codeId: v === null || v === ALL ? null : v, cell: null, sort: null })}
        searchable
        allowDeselect={false}
        limit={300}
        w={260}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('compare.columns')}
        placeholder={t('compare.columnsPlaceholder')}
        data={columnData}
        value={columns}
        onChange={(v) => settings.set({ columns: v, cell: null, sort: null })}
        searchable
        allowDeselect={false}
        w={230}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('compare.measure')}
        description={t(`compare.measureHelp.${settings.measure}`)}
        data={measureData}
        value={settings.measure}
        onChange={(v) => v && settings.set({ measure: v as MatrixMeasure })}
        allowDeselect={false}
        w={300}
        renderOption={({ option }) => (
          <div>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {t(`compare.measureHelp.${option.value as MatrixMeasure}`)}
            </Text>
          </div>
        )}
        comboboxProps={{ withinPortal: true, width: 380 }}
      />
      <div>
        <Text size="sm" fw={500} id={periodLabel} mb={2}>
          {t('compare.period')}
        </Text>
        <SegmentedControl
          aria-labelledby={periodLabel}
          size="xs"
          value={settings.period ?? NO_PERIOD}
          onChange={(v) => settings.set({ period: v === NO_PERIOD ? null : (v as MatrixPeriod), cell: null, sort: null })}
          data={[NO_PERIOD, 'month', 'quarter', 'year', 'wave'].map((p) => ({ value: p, label: t(`compare.periods.${p as MatrixPeriod | 'none'}`) }))}
        />
        <Button variant="subtle" size="compact-xs" ml={4} onClick={() => setEditingWaves(true)}>
          {t('compare.waves.edit')}
        </Button>
        {editingWaves && <WavesDialog onClose={() => setEditingWaves(false)} />}
      </div>
      <NumberInput
        label={t('compare.smallBelow')}
        description={t('compare.smallBelowHelp')}
        value={settings.smallBelow}
        onChange={(v) => settings.set({ smallBelow: typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.min(1000, Math.round(v))) : 0 })}
        min={0}
        max={1000}
        allowDecimal={false}
        w={260}
      />
      <CoderSelect value={settings.coderIds} onChange={(ids) => settings.set({ coderIds: ids, cell: null })} style={{ width: 260 }} />
    </Group>
  );
}

/** The table as CSV or Excel (made by the core), the chart on screen as SVG or PNG. */
function ExportMenu({ input, language }: { input: MatrixInput; language: 'en' | 'ru' }) {
  const { t } = useTranslation();
  const smallBelow = useCompare((s) => s.smallBelow);
  const chart = useCompare((s) => s.chart);

  const table = (format: 'csv' | 'xlsx', delimiter: ',' | ';' = ','): Promise<unknown> =>
    attempt(async () => {
      const file = await call('reports.matrixExport', { ...input, smallBelow, format, delimiter, language });
      downloadBase64(file.data, file.mimeType, file.fileName);
      useNotices.getState().push('info', t('compare.exported', { file: file.fileName }));
    });

  const picture = (format: 'svg' | 'png'): Promise<unknown> =>
    attempt(async () => {
      const svg = chartHandle.current?.svg();
      if (!svg) return;
      const name = `quire-${chart}-${String(input.columns).toLocaleLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}.${format}`;
      download(format === 'svg' ? new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(svg), name);
    });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default">
          {t('compare.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void table('csv')}>{t('compare.exports.csv')}</Menu.Item>
        <Menu.Item onClick={() => void table('csv', ';')}>{t('compare.exports.csvSemicolon')}</Menu.Item>
        <Menu.Item onClick={() => void table('xlsx')}>{t('compare.exports.xlsx')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => void picture('svg')}>{t('compare.exports.svg')}</Menu.Item>
        <Menu.Item onClick={() => void picture('png')}>{t('compare.exports.png')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Heatmap, grouped bars, or (split by period) one code over time. */
function Charts({ matrix, labels, language }: { matrix: Matrix; labels: readonly string[]; language: 'en' | 'ru' }) {
  const { t } = useTranslation();
  const kindSetting = useCompare((s) => s.chart);
  const trendCodeId = useCompare((s) => s.trendCodeId);
  const set = useCompare((s) => s.set);
  const viewLabel = useId();
  const kind: ChartKind = kindSetting === 'trend' && matrix.period === null ? 'heatmap' : kindSetting;
  const measure = t(`compare.measures.${matrix.measure}`);

  const trendRow = useMemo(() => {
    const chosen = matrix.rows.findIndex((r) => r.codeId === trendCodeId);
    if (chosen >= 0) return chosen;
    const used = matrix.rows.findIndex((r) => r.counts.some((n) => n > 0));
    return Math.max(0, used);
  }, [matrix, trendCodeId]);

  const texts = useMemo<ChartTexts>(
    () => ({ columns: labels, value: (n) => formatValue(n, matrix.measure, formatNumber), period: (k) => formatPeriod(k, language, t('compare.undated')) }),
    [labels, matrix.measure, language, t],
  );
  const option = useMemo(
    () => (kind === 'heatmap' ? heatmapOption(matrix, texts) : kind === 'bars' ? barsOption(matrix, texts) : trendOption(matrix, trendRow, texts)),
    [kind, matrix, texts, trendRow],
  );

  const summary = (() => {
    if (kind === 'heatmap') {
      const top = peak(matrix);
      if (!top) return t('compare.chartEmpty');
      return t('compare.chartHeatmap', {
        measure,
        rows: matrix.rows.length,
        columns: matrix.columns.length,
        max: texts.value(top.value),
        code: top.row.name,
        column: labels[matrix.columns.indexOf(top.column)] ?? top.column.label,
      });
    }
    if (kind === 'bars') return t('compare.chartBars', { measure, rows: matrix.rows.length, columns: matrix.columns.length });
    return t('compare.chartTrend', { measure, code: matrix.rows[trendRow]?.path ?? '', periods: timeSeries(matrix, trendRow).periods.length, columns: matrix.columnsBy });
  })();

  const views: ChartKind[] = matrix.period === null ? ['heatmap', 'bars'] : ['heatmap', 'bars', 'trend'];
  return (
    <Stack gap={6} mt="sm">
      <Group gap="sm" align="end">
        <div>
          <Text size="sm" fw={500} id={viewLabel} mb={2}>
            {t('compare.view')}
          </Text>
          <SegmentedControl aria-labelledby={viewLabel} size="xs" value={kind} onChange={(v) => set({ chart: v as ChartKind })} data={views.map((v) => ({ value: v, label: t(`compare.views.${v}`) }))} />
        </div>
        {kind === 'trend' && (
          <Select
            label={t('compare.trendCode')}
            data={matrix.rows.map((r) => ({ value: r.codeId, label: r.path }))}
            value={matrix.rows[trendRow]?.codeId ?? null}
            onChange={(v) => set({ trendCodeId: v })}
            searchable
            allowDeselect={false}
            w={360}
            comboboxProps={{ withinPortal: true }}
          />
        )}
      </Group>
      {kindSetting === 'trend' && matrix.period === null && (
        <Text size="xs" c="dimmed">
          {t('compare.trendNeedsPeriod')}
        </Text>
      )}
      <Suspense fallback={<Loader size="sm" />}>
        <MatrixChart option={option} height={chartHeight(kind, matrix)} minWidth={chartMinWidth(kind, matrix)} label={summary} handle={chartHandle} />
      </Suspense>
    </Stack>
  );
}
