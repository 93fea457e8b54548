/**
 * An ECharts chart drawn as SVG (no canvas, nothing the CSP forbids), resized with its container
 * and disposed with the view. Loaded on demand: only the Compare and Co-occurrence views need
 * ECharts (Co-occurrence for its network of pairs, whose edges answer clicks).
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { init, use } from 'echarts/core';
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';
import { BarChart, GraphChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([HeatmapChart, BarChart, LineChart, GraphChart, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent, SVGRenderer]);

/** What the view can ask of the chart on screen: its SVG, for export. */
export interface ChartHandle {
  svg(): string;
}

interface MatrixChartProps {
  readonly option: EChartsCoreOption;
  readonly height: number;
  readonly minWidth: number;
  /** Summary read by screen readers instead of the drawing; the table holds the figures. */
  readonly label: string;
  readonly handle?: RefObject<ChartHandle | null>;
  /** A click on a drawn item (a cell, a bar, an edge). */
  readonly onItemClick?: (event: ECElementEvent) => void;
}

export default function MatrixChart({ option, height, minWidth, label, handle, onItemClick }: MatrixChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    if (handle) handle.current = { svg: () => instance.renderToSVGString() };
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      if (handle) handle.current = null;
    };
  }, [handle]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onItemClick) return;
    instance.on('click', onItemClick);
    return () => {
      instance.off('click', onItemClick);
    };
  }, [onItemClick]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    chart.current?.resize();
  }, [height, minWidth]);

  return (
    <div className="compare-chart-wrap">
      <div ref={container} className="compare-chart" role="img" aria-label={label} style={{ height, minWidth }} />
    </div>
  );
}
