/**
 * ECharts options for the Compare view's charts, as plain data: a heatmap of codes × columns,
 * grouped bars (one group per code, one bar per column) and, for a matrix split by period, one
 * code over time (a line per case or value). Pure, so unit tests check them without a browser.
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { Matrix } from '../../../src-shared/contract';
import { escapeHtml } from '../../../src-shared/text/escape';
import { HEAT_RANGE, heatMax, timeSeries } from './model';

export type ChartOption = ComposeOption<
  HeatmapSeriesOption | BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export type ChartKind = 'heatmap' | 'bars' | 'trend';

export interface ChartTexts {
  /** Column labels as the table shows them. */
  readonly columns: readonly string[];
  /** A value as the table writes it (locale digits, % for shares). */
  readonly value: (n: number) => string;
  /** A period key as a header writes it. */
  readonly period: (key: string) => string;
}

/**
 * The interface's own font stack, with fallbacks that have Cyrillic. Single quotes only: ECharts
 * writes it unescaped into a double-quoted style attribute of the exported SVG.
 */
export const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const NBSP = '\u00a0';


/** A code's label on an axis: indented by its depth in the codebook. */
export const codeLabel = (row: { readonly name: string; readonly depth: number }): string => `${NBSP.repeat(row.depth * 3)}${row.name}`;

const base = {
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: FONT },
} as const;

/** How tall a chart should be for its rows and columns, in pixels. */
export function chartHeight(kind: ChartKind, matrix: Pick<Matrix, 'rows' | 'columns'>): number {
  if (kind === 'trend') return 360 + 22 * Math.ceil([...new Set(matrix.columns.map((c) => c.group))].length / 5);
  const rows = Math.max(1, matrix.rows.length);
  if (kind === 'heatmap') return Math.max(220, 120 + rows * 22);
  const groups = [...new Set(matrix.columns.map((c) => c.group))].length;
  return Math.max(260, 90 + rows * Math.max(22, matrix.columns.length * 7 + 8) + Math.ceil(groups / 6) * 22);
}

/** How wide a chart needs to be for its columns to stay legible, in pixels (wider ones scroll). */
export function chartMinWidth(kind: ChartKind, matrix: Pick<Matrix, 'columns'>): number {
  if (kind === 'heatmap') return 340 + matrix.columns.length * 36;
  if (kind === 'trend') return 480;
  return 600;
}

export function heatmapOption(matrix: Matrix, texts: ChartTexts): ChartOption {
  const data: [number, number, number][] = [];
  matrix.rows.forEach((row, y) => row.cells.forEach((v, x) => data.push([x, y, v])));
  const max = heatMax(matrix);
  const rotate = matrix.columns.length > 6 ? 30 : 0;
  return {
    ...base,
    tooltip: {
      position: 'top',
      formatter: (params: unknown) => {
        const [x, y, v] = (params as { value: [number, number, number] }).value;
        return `${escapeHtml(matrix.rows[y]?.path ?? '')}<br>${escapeHtml(texts.columns[x] ?? '')}: <b>${escapeHtml(texts.value(v))}</b>`;
      },
    },
    grid: { left: 8, right: 24, top: 12, bottom: 64, containLabel: true },
    xAxis: {
      type: 'category',
      data: [...texts.columns],
      splitArea: { show: true },
      axisLabel: { interval: 0, rotate, width: 180, overflow: 'truncate' },
    },
    yAxis: {
      type: 'category',
      data: matrix.rows.map(codeLabel),
      inverse: true,
      splitArea: { show: true },
      axisLabel: { interval: 0, width: 280, overflow: 'truncate', align: 'left', margin: 290 },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: max > 0 ? max : 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      inRange: { color: [...HEAT_RANGE] },
      formatter: (v: unknown) => texts.value(Number(v)),
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: data.length <= 400, formatter: (p: unknown) => texts.value((p as { value: [number, number, number] }).value[2]), fontSize: 10 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#1a1b1e', borderWidth: 1 } },
      },
    ],
  };
}

export function barsOption(matrix: Matrix, texts: ChartTexts): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => texts.value(Number(v)) },
    legend: { type: 'plain', top: 0, left: 0, right: 0 },
    grid: { left: 8, right: 24, top: 22 * Math.ceil([...new Set(texts.columns)].length / 6) + 12, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => texts.value(v) } },
    yAxis: {
      type: 'category',
      data: matrix.rows.map(codeLabel),
      inverse: true,
      axisLabel: { interval: 0, width: 280, overflow: 'truncate', align: 'left', margin: 290 },
    },
    series: matrix.columns.map((_, c) => ({
      type: 'bar' as const,
      name: texts.columns[c] ?? '',
      data: matrix.rows.map((r) => r.cells[c] ?? 0),
      barMaxWidth: 14,
    })),
  };
}

export function trendOption(matrix: Matrix, rowIndex: number, texts: ChartTexts): ChartOption {
  const { periods, series } = timeSeries(matrix, rowIndex);
  return {
    ...base,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : texts.value(Number(v))) },
    // A plain legend wraps: every line stays named in an exported picture.
    legend: { type: 'plain', top: 0, left: 0, right: 0 },
    grid: { left: 8, right: 36, top: 22 * Math.ceil(series.length / 5) + 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods.map(texts.period), boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => texts.value(v) } },
    series: series.map((s) => ({ type: 'line' as const, name: s.group, data: s.values, connectNulls: false, symbolSize: 7 })),
  };
}
