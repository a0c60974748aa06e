import { useState } from 'react';
import { ErrorMessage, Loading } from '../Feedback';
import { useQuery } from '../useQuery';
import { DEAD_LETTER_QUERY, type DeadLetter, type DeadLetterDetail, evictDeadLetters, retryDeadLetters } from './opsApi';

/** One dead letter in full (payload, metadata, cause), with retry and evict for its sequence. */
export function DeadLetterDetailView({ letter, onDone }: { letter: DeadLetter; onDone: () => void }) {
  const detail = useQuery<{ deadLetter: DeadLetterDetail | null }>(DEAD_LETTER_QUERY, {
    group: letter.processingGroup,
    sequence: letter.sequence,
    index: letter.index,
  });
  const [error, setError] = useState<Error>();
  const [outcome, setOutcome] = useState<string>();

  const retry = async () => {
    setError(undefined);
    try {
      const result = await retryDeadLetters(letter.processingGroup, letter.sequence);
      setOutcome(result.sequencesCleared > 0 ? 'Retried: the sequence was handled and left the queue.' : 'Retried: it failed again and stays parked.');
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const evict = async () => {
    if (!window.confirm(`Evict sequence ${letter.sequence} of ${letter.processingGroup}? Its read model will never hear of these events (until a replay).`)) return;
    setError(undefined);
    try {
      const evicted = await evictDeadLetters(letter.processingGroup, letter.sequence);
      setOutcome(`Evicted ${evicted} letter${evicted === 1 ? '' : 's'}: the sequence left the queue unhandled.`);
    } catch (failure) {
      setError(failure as Error);
    }
  };

  const view = detail.data?.deadLetter;
  return (
    <section aria-labelledby="dead-letter-title" className="detail" id="dead-letter">
      <h3 id="dead-letter-title">
        {letter.processingGroup} · {letter.sequence} · #{letter.index}
      </h3>
      {detail.loading && !detail.data && <Loading what="the dead letter" />}
      <ErrorMessage error={detail.error ?? error} />
      {detail.data && !view && <p className="empty">It has left the queue.</p>}
      {view && (
        <dl className="facts">
          <dt>Event</dt>
          <dd>
            {view.eventType} ({view.eventIdentifier})
          </dd>
          <dt>Aggregate</dt>
          <dd>
            {view.aggregateType ?? '—'} {view.aggregateId ?? ''} #{view.aggregateSequence ?? '—'}
          </dd>
          <dt>Cause</dt>
          <dd>
            {view.causeType ?? '—'}: {view.causeMessage ?? ''}
          </dd>
          <dt>Payload</dt>
          <dd>
            <pre>{view.payload}</pre>
          </dd>
          {view.metadata && (
            <>
              <dt>Metadata</dt>
              <dd>
                <pre>{view.metadata}</pre>
              </dd>
            </>
          )}
          {view.diagnostics && (
            <>
              <dt>Diagnostics</dt>
              <dd>
                <pre>{view.diagnostics}</pre>
              </dd>
            </>
          )}
        </dl>
      )}
      <button type="button" id="retry-dead-letter" onClick={retry}>
        Retry the sequence
      </button>
      <button type="button" id="evict-dead-letter" onClick={evict}>
        Evict the sequence
      </button>
      <button type="button" onClick={onDone}>
        Close
      </button>
      {outcome && <p role="status">{outcome}</p>}
    </section>
  );
}
