import { useEffect, useRef } from 'react';
import styles from './stats.module.css';
import { echarts } from './echarts-setup.ts';

export interface Bucket {
  key: string;
  label: string;
  count: number;
}

export interface StatsChartProps {
  kind: 'pie' | 'bar';
  buckets: readonly Bucket[];
  title: string;
  /** Fixed colours by bucket key, e.g. party red for 正式党员. */
  colors?: Readonly<Record<string, string>>;
}

const PALETTE = [
  '#c8161d',
  '#e8622c',
  '#f2a93b',
  '#5b8ff9',
  '#5ad8a6',
  '#5d7092',
  '#9270ca',
  '#ff9d4d',
  '#269a99',
  '#bfbfbf',
];

function optionFor(
  kind: StatsChartProps['kind'],
  buckets: readonly Bucket[],
  colors: StatsChartProps['colors'],
  narrow: boolean,
): echarts.EChartsCoreOption {
  if (kind === 'pie') {
    return {
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}：{c}人（{d}%）' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['38%', '66%'],
          center: ['50%', '44%'],
          avoidLabelOverlap: true,
          // On a phone the slice labels collide; the legend and the table below carry the names.
          label: narrow ? { show: false } : { formatter: '{b}\n{c}人' },
          data: buckets.map((b) => {
            const color = colors?.[b.key];
            return { name: b.label, value: b.count, ...(color ? { itemStyle: { color } } : {}) };
          }),
        },
      ],
    };
  }
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: buckets.map((b) => b.label),
      axisLabel: { width: narrow ? 96 : 160, overflow: 'truncate' },
    },
    series: [
      { type: 'bar', data: buckets.map((b) => b.count), barMaxWidth: 22, label: { show: true, position: 'right' } },
    ],
  };
}

/** One ECharts chart; this module (and echarts with it) loads only when a chart is on screen. */
export default function StatsChart({ kind, buckets, title, colors }: StatsChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const height = kind === 'bar' ? Math.max(200, buckets.length * 32 + 40) : 300;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: 'svg', height });
    chart.setOption(optionFor(kind, buckets, colors, element.clientWidth < 420));
    const observer = new ResizeObserver(() => {
      chart.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [kind, buckets, colors, height]);

  return <div ref={container} role="img" aria-label={`${title}图表`} className={styles.chart} />;
}
