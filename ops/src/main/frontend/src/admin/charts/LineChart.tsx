import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** One value per point of x; null leaves a gap. */
  values: (number | null)[];
  color: string;
  /** Drawn as a dashed line, e.g. a gate's limit beside what was observed. */
  dashed?: boolean;
  /** Drawn as steps: the value holds until the next point (e.g. a traffic split), rather than sloping to it. */
  stepped?: boolean;
}

interface Props {
  id: string;
  title: string;
  /** The points' instants, in seconds since the epoch (uPlot's time axis). */
  x: number[];
  series: ChartSeries[];
  height?: number;
}

/**
 * A small time-series chart (uPlot: canvas, no eval, no inline script, so it runs under the strict
 * Content-Security-Policy). Screen readers get the caption and the latest value of each series.
 */
export function LineChart({ id, title, x, series, height = 180 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const shape = series.map((s) => `${s.label}|${s.color}|${s.dashed ? 1 : 0}|${s.stepped ? 1 : 0}`).join(',');

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: Math.max(320, element.clientWidth || 600),
      height,
      legend: { show: true },
      scales: { x: { time: true } },
      // room for labels such as 60,000 (a latency limit in ms)
      axes: [{}, { size: 64 }],
      series: [{}, ...series.map((s) => ({
        label: s.label,
        stroke: s.color,
        width: 2,
        dash: s.dashed ? [6, 4] : undefined,
        spanGaps: true,
        paths: s.stepped ? stepped : undefined,
      }))],
    };
    chart.current = new uPlot(options, [x, ...series.map((s) => s.values)] as uPlot.AlignedData, element);
    const resize = new ResizeObserver(() => chart.current?.setSize({ width: Math.max(320, element.clientWidth), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
    // rebuilt only when the series themselves change; new points go through setData below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, height]);

  useEffect(() => {
    chart.current?.setData([x, ...series.map((s) => s.values)] as uPlot.AlignedData);
  }, [x, series]);

  const latest = series.map((s) => `${s.label} ${format(s.values[s.values.length - 1])}`).join(', ');
  return (
    <figure className="chart" id={id} data-points={x.length}>
      <figcaption>{title}</figcaption>
      <div ref={box} role="img" aria-label={x.length === 0 ? `${title}: no data yet` : `${title}, latest: ${latest}`} />
      {x.length === 0 && <p className="empty">No data yet.</p>}
    </figure>
  );
}

const stepped = uPlot.paths.stepped!({ align: 1 });

function format(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
