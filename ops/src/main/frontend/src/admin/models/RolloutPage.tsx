import { useCallback, useEffect, useState } from 'react';
import { ErrorMessage, Loading } from '../Feedback';
import { LiveStatus } from '../LiveStatus';
import { href } from '../route';
import { useQuery } from '../useQuery';
import { ANALYSES_QUERY, type Deployment, type RolloutAnalysis, type RolloutProgress } from './deploymentApi';
import { refText } from './modelApi';
import { RolloutAnalyses } from './RolloutAnalyses';
import { RolloutControls } from './RolloutControls';
import { type ProgressPoint, RolloutProgressChart } from './RolloutProgressChart';
import { TrafficSplit } from './TrafficSplit';
import { useDeployments } from './useDeployments';

/** How often the analyses are read again while the rollout runs: the saga records them on its own clock. */
const ANALYSES_REFRESH_MS = 3000;

/**
 * One rollout, live: its phase, step and traffic split as deploymentEvents pushes them, the controls,
 * and its analyses with each gate's result over time. Once the slot no longer carries the rollout,
 * the page says how it ended (the candidate stable: promoted; otherwise rolled back or aborted).
 */
export function RolloutPage({ deploymentId, rolloutId }: { deploymentId: string; rolloutId: string }) {
  const [progress, setProgress] = useState<RolloutProgress>();
  const [points, setPoints] = useState<ProgressPoint[]>([]);
  const follow = useCallback((slot: Deployment) => {
    if (slot.id !== deploymentId) return;
    const at = Date.now() / 1000;
    if (slot.rollout?.rolloutId === rolloutId) {
      const current = slot.rollout;
      setProgress(current);
      setPoints((previous) => [...previous, { at, step: current.step, weight: current.weight, stableWeight: slot.traffic.stableWeight }]);
    } else {
      setPoints((previous) => (previous.length > 0 ? [...previous, { at, step: previous[previous.length - 1].step, weight: slot.traffic.canaryWeight, stableWeight: slot.traffic.stableWeight }] : previous));
    }
  }, [deploymentId, rolloutId]);
  const { slots, loading, error, feed } = useDeployments(follow);
  const slot = slots?.find((s) => s.id === deploymentId);
  const running = slot?.rollout?.rolloutId === rolloutId ? slot.rollout : undefined;
  const shown = running ?? progress;
  useEffect(() => {
    if (running && !progress) setProgress(running);
  }, [running, progress]);

  const analyses = useQuery<{ rolloutAnalyses: RolloutAnalysis[] }>(ANALYSES_QUERY, { deploymentId, rolloutId });
  const reloadAnalyses = analyses.reload;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(reloadAnalyses, ANALYSES_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [running, reloadAnalyses]);
  useEffect(reloadAnalyses, [running?.step, running?.paused, running === undefined, reloadAnalyses]);

  if (loading) return <Loading what="the rollout" />;
  if (error) return <ErrorMessage error={error} />;
  if (!slot) return <p role="alert">There is no deployment slot {deploymentId}.</p>;
  return (
    <>
      <p>
        <a href={href({ screen: 'deployments' })}>← Deployments</a>
      </p>
      <h1>Rollout on {deploymentId}</h1>
      <LiveStatus feed={feed} what="rollout progress" />
      <p id="rollout-state" className="state" aria-live="polite">
        {running ? runningText(running) : endedText(slot, shown)}
      </p>
      {shown && (
        <p className="meta">
          Candidate {refText(shown.candidate)}
          {running && ` over stable ${refText(slot.stable)}`} · plan {shown.plan.join(' → ')} % · analysis every{' '}
          {shown.strategy.analysisInterval}, {shown.strategy.minSamples} samples per arm · started{' '}
          {new Date(shown.startedAt).toLocaleString()} · “{shown.reason}”
        </p>
      )}
      <TrafficSplit slot={slot} />
      {running && <RolloutControls deploymentId={deploymentId} rollout={running} />}
      <RolloutProgressChart points={points} />
      <RolloutAnalyses analyses={analyses.data?.rolloutAnalyses} error={analyses.error} />
      <p>
        <a href={href({ screen: 'audit' })}>Audit a beat narrated during the rollout</a>
      </p>
    </>
  );
}

function runningText(rollout: RolloutProgress): string {
  return `${rollout.phase}${rollout.paused ? ' (paused)' : ''}: step ${rollout.step} of ${rollout.lastStep}, candidate weight ${rollout.weight}%`;
}

function endedText(slot: Deployment, last: RolloutProgress | undefined): string {
  if (!last) return 'Not in progress: this rollout has ended (or never ran on this slot).';
  const stableIsCandidate = slot.stable.modelId === last.candidate.modelId && slot.stable.version === last.candidate.version;
  return stableIsCandidate
    ? `PROMOTED: ${refText(last.candidate)} is now the stable model.`
    : `ENDED (rolled back or aborted): ${refText(slot.stable)} serves alone again.`;
}
