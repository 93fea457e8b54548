import { describe, expect, it } from 'vitest';
import { barsOption, chartHeight, codeLabel, heatmapOption, trendOption } from '../../../src-renderer/views/compare/charts';
import type { ChartTexts } from '../../../src-renderer/views/compare/charts';
import { column, matrix, row, splitByYear } from './fixture';

const texts = (labels: string[]): ChartTexts => ({ columns: labels, value: (n) => `${n}%`, period: (k) => `<${k}>` });

describe('chart options', () => {
  const m = matrix([row('Paternalism', 0, [1, 2]), row('Type 2', 2, [3, 0])], [column('a', 'Кольца'), column('b', 'Шахта')], 'rowpct');

  it('put codes × columns on a heatmap scaled to the largest cell, rows indented by depth', () => {
    const option = heatmapOption(m, texts(['Кольца', 'Шахта'])) as Record<string, unknown> & { series: { data: unknown }[]; visualMap: { max: number }; yAxis: { data: string[] }; xAxis: { data: string[] } };
    expect(option.series[0]!.data).toEqual([[0, 0, 1], [1, 0, 2], [0, 1, 3], [1, 1, 0]]);
    expect(option.visualMap.max).toBe(3);
    expect(option.xAxis.data).toEqual(['Кольца', 'Шахта']);
    expect(option.yAxis.data).toEqual(['Paternalism', `${'\u00a0'.repeat(6)}Type 2`]);
    expect(codeLabel({ name: 'x', depth: 1 })).toBe('\u00a0\u00a0\u00a0x');
  });

  it('draw one group of bars per code and one bar (series) per column', () => {
    const option = barsOption(m, texts(['Кольца', 'Шахта'])) as { series: { name: string; data: number[] }[] };
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Кольца', [1, 3]],
      ['Шахта', [2, 0]],
    ]);
  });

  it('draw a line per case over the periods for the chosen code, with gaps, periods written out', () => {
    const option = trendOption(splitByYear(), 0, texts([])) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] };
    expect(option.xAxis.data).toEqual(['<1993>', '<1994>']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Кольца', [2, 4]],
      ['Шахта', [1, null]],
    ]);
  });

  it('grow with the rows', () => {
    expect(chartHeight('heatmap', { rows: Array(40).fill(m.rows[0]), columns: m.columns })).toBeGreaterThan(chartHeight('heatmap', m));
    expect(chartHeight('trend', m)).toBe(382);
  });
});

describe('charts as SVG files', () => {
  it('render (server-side, as on export) to well-formed SVG with Cyrillic labels', async () => {
    const echarts = await import('echarts');
    const { XMLValidator } = await import('fast-xml-parser');
    const m = matrix([row('Патернализм "сверху"', 0, [1, 2]), row('Type 2 & more', 1, [3, 0])], [column('a', 'Кольца'), column('b', 'Шахта «Берёзовая»')], 'per10k');
    for (const option of [heatmapOption(m, texts(['Кольца', 'Шахта «Берёзовая»'])), barsOption(m, texts(['Кольца', 'Шахта «Берёзовая»']))]) {
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 400 });
      chart.setOption(option as Parameters<typeof chart.setOption>[0]);
      const svg = chart.renderToSVGString();
      chart.dispose();
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).toContain('Кольца');
    }
  });
});
