import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../Feedback';
import { href } from '../route';
import { type Deployment, startRollout, type StrategyInput } from './deploymentApi';

/**
 * Starts a rollout on a slot: the candidate version, the canary steps, the analysis interval and
 * samples, an optional shadow phase and the gates. The API validates every value and names the
 * field it refuses; the page opens the rollout once started.
 */
export function StartRolloutForm({ slots }: { slots: Deployment[] }) {
  const [slotId, setSlotId] = useState(slots[0].id);
  const slot = slots.find((s) => s.id === slotId) ?? slots[0];
  const [modelId, setModelId] = useState(slot.stable.modelId);
  const [version, setVersion] = useState('');
  const [steps, setSteps] = useState('5, 25, 50, 100');
  const [interval, setAnalysisInterval] = useState('PT30M');
  const [minSamples, setMinSamples] = useState('50');
  const [mirrored, setMirrored] = useState('');
  const [maxErrorRate, setMaxErrorRate] = useState('0.05');
  const [maxLatency, setMaxLatency] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const strategy: StrategyInput = {
        canarySteps: steps.split(/[\s,]+/).filter(Boolean).map(Number),
        analysisInterval: interval.trim(),
        minSamples: Number(minSamples),
        gates: gates(maxErrorRate, maxLatency),
        ...(mirrored.trim() ? { shadow: { mirroredRequests: Number(mirrored) } } : {}),
      };
      const rolloutId = await startRollout(slot.id, { modelId: modelId.trim(), version: version.trim() }, strategy, reason);
      window.location.hash = href({ screen: 'rollout', deploymentId: slot.id, rolloutId });
    } catch (failure) {
      setError(failure as Error);
      setBusy(false);
    }
  };

  const chooseSlot = (id: string) => {
    setSlotId(id);
    setModelId(slots.find((s) => s.id === id)?.stable.modelId ?? '');
  };

  return (
    <section aria-labelledby="start-rollout-title">
      <h2 id="start-rollout-title">Start a rollout</h2>
      <form className="grid" onSubmit={submit}>
        <label>
          Slot
          <select id="rollout-slot" value={slot.id} onChange={(event) => chooseSlot(event.target.value)}>
            {slots.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}
              </option>
            ))}
          </select>
        </label>
        <Field id="rollout-model" label="Candidate model" value={modelId} onChange={setModelId} required />
        <Field id="rollout-version" label="Candidate version" value={version} onChange={setVersion} required />
        <Field id="rollout-steps" label="Canary steps, % (the last 100)" value={steps} onChange={setSteps} required />
        <Field id="rollout-interval" label="Analysis interval (ISO-8601)" value={interval} onChange={setAnalysisInterval} required />
        <Field id="rollout-min-samples" label="Samples per arm" value={minSamples} onChange={setMinSamples} required />
        <Field id="rollout-mirrored" label="Shadow: mirrored requests (blank: no shadow)" value={mirrored} onChange={setMirrored} />
        <Field id="rollout-max-error-rate" label="Gate: max error rate (blank: none)" value={maxErrorRate} onChange={setMaxErrorRate} />
        <Field id="rollout-max-latency" label="Gate: max p95 latency, ms (blank: none)" value={maxLatency} onChange={setMaxLatency} />
        <Field id="rollout-reason" label="Reason" value={reason} onChange={setReason} required wide />
        <div className="wide">
          <button type="submit" id="rollout-submit" disabled={busy}>
            Start rollout
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}

function gates(maxErrorRate: string, maxLatency: string): Record<string, number> {
  const chosen: Record<string, number> = {};
  if (maxErrorRate.trim()) chosen.maxErrorRate = Number(maxErrorRate);
  if (maxLatency.trim()) chosen.maxLatencyP95Millis = Number(maxLatency);
  return chosen;
}

function Field(props: { id: string; label: string; value: string; onChange: (value: string) => void; required?: boolean; wide?: boolean }) {
  return (
    <label htmlFor={props.id} className={props.wide ? 'wide' : undefined}>
      {props.label}
      <input id={props.id} value={props.value} required={props.required} onChange={(event) => props.onChange(event.target.value)} />
    </label>
  );
}
