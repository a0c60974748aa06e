import { useState } from 'react';
import { ErrorMessage } from '../Feedback';
import { changeSegment, type Processor } from './opsApi';

/** A processor's segments, each with its claim and position, and split / merge on the existing mutations. */
export function Segments({ processor, onChanged }: { processor: Processor; onChanged: () => void }) {
  const [error, setError] = useState<Error>();
  const [outcome, setOutcome] = useState<string>();
  const change = async (kind: 'split' | 'merge', segmentId: number) => {
    setError(undefined);
    try {
      const result = await changeSegment(kind, processor.name, segmentId);
      setOutcome(result.succeeded ? `${kind} done: ${result.segments.length} segments` : `${kind} not carried out (claimed elsewhere?)`);
      onChanged();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  return (
    <details>
      <summary>{processor.segments.length} segment{processor.segments.length === 1 ? '' : 's'}</summary>
      <ul className="segments">
        {processor.segments.map((segment) => (
          <li key={segment.segmentId}>
            #{segment.segmentId} (mask {segment.mask}) · {segment.owner ?? 'unclaimed'}
            {segment.claimedHere && ' (here)'} · at {segment.position ?? '—'}
            {segment.replaying && ' · replaying'}
            {segment.error && <span className="bad"> · {segment.error}</span>}{' '}
            <button type="button" onClick={() => change('split', segment.segmentId)} aria-label={`Split segment ${segment.segmentId} of ${processor.name}`}>
              Split
            </button>
            {processor.segments.length > 1 && (
              <button type="button" onClick={() => change('merge', segment.segmentId)} aria-label={`Merge segment ${segment.segmentId} of ${processor.name}`}>
                Merge
              </button>
            )}
          </li>
        ))}
      </ul>
      {outcome && <p role="status">{outcome}</p>}
      <ErrorMessage error={error} />
    </details>
  );
}
