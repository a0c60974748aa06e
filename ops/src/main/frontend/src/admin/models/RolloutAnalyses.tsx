import { LineChart } from '../charts/LineChart';
import { ErrorMessage, Loading } from '../Feedback';
import type { RolloutAnalysis } from './deploymentApi';

/** A rollout's analyses, oldest first: each gate's observed value against its limit over time, then the table. */
export function RolloutAnalyses({ analyses, error }: { analyses: RolloutAnalysis[] | undefined; error: Error | undefined }) {
  return (
    <section aria-labelledby="analyses-title">
      <h2 id="analyses-title">Analyses</h2>
      <ErrorMessage error={error} />
      {!analyses && !error && <Loading what="the analyses" />}
      {analyses && analyses.length === 0 && <p className="empty">No analysis yet: the first comes after one analysis interval.</p>}
      {analyses && analyses.length > 0 && (
        <>
          <div className="charts">
            <SamplesChart analyses={analyses} />
            {gatesOf(analyses).map((gate) => (
              <GateChart key={gate} gate={gate} analyses={analyses} />
            ))}
          </div>
          <AnalysesTable analyses={analyses} />
        </>
      )}
    </section>
  );
}

function gatesOf(analyses: RolloutAnalysis[]): string[] {
  return [...new Set(analyses.flatMap((a) => a.results.map((r) => r.gate)))];
}

const seconds = (analyses: RolloutAnalysis[]) => analyses.map((a) => Date.parse(a.analyzedAt) / 1000);

function SamplesChart({ analyses }: { analyses: RolloutAnalysis[] }) {
  return (
    <LineChart
      id="samples-chart"
      title="Samples per arm"
      x={seconds(analyses)}
      series={[
        { label: 'stable', values: analyses.map((a) => a.stable.samples), color: '#1f5fbf' },
        { label: 'candidate', values: analyses.map((a) => a.candidate.samples), color: '#c2410c' },
      ]}
    />
  );
}

/** One gate: what the candidate showed, and the limit it had to keep (null where an analysis held without judging). */
function GateChart({ gate, analyses }: { gate: string; analyses: RolloutAnalysis[] }) {
  const result = (a: RolloutAnalysis) => a.results.find((r) => r.gate === gate);
  return (
    <LineChart
      id={`gate-chart-${gate}`}
      title={`Gate ${gate}`}
      x={seconds(analyses)}
      series={[
        { label: 'observed', values: analyses.map((a) => result(a)?.observed ?? null), color: '#c2410c' },
        { label: 'limit', values: analyses.map((a) => result(a)?.limit ?? null), color: '#a3180c', dashed: true },
        { label: 'stable baseline', values: analyses.map((a) => result(a)?.baseline ?? null), color: '#1f5fbf' },
      ]}
    />
  );
}

function AnalysesTable({ analyses }: { analyses: RolloutAnalysis[] }) {
  return (
    <table id="analyses">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Step</th>
          <th scope="col">Verdict</th>
          <th scope="col">Gates</th>
          <th scope="col">Samples (stable / candidate)</th>
          <th scope="col">Rationale</th>
        </tr>
      </thead>
      <tbody>
        {analyses.map((a) => (
          <tr key={a.analyzedAt + a.step} className={`verdict-${a.verdict.toLowerCase()}`}>
            <td>{new Date(a.analyzedAt).toLocaleTimeString()}</td>
            <td>
              {a.step} ({a.phase})
            </td>
            <td>{a.verdict}</td>
            <td>
              {a.results.length === 0
                ? '—'
                : a.results.map((r) => `${r.gate} ${r.passed ? 'passed' : 'FAILED'} (${number(r.observed)} vs ${number(r.limit)})`).join('; ')}
            </td>
            <td>
              {a.stable.samples} / {a.candidate.samples}
            </td>
            <td>{a.rationale}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function number(value: number | null): string {
  return value === null ? '—' : Number.isInteger(value) ? String(value) : value.toFixed(3);
}
