/**
 * The ECharts option of the network of strongest pairs: codes as nodes (sized by their own count,
 * in their colour), pairs as edges (thicker for a stronger figure). Codes sit on a circle in
 * codebook order, so the picture is the same every time for the same figures. Pure, for tests.
 */
import type { ComposeOption } from 'echarts/core';
import type { GraphSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import type { CooccurrenceMatrix } from '../../../src-shared/contract';
import { FONT } from '../compare/charts';
import type { Pair } from './model';

export type NetworkOption = ComposeOption<GraphSeriesOption | TooltipComponentOption>;

/** What an edge carries, so a click on it opens that pair's passages. */
export interface EdgeData {
  readonly source: string;
  readonly target: string;
  readonly codeIds: readonly [string, string];
  readonly value: number;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function networkOption(matrix: CooccurrenceMatrix, pairs: readonly Pair[], format: (n: number) => string): NetworkOption {
  const used = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].sort((x, y) => x - y);
  const own = (i: number): number => matrix.counts[i]![i]!;
  const largest = Math.max(1, ...used.map(own));
  const strongest = Math.max(0, ...pairs.map((p) => p.value));
  const edges: (EdgeData & { lineStyle: { width: number } })[] = pairs.map((p) => ({
    source: String(p.a),
    target: String(p.b),
    codeIds: [matrix.codes[p.a]!.codeId, matrix.codes[p.b]!.codeId],
    value: p.value,
    lineStyle: { width: strongest > 0 ? 1 + 7 * (p.value / strongest) : 1 },
  }));
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT },
    tooltip: {
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        if (!item) return '';
        if (item.dataType === 'edge') {
          const edge = item.data as EdgeData;
          return `${escapeHtml(matrix.codes[Number(edge.source)]!.path)} × ${escapeHtml(matrix.codes[Number(edge.target)]!.path)}: ${escapeHtml(format(edge.value))}`;
        }
        const index = Number((item.data as { id: string }).id);
        return `${escapeHtml(matrix.codes[index]!.path)}: ${own(index)}`;
      },
    },
    series: [
      {
        type: 'graph',
        layout: 'circular',
        circular: { rotateLabel: true },
        roam: false,
        label: { show: true, position: 'right', fontFamily: FONT },
        emphasis: { focus: 'adjacency' },
        data: used.map((i) => ({
          id: String(i),
          name: matrix.codes[i]!.name,
          symbolSize: 8 + 22 * Math.sqrt(own(i) / largest),
          itemStyle: { color: matrix.codes[i]!.color },
        })),
        edges,
        lineStyle: { color: '#868e96', opacity: 0.7, curveness: 0.15 },
      },
    ],
  };
}
