import { useState } from 'react';
import { ErrorMessage } from '../Feedback';
import { controlRollout, type RolloutControl, type RolloutProgress } from './deploymentApi';

/**
 * Pause, resume, promote and abort, on the existing mutations. Promote and abort ask for a reason
 * (the API requires one) and a confirmation; the page then shows the change as the slot pushes it.
 */
export function RolloutControls({ deploymentId, rollout }: { deploymentId: string; rollout: RolloutProgress }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<RolloutControl>();
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState<string>();

  const act = async (control: RolloutControl) => {
    if ((control === 'promote' || control === 'abort') && !window.confirm(`${control} this rollout?`)) return;
    setBusy(control);
    setError(undefined);
    setDone(undefined);
    try {
      await controlRollout(control, deploymentId, rollout.rolloutId, reason);
      setDone(`${control} sent; the slot shows it once the deployment has recorded it.`);
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section aria-labelledby="controls-title" className="controls">
      <h2 id="controls-title">Controls</h2>
      <label htmlFor="rollout-control-reason">
        Reason (required to promote or abort)
        <input id="rollout-control-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <div className="buttons">
        {rollout.paused ? (
          <Control id="resume-rollout" label="Resume" busy={busy} onClick={() => act('resume')} />
        ) : (
          <Control id="pause-rollout" label="Pause" busy={busy} onClick={() => act('pause')} />
        )}
        <Control id="promote-rollout" label="Promote now" busy={busy} onClick={() => act('promote')} />
        <Control id="abort-rollout" label="Abort" busy={busy} onClick={() => act('abort')} />
      </div>
      {done && <p role="status">{done}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}

function Control(props: { id: string; label: string; busy: RolloutControl | undefined; onClick: () => void }) {
  return (
    <button type="button" id={props.id} onClick={props.onClick} disabled={props.busy !== undefined}>
      {props.label}
    </button>
  );
}
