import { useState } from 'react';
import { ErrorMessage } from '../Feedback';
import { type Processor, type Reset, resetProcessor } from './opsApi';
import { caughtUp, type FollowedReset } from './Processors';
import { Segments } from './Segments';

interface Props {
  processor: Processor;
  readAt: number;
  /** The reset started from this page, if any: its replay is followed until the position passes headAtReset. */
  reset: FollowedReset | undefined;
  /** Where a replay starts (the screen's one field, a datetime-local value); blank: the start of the log. */
  from: string;
  onReset: (reset: Reset) => void;
  onChanged: () => void;
}

/** One processor: status, position, lag, segments (split and merge), and a replay with its live progress. */
export function ProcessorRow({ processor, readAt, reset, from, onReset, onChanged }: Props) {
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const id = processor.name.replace(/[^A-Za-z0-9_-]/g, '_');

  const replay = async () => {
    if (!window.confirm(`Reset ${processor.name} and replay ${from ? `from ${from}` : 'the whole log'}?`)) return;
    setBusy(true);
    setError(undefined);
    try {
      onReset(await resetProcessor(processor.name, from ? new Date(from).toISOString() : null));
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr data-processor={processor.name}>
      <th scope="row">{processor.name}</th>
      <td className={processor.error ? 'bad' : undefined}>{status(processor)}</td>
      <td>
        {processor.position} / {processor.head}
      </td>
      <td>{processor.lag}</td>
      <td>
        <Segments processor={processor} onChanged={onChanged} />
      </td>
      <td>{processor.deadLetterSequences}</td>
      <td>
        <ReplayStatus id={id} processor={processor} finished={reset !== undefined && caughtUp(processor, reset, readAt)} reset={reset} />
        {processor.supportsReset ? (
          <button type="button" id={`replay-${id}`} onClick={replay} disabled={busy || processor.replaying}
            aria-label={`Replay ${processor.name}`}>
            Replay
          </button>
        ) : (
          <span className="meta">cannot replay (a saga)</span>
        )}
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}

function status(processor: Processor): string {
  if (processor.error) return `error: ${processor.error}`;
  if (processor.replaying) return 'replaying';
  return processor.running ? 'running' : 'stopped';
}

/** The replay's share done while it runs; once a reset from this page has caught up, that it finished. */
function ReplayStatus(props: { id: string; processor: Processor; finished: boolean; reset: Reset | undefined }) {
  const { id, processor, finished, reset } = props;
  if (processor.replaying) {
    const share = processor.replayProgress;
    return (
      <p id={`replay-status-${id}`} className="replaying">
        <label className="inline">
          replaying
          <progress max={1} value={share ?? undefined} aria-label={`${processor.name} replay progress`} />
          {share !== null && `${Math.round(share * 100)}%`}
        </label>
      </p>
    );
  }
  if (finished && reset) {
    return (
      <p id={`replay-status-${id}`} role="status">
        Replay finished: caught up past event {reset.headAtReset}.
      </p>
    );
  }
  if (reset) return <p id={`replay-status-${id}`}>Replay requested…</p>;
  return null;
}
