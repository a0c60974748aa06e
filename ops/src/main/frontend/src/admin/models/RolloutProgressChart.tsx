import { LineChart } from '../charts/LineChart';

/** The rollout as the subscription pushed it, one point per change seen while the page is open. */
export interface ProgressPoint {
  at: number;
  step: number;
  weight: number;
  stableWeight: number;
}

export function RolloutProgressChart({ points }: { points: ProgressPoint[] }) {
  return (
    <LineChart
      id="rollout-progress-chart"
      title="Traffic split while this page is open (%)"
      x={points.map((p) => p.at)}
      series={[
        { label: 'candidate arm', values: points.map((p) => p.weight), color: '#c2410c', stepped: true },
        { label: 'stable arm', values: points.map((p) => p.stableWeight), color: '#1f5fbf', stepped: true },
      ]}
    />
  );
}
